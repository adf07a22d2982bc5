import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** The settings to change; a field left out keeps its value, `null` clears fee, division or note. */
export class UpdateLaoServiceDto {
  @ApiPropertyOptional({ description: 'Staff may work on the service' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Open to the public; needs `enabled` and an active admin grant' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ nullable: true, example: 20, description: 'Baht' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9_999_999_999.99)
  fee?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'A division of this LAO' })
  @IsOptional()
  @IsUUID()
  divisionId?: string | null;

  @ApiPropertyOptional({ example: 15, description: 'Days to complete a request' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  slaDays?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
