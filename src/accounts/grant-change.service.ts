import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCan, assertCanCreate } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { presentGrant, type GrantView } from './account.presenter';
import { enabledServices } from './account-scope';
import { AccountsErrors } from './accounts-errors';
import type { NewGrantDto } from './dto/create-accounts.dto';
import { AccountGrant, type GrantState } from './entities/account-grant.entity';
import { Account } from './entities/account.entity';

/** Grants on their way to active: an account has at most one, beside its active grant. */
export const PENDING_GRANT_STATES: readonly GrantState[] = ['draft', 'uploaded', 'verified'];

/**
 * Changing a staff member's permissions is a new appointment: a new draft grant with the new services,
 * which an order takes to active like any other; the active grant stays in force until the new one
 * supersedes it. So permissions never change without a verified order.
 */
@Injectable()
export class GrantChangeService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async propose(caller: Caller, accountId: string, dto: NewGrantDto): Promise<GrantView> {
    return this.em.fork().transactional(async (em) => {
      // Locked so two clicks cannot both find "no pending grant" and add two.
      const account = await em.findOne(Account, accountId, {
        populate: ['lao'],
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
      assertCan(caller.ability, 'read', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
      if (account.role !== 'lao_user' || !account.lao) throw AccountsErrors.GRANT_ONLY_FOR_STAFF();
      assertCanCreate(caller.ability, 'create', 'AccountGrant', { lao: { code: account.lao.code } });
      if (account.status === 'disabled') throw AccountsErrors.ACCOUNT_DISABLED();
      const pending = await em.findOne(AccountGrant, {
        account,
        lao: account.lao,
        state: { $in: [...PENDING_GRANT_STATES] },
      });
      if (pending) throw AccountsErrors.GRANT_CHANGE_PENDING({ grantId: pending.id, state: pending.state });
      const services = await enabledServices(em, account.lao, dto.services);
      const grant = em.create(AccountGrant, { account, lao: account.lao, role: 'lao_user', services });
      await this.audit.record(
        {
          action: 'grant.proposed',
          actor: caller.principal,
          subjectType: 'AccountGrant',
          subjectId: grant.id,
          details: { accountId: account.id, laoCode: account.lao.code, services },
        },
        em,
      );
      await em.flush();
      return presentGrant(grant);
    });
  }
}
