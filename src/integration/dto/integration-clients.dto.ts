import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '../../common/validation/optional';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CLIENT_SCOPES, type ClientScope } from '../../access/client-principal';

export class CreateIntegrationClientDto {
  @ApiProperty({ example: 'ระบบบริการประชาชน (e-service)' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CLIENT_SCOPES, isArray: true, example: ['authz:check', 'events:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CLIENT_SCOPES.length)
  @ArrayUnique()
  @IsIn(CLIENT_SCOPES, { each: true })
  scopes!: ClientScope[];
}

/** RFC 6749 §4.4.2 as JSON (a form body carries the same names). */
export class TokenRequestDto {
  @ApiProperty({ example: 'client_credentials' }) @IsString() @MaxLength(64) grant_type!: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(64) client_id?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200) client_secret?: string;
  @ApiPropertyOptional({ example: 'authz:check' }) @Optional() @IsString() @MaxLength(200) scope?: string;
}
