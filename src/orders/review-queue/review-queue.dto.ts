import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const bool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ example: '36' }) @IsOptional() @Matches(/^\d{2}$/) province?: string;
  @ApiPropertyOptional({ example: '6360507' }) @IsOptional() @Matches(/^\d{7}$/) lao?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean() findings?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
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
