import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../access/policy.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import type { AccountView, GrantView } from './account.presenter';
import { AccountCreationService } from './account-creation.service';
import { AccountAccessService } from './account-access.service';
import { AccountsService } from './accounts.service';
import { GrantChangeService } from './grant-change.service';
import {
  CreateDlaAccountDto,
  CreateLaoAdminDto,
  CreateProvinceOfficerDto,
  CreateStaffDto,
  ListOfficersQueryDto,
  NewGrantDto,
  ResetPasswordDto,
  UpdateStaffDto,
} from './dto/create-accounts.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly creation: AccountCreationService,
    private readonly grants: GrantChangeService,
    private readonly access: AccountAccessService,
  ) {}

  @Post('dla-accounts')
  @Policy('create', 'Account')
  createDlaAccount(@CurrentCaller() caller: Caller, @Body() body: CreateDlaAccountDto): Promise<AccountView> {
    return this.creation.createDlaAccount(caller, body);
  }

  @Get('dla-accounts')
  @Policy('read', 'Account')
  listDlaAccounts(@CurrentCaller() caller: Caller): Promise<{ items: AccountView[]; nextCursor: null }> {
    return this.accounts.listDlaAccounts(caller);
  }

  @Post('province-officers')
  @Policy('create', 'Account')
  createOfficer(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateProvinceOfficerDto,
  ): Promise<AccountView> {
    return this.creation.createProvinceOfficer(caller, body);
  }

  @Get('province-officers')
  @Policy('read', 'Account')
  listOfficers(
    @CurrentCaller() caller: Caller,
    @Query() query: ListOfficersQueryDto,
  ): Promise<{ items: AccountView[]; nextCursor: null }> {
    return this.accounts.listOfficers(caller, query.province);
  }

  @Post('laos/:code/admins')
  @Policy('create', 'Account')
  createLaoAdmin(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Body() body: CreateLaoAdminDto,
  ): Promise<AccountView> {
    return this.creation.createLaoAdmin(caller, code, body);
  }

  @Get('laos/:code/accounts')
  @Policy('read', 'Account')
  list(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
  ): Promise<{ items: AccountView[]; nextCursor: null }> {
    return this.accounts.listForLao(caller, code);
  }

  @Post('laos/:code/accounts')
  @Policy('create', 'Account')
  createStaff(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Body() body: CreateStaffDto,
  ): Promise<AccountView> {
    return this.creation.createStaff(caller, code, body);
  }

  @Get('accounts/:id')
  @Policy('read', 'Account')
  get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<AccountView> {
    return this.accounts.get(caller, id);
  }

  @Patch('accounts/:id')
  @Policy('update', 'Account')
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateStaffDto,
  ): Promise<AccountView> {
    return this.accounts.update(caller, id, body);
  }

  /** Changing a staff member's permissions: a new draft grant for the next appointment order. */
  @Post('accounts/:id/grants')
  @Policy('create', 'AccountGrant')
  proposeGrant(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: NewGrantDto,
  ): Promise<GrantView> {
    return this.grants.propose(caller, id, body);
  }

  @Post('accounts/:id/disable')
  @Policy('disable', 'Account')
  disable(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<AccountView> {
    return this.access.disable(caller, id);
  }

  @Post('accounts/:id/enable')
  @Policy('enable', 'Account')
  enable(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<AccountView> {
    return this.access.enable(caller, id);
  }

  /**
   * A temporary password (changed at first sign-in; staff only) or, without one, a fresh link: the
   * invitation again for someone who never set a password (resend), a reset link otherwise.
   */
  @Post('accounts/:id/password-reset')
  @HttpCode(204)
  @Policy('resetPassword', 'Account')
  async resetPassword(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    await this.access.resetPassword(caller, id, body.temporaryPassword);
  }
}
