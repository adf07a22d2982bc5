import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { accessibleFilter } from '../access/rules-to-filter';
import { assertCan } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { MailOutbox } from '../notifications/mail-outbox.service';
import { emailChangedMail } from '../notifications/templates/account-mail';
import { presentAccount, type AccountView } from './account.presenter';
import { divisionOf, visibleLao } from './account-scope';
import { AccountsErrors } from './accounts-errors';
import type { UpdateStaffDto } from './dto/create-accounts.dto';
import { Account } from './entities/account.entity';
import { refreshSearchTextOfAppointee } from '../orders/search-text-refresh';
import { invitationsOf } from './invitations';
import { liveGrantsOf } from './live-grants';
import { personFields } from './person-fields';

/** 77 provinces with a handful of officers each: one bounded page is the whole list. */
const MAX_OFFICERS = 1000;

/** Reading, editing, disabling and password resets of existing accounts. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly mail: MailOutbox,
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
    const ids = accounts.map((a) => a.id);
    const live = await liveGrantsOf(em, ids);
    const invitations = await invitationsOf(em, ids);
    await this.auditListRead(caller, accounts, { laoCode: lao.code });
    return {
      items: accounts.map((a) =>
        presentAccount(
          a,
          live.get(a.id)?.current ?? null,
          live.get(a.id)?.pending ?? null,
          invitations.get(a.id),
        ),
      ),
      nextCursor: null,
    };
  }

  /** Provincial officers the caller may read (all of them for DLA), by province then username. */
  async listOfficers(
    caller: Caller,
    provinceCode?: string,
  ): Promise<{ items: AccountView[]; nextCursor: null }> {
    const where: FilterQuery<Account>[] = [{ role: 'province_officer' }];
    if (provinceCode) where.push({ province: provinceCode });
    return this.listWhere(caller, where, { role: 'province_officer', provinceCode: provinceCode ?? null });
  }

  /** DLA central's own accounts (dla_admin, dla_helpdesk). */
  async listDlaAccounts(caller: Caller): Promise<{ items: AccountView[]; nextCursor: null }> {
    return this.listWhere(caller, [{ role: { $in: ['dla_admin', 'dla_helpdesk'] } }], { role: 'dla' });
  }

  private async listWhere(
    caller: Caller,
    where: FilterQuery<Account>[],
    scope: Record<string, unknown>,
  ): Promise<{ items: AccountView[]; nextCursor: null }> {
    const filter = accessibleFilter<Account>(caller.ability, 'read', 'Account');
    if (!filter) return { items: [], nextCursor: null };
    const em = this.em.fork();
    const accounts = await em.find(
      Account,
      { $and: [filter, ...where] },
      { orderBy: { province: 'asc', username: 'asc' }, limit: MAX_OFFICERS },
    );
    const invitations = await invitationsOf(
      em,
      accounts.map((a) => a.id),
    );
    await this.auditListRead(caller, accounts, scope);
    return {
      items: accounts.map((a) => presentAccount(a, null, undefined, invitations.get(a.id))),
      nextCursor: null,
    };
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
    const invitation = (await invitationsOf(em, [account.id])).get(account.id);
    return presentAccount(account, current, pending, invitation);
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
      const oldEmail = account.email;
      Object.assign(account, changes);
      if (account.email.toLowerCase() !== oldEmail.toLowerCase()) this.tellOldAddress(em, account, oldEmail);
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
          details: {
            fields: Object.keys(dto).filter((k) => dto[k as keyof UpdateStaffDto] !== undefined),
            ...(account.email !== oldEmail ? { emailChanged: true } : {}),
          },
        },
        em,
      );
      return presentAccount(account);
    });
  }

  /** The old address hears of the change: a hijacked account's owner can still raise the alarm. */
  private tellOldAddress(em: EntityManager, account: Account, oldEmail: string): void {
    this.mail.queue(
      em,
      emailChangedMail({
        to: oldEmail,
        fullName: account.fullName,
        username: account.username,
        newEmail: account.email,
        changedAt: new Date(),
      }),
    );
  }
}
