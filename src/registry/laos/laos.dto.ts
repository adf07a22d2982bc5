import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '../pagination/keyset-cursor';
import { Nullable, Optional } from '../../common/validation/optional';

export class ListLaosQueryDto {
  @ApiPropertyOptional({ example: '36', description: 'Province code (2 digits)' })
  @Optional()
  @Matches(/^\d{2}$/)
  province?: string;

  @ApiPropertyOptional({ example: 'คูเมือง', description: 'Part of the Thai name, or the start of the code' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
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

/** Contact details are the LAO's to keep; `null` clears one. The name is registry data (dla_admin). */
export class UpdateLaoDto {
  @ApiPropertyOptional({ example: 'องค์การบริหารส่วนตำบลคูเมือง' })
  @ValidateIf((o: UpdateLaoDto) => o.nameTh !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameTh?: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(1000)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '044-123456' })
  @Nullable()
  @IsString()
  @Matches(/^[0-9+\-() ,#]{3,50}$/)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://www.khumueang.go.th' })
  @Nullable()
  @IsString()
  @Matches(/^https?:\/\/\S+$/)
  @MaxLength(300)
  website?: string | null;
}
