import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SERVICE_ACTIONS, type ServiceAction } from '../entities/account-grant.entity';
import { Optional } from '../../common/validation/optional';

export class CreateProvinceOfficerDto {
  @ApiProperty({ example: 'cpm.officer01' }) @IsString() @MinLength(3) @MaxLength(64) username!: string;
  @ApiProperty({ example: 'นางสาวสุดา ตรวจดี' }) @IsString() @MinLength(2) @MaxLength(200) fullName!: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ example: '36' }) @Matches(/^\d{2}$/) provinceCode!: string;
}

/** DLA central's own team: further dla_admins and helpdesk accounts. */
export class CreateDlaAccountDto {
  @ApiProperty({ enum: ['dla_admin', 'dla_helpdesk'] }) @IsIn(['dla_admin', 'dla_helpdesk']) role!:
    'dla_admin' | 'dla_helpdesk';
  @ApiProperty({ example: 'dla.helpdesk01' }) @IsString() @MinLength(3) @MaxLength(64) username!: string;
  @ApiProperty({ example: 'นายสมศักดิ์ ช่วยเหลือ' }) @IsString() @MinLength(2) @MaxLength(200) fullName!: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
}

export class ListOfficersQueryDto {
  @ApiPropertyOptional({ example: '36', description: 'Only the officers of this province (2 digits)' })
  @Optional()
  @Matches(/^\d{2}$/)
  province?: string;
}

export class PersonDto {
  @ApiPropertyOptional({ description: 'Generated when omitted' })
  @Optional()
  @IsString()
  @MinLength(3)
  @MaxLength(64)
  username?: string;

  @ApiProperty({ example: 'นาย' }) @IsString() @MinLength(1) @MaxLength(50) title!: string;
  @ApiProperty({ example: 'สมชาย' }) @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'ใจดี' }) @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiProperty({ example: 'นักวิชาการคอมพิวเตอร์' }) @IsString() @MinLength(1) @MaxLength(200) position!: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
}

export class CreateLaoAdminDto extends PersonDto {}

export class ServicePermissionDto {
  @ApiProperty({ example: 'waste-fee' }) @IsString() @MaxLength(64) serviceKey!: string;

  @ApiProperty({ enum: SERVICE_ACTIONS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SERVICE_ACTIONS, { each: true })
  actions!: ServiceAction[];
}

export class CreateStaffDto extends PersonDto {
  @ApiProperty() @IsUUID() divisionId!: string;

  @ApiProperty({ type: [ServicePermissionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ServicePermissionDto)
  services!: ServicePermissionDto[];

  @ApiPropertyOptional({
    description:
      'For staff without working e-mail: a temporary password (changed at first sign-in) instead of the link mailed at activation',
  })
  @Optional()
  @IsString()
  @MaxLength(256)
  temporaryPassword?: string;
}

/** New per-service permissions for a staff member: a new draft grant, active once its order is. */
export class NewGrantDto {
  @ApiProperty({ type: [ServicePermissionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ServicePermissionDto)
  services!: ServicePermissionDto[];
}

export class UpdateStaffDto {
  @ApiPropertyOptional() @Optional() @IsString() @MinLength(1) @MaxLength(50) title?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MinLength(1) @MaxLength(100) firstName?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MinLength(1) @MaxLength(100) lastName?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MinLength(1) @MaxLength(200) position?: string;
  @ApiPropertyOptional() @Optional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() divisionId?: string;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({
    description:
      'A temporary password the holder must change at first sign-in; omit to e-mail a set-password link',
  })
  @Optional()
  @IsString()
  @MaxLength(256)
  temporaryPassword?: string;
}
