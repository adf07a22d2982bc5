import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export const DECISION_ACTIONS = ['view', 'process'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export class AuthzCheckDto {
  @ApiProperty({ example: 'user02001' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  /** Any string: an unknown LAO is a decision (`OTHER_LAO`), not an error. */
  @ApiProperty({ example: '6360507' }) @IsString() @MinLength(1) @MaxLength(20) laoCode!: string;
  @ApiProperty({ example: 'waste-fee' }) @IsString() @MinLength(1) @MaxLength(64) serviceKey!: string;
  @ApiProperty({ enum: DECISION_ACTIONS }) @IsIn(DECISION_ACTIONS) action!: DecisionAction;
}

/** At most 100 checks: the service answers AUTHZ_BATCH_TOO_LARGE beyond that (before validating each). */
export class AuthzCheckBatchDto {
  @ApiProperty({ type: [AuthzCheckDto], maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => AuthzCheckDto)
  checks!: AuthzCheckDto[];
}
