import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ORDER_STATES, type OrderState } from '../entities/appointment-order.entity';
import { IsDigitsOrNumber } from './order-fields';
import { Optional } from '../../common/validation/optional';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateOrderDto {
  @ApiProperty({ example: '๑๒', description: 'Thai or Arabic digits, or a number' })
  @IsDigitsOrNumber()
  orderNo!: string | number;

  @ApiProperty({ example: '๒๕๖๘', description: 'Buddhist Era year; Thai or Arabic digits, or a number' })
  @IsDigitsOrNumber()
  orderYear!: string | number;

  @ApiProperty({ example: 'แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ผู้ปฏิบัติงานระบบ Digital DLA' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  subject!: string;

  @ApiProperty({ example: '2025-11-20' })
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  signedDate!: string;
  @ApiProperty({ example: '2025-11-20' })
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  effectiveDate!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  grantIds!: string[];
}

export class UpdateOrderDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @Optional() @IsDigitsOrNumber() orderNo?: string | number;
  @ApiPropertyOptional() @Optional() @IsDigitsOrNumber() orderYear?: string | number;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  subject?: string;

  @ApiPropertyOptional() @Optional() @Matches(DATE_ONLY) @IsISO8601({ strict: true }) signedDate?: string;
  @ApiPropertyOptional()
  @Optional()
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  effectiveDate?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  grantIds?: string[];
}

export class VersionDto {
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) version!: number;
}

export class ReasonDto extends VersionDto {
  @ApiProperty({ example: 'เลขที่คำสั่งในเอกสารไม่ตรงกับที่กรอก' })
  @IsString()
  @MaxLength(1000)
  reason!: string;
}

export class VerifyDto extends VersionDto {
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) documentSha256!: string;
}

export class ListOrdersDto {
  @ApiPropertyOptional({ enum: ORDER_STATES }) @Optional() @IsIn(ORDER_STATES) state?: OrderState;
  @ApiPropertyOptional() @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(500) cursor?: string;
}
