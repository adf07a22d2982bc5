import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Nullable, Optional } from '../../common/validation/optional';

/** The settings to change; a field left out keeps its value, `null` clears fee, division or note. */
export class UpdateLaoServiceDto {
  @ApiPropertyOptional({ description: 'Staff may work on the service' })
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Open to the public; needs `enabled` and an active admin grant' })
  @Optional()
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ nullable: true, example: 20, description: 'Baht' })
  @Nullable()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9_999_999_999.99)
  fee?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'A division of this LAO' })
  @Nullable()
  @IsUUID()
  divisionId?: string | null;

  @ApiPropertyOptional({ example: 15, description: 'Days to complete a request' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(365)
  slaDays?: number;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
