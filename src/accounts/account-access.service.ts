import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCan } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { recordChangeEvent } from '../outbox/change-events';
import { PasswordHasher } from '../auth/password-hasher';
import { assertPasswordAcceptable } from '../auth/password-policy';
import { endAllSessions } from '../auth/sessions';
import { SetPasswordLinks, voidOpenLinks } from '../auth/set-password-links.service';
import { presentAccount, type AccountView } from './account.presenter';
import { AccountsErrors } from './accounts-errors';
import { Account } from './entities/account.entity';

/** Serialises every change that could leave DLA central without an active dla_admin. */
const DLA_ADMINS_LOCK = 'accounts:dla_admins';

/** Whether an account may be used at all: disable, enable, and new credentials (link or temporary). */
@Injectable()
export class AccountAccessService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: SetPasswordLinks,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Disabling stops the account on its very next request (status is read per request). */
  async disable(caller: Caller, accountId: string): Promise<AccountView> {
    return this.em.fork().transactional(async (em) => {
      const account = await this.load(em, caller, accountId, 'disable');
      if (account.status === 'disabled') throw AccountsErrors.ACCOUNT_ALREADY_DISABLED();
      if (account.role === 'dla_admin') await assertAnotherActiveDlaAdmin(em, account.id);
      account.status = 'disabled';
      await voidOpenLinks(em, account.id);
      await endAllSessions(em, [account]);
      await this.record(em, caller, 'account.disabled', account);
      recordChangeEvent(em, 'account.disabled', feedData(account), account.id);
      return presentAccount(account);
    });
  }

  /** Back to where it was: active when a password was ever set, otherwise still invited. */
  async enable(caller: Caller, accountId: string): Promise<AccountView> {
    return this.em.fork().transactional(async (em) => {
      const account = await this.load(em, caller, accountId, 'enable');
      if (account.status !== 'disabled') throw AccountsErrors.ACCOUNT_NOT_DISABLED();
      account.status = account.passwordHash ? 'active' : 'invited';
      await this.record(em, caller, 'account.enabled', account);
      recordChangeEvent(em, 'account.enabled', feedData(account), account.id);
      return presentAccount(account);
    });
  }

  /**
   * A temporary password (changed at first sign-in) or a fresh link: an invitation again for someone
   * who never set a password, otherwise a reset. Older links stop working either way.
   */
  async resetPassword(caller: Caller, accountId: string, temporaryPassword?: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const account = await this.load(em, caller, accountId, 'resetPassword');
      if (account.status === 'disabled') throw AccountsErrors.ACCOUNT_IS_DISABLED();
      if (temporaryPassword !== undefined) {
        assertCan(caller.ability, 'setTemporaryPassword', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
        assertPasswordAcceptable(temporaryPassword, account.username);
        account.passwordHash = await this.hasher.hash(temporaryPassword);
        account.mustChangePassword = true;
        if (account.status === 'invited') account.status = 'active';
        await voidOpenLinks(em, account.id);
      } else {
        await this.links.issue(em, account, account.passwordHash ? 'reset' : 'invite');
      }
      // Someone else reset the credentials (often because they leaked): every session ends.
      await endAllSessions(em, [account]);
      await this.record(em, caller, 'account.password.reset', account, {
        method: temporaryPassword !== undefined ? 'temporary_password' : 'link',
      });
    });
  }

  private async load(
    em: EntityManager,
    caller: Caller,
    accountId: string,
    action: 'disable' | 'enable' | 'resetPassword',
  ): Promise<Account> {
    const account = await em.findOne(Account, accountId, { populate: ['lao', 'province'] });
    if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
    assertCan(caller.ability, action, account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
    return account;
  }

  private async record(
    em: EntityManager,
    caller: Caller,
    action: string,
    account: Account,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      { action, actor: caller.principal, subjectType: 'Account', subjectId: account.id, details },
      em,
    );
  }
}

/** DLA central always keeps one active dla_admin (nobody else can create or enable one). */
async function assertAnotherActiveDlaAdmin(em: EntityManager, accountId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [DLA_ADMINS_LOCK]);
  const others = await em.count(Account, { role: 'dla_admin', status: 'active', id: { $ne: accountId } });
  if (others === 0) throw AccountsErrors.LAST_DLA_ADMIN();
}

/** What the change feed says about an account (issue 14): who, where, in which role. */
function feedData(account: Account): Record<string, unknown> {
  return {
    accountId: account.id,
    username: account.username,
    role: account.role,
    laoCode: account.lao?.code ?? null,
    status: account.status,
  };
}
