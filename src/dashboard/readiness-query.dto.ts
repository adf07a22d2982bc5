import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../registry/pagination/keyset-cursor';
import { Optional } from '../common/validation/optional';

export class ReadinessCsvQueryDto {
  @ApiPropertyOptional({ example: '36', description: 'One province (an officer may only ask for its own)' })
  @Optional()
  @Matches(/^\d{2}$/)
  province?: string;
}

export class ReadinessQueryDto extends ReadinessCsvQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
