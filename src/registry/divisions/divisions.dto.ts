import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional } from '../../common/validation/optional';

export class DivisionItemDto {
  @ApiPropertyOptional({ description: 'An existing division of this LAO; omit to add one' })
  @Optional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'กองช่าง' }) @IsString() @MinLength(1) @MaxLength(200) nameTh!: string;

  @ApiPropertyOptional({ example: 'Public Works Division', nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;
}

/** The whole list, in display order: divisions left out are removed (or deactivated while in use). */
export class ReplaceDivisionsDto {
  @ApiProperty({ type: [DivisionItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DivisionItemDto)
  items!: DivisionItemDto[];
}

export class ListDivisionsQueryDto {
  @ApiPropertyOptional({ description: 'Also list deactivated divisions', default: false })
  @Optional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  includeInactive?: boolean;
}
