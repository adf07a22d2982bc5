import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/validation/optional';

const bool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ example: '36' }) @Optional() @Matches(/^\d{2}$/) province?: string;
  @ApiPropertyOptional({ example: '6360507' }) @Optional() @Matches(/^\d{7}$/) lao?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @Optional() @Transform(bool) @IsBoolean() findings?: boolean;
  @ApiPropertyOptional() @Optional() @Transform(bool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(500) cursor?: string;
}

export class BulkVerifyItemDto {
  @ApiProperty() @IsUUID() id!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) version!: number;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) documentSha256!: string;
}

export class BulkVerifyDto {
  @ApiProperty({ type: [BulkVerifyItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BulkVerifyItemDto)
  items!: BulkVerifyItemDto[];
}
