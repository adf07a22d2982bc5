import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { accessibleFilter } from '../access/rules-to-filter';
import { assertCan } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { assertPasswordAcceptable } from '../auth/password-policy';
import { endAllSessions } from '../auth/sessions';
import { SetPasswordLinks } from '../auth/set-password-links.service';
import { presentAccount, type AccountView } from './account.presenter';
import { divisionOf, visibleLao } from './account-scope';
import { AccountsErrors } from './accounts-errors';
import type { UpdateStaffDto } from './dto/create-accounts.dto';
import { Account } from './entities/account.entity';
import { refreshSearchTextOfAppointee } from '../orders/search-text-refresh';
import { liveGrantsOf } from './live-grants';
import { personFields } from './person-fields';

/** 77 provinces with a handful of officers each: one bounded page is the whole list. */
const MAX_OFFICERS = 1000;

/** Reading, editing, disabling and password resets of existing accounts. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: SetPasswordLinks,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  async listForLao(caller: Caller, laoCode: string): Promise<{ items: AccountView[]; nextCursor: null }> {
    const em = this.em.fork();
    const lao = await visibleLao(em, caller, laoCode);
    const filter = accessibleFilter<Account>(caller.ability, 'read', 'Account');
    if (!filter) return { items: [], nextCursor: null };
    const accounts = await em.find(
      Account,
      { $and: [filter, { lao: lao.code }] },
      { populate: ['division'], orderBy: { role: 'asc', username: 'asc' } },
    );
    const live = await liveGrantsOf(
      em,
      accounts.map((a) => a.id),
    );
    await this.auditListRead(caller, accounts, { laoCode: lao.code });
    return {
      items: accounts.map((a) =>
        presentAccount(a, live.get(a.id)?.current ?? null, live.get(a.id)?.pending ?? null),
      ),
      nextCursor: null,
    };
  }

  /** Provincial officers the caller may read (all of them for DLA), by province then username. */
  async listOfficers(
    caller: Caller,
    provinceCode?: string,
  ): Promise<{ items: AccountView[]; nextCursor: null }> {
    const filter = accessibleFilter<Account>(caller.ability, 'read', 'Account');
    if (!filter) return { items: [], nextCursor: null };
    const where: FilterQuery<Account>[] = [filter, { role: 'province_officer' }];
    if (provinceCode) where.push({ province: provinceCode });
    const officers = await this.em
      .fork()
      .find(Account, { $and: where }, { orderBy: { province: 'asc', username: 'asc' }, limit: MAX_OFFICERS });
    await this.auditListRead(caller, officers, {
      role: 'province_officer',
      provinceCode: provinceCode ?? null,
    });
    return { items: officers.map((a) => presentAccount(a, null)), nextCursor: null };
  }

  /** A list showing other people's names and e-mail addresses is a read of personal data: one row per list. */
  private async auditListRead(
    caller: Caller,
    accounts: Account[],
    scope: Record<string, unknown>,
  ): Promise<void> {
    const others = accounts.filter((a) => a.id !== caller.principal.accountId);
    if (others.length === 0) return;
    await this.audit.record({
      action: 'read.accounts',
      actor: caller.principal,
      subjectType: 'Account',
      details: { ...scope, count: others.length },
    });
  }

  /** Reading someone else's record is personal data: logged. */
  async get(caller: Caller, accountId: string): Promise<AccountView> {
    const em = this.em.fork();
    const account = await em.findOne(Account, accountId, { populate: ['division', 'lao'] });
    if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
    assertCan(caller.ability, 'read', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
    if (account.id !== caller.principal.accountId) {
      await this.audit.record({
        action: 'read.account',
        actor: caller.principal,
        subjectType: 'Account',
        subjectId: account.id,
      });
    }
    const { current, pending } = (await liveGrantsOf(em, [account.id])).get(account.id)!;
    return presentAccount(account, current, pending);
  }

  async update(caller: Caller, accountId: string, dto: UpdateStaffDto): Promise<AccountView> {
    return this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, accountId, { populate: ['lao', 'division'] });
      if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
      assertCan(caller.ability, 'update', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
      if (dto.divisionId) {
        if (!account.lao) throw AccountsErrors.DIVISION_NOT_FOUND();
        account.division = await divisionOf(em, account.lao, dto.divisionId);
      }
      // Only the fields sent: a DTO instance carries the others as explicit `undefined`.
      const changes = personFields({
        title: dto.title ?? account.title,
        firstName: dto.firstName ?? account.firstName,
        lastName: dto.lastName ?? account.lastName,
        position: dto.position ?? account.position,
        email: dto.email ?? account.email,
      });
      Object.assign(account, changes);
      if (dto.title !== undefined || dto.firstName !== undefined || dto.lastName !== undefined) {
        await em.flush();
        await refreshSearchTextOfAppointee(em, account.id);
      }
      await this.audit.record(
        {
          action: 'account.updated',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { fields: Object.keys(dto) },
        },
        em,
      );
      return presentAccount(account);
    });
  }

  /** Disabling stops the account on its very next request (status is read per request). */
  async disable(caller: Caller, accountId: string): Promise<AccountView> {
    return this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, accountId, { populate: ['lao'] });
      if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
      assertCan(caller.ability, 'disable', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
      if (account.status === 'disabled') throw AccountsErrors.ACCOUNT_ALREADY_DISABLED();
      account.status = 'disabled';
      await endAllSessions(em, [account]);
      await this.audit.record(
        {
          action: 'account.disabled',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
        },
        em,
      );
      return presentAccount(account);
    });
  }

  async resetPassword(caller: Caller, accountId: string, temporaryPassword?: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, accountId, { populate: ['lao'] });
      if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
      assertCan(caller.ability, 'resetPassword', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
      if (temporaryPassword !== undefined) {
        assertPasswordAcceptable(temporaryPassword, account.username);
        account.passwordHash = await this.hasher.hash(temporaryPassword);
        account.mustChangePassword = true;
      } else {
        await this.links.issue(em, account, 'reset');
      }
      // Someone else reset the credentials (often because they leaked): every session ends.
      await endAllSessions(em, [account]);
      await this.audit.record(
        {
          action: 'account.password.reset',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { method: temporaryPassword !== undefined ? 'temporary_password' : 'link' },
        },
        em,
      );
    });
  }
}
