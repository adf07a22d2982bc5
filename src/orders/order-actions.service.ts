import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../access/request-context';
import { presentGrant, type GrantView } from '../accounts/account.presenter';
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import { AuditService } from '../audit/audit.service';
import { WorkflowHistory } from '../workflow/entities/workflow-history.entity';
import { presentHistory, type HistoryEntryView } from '../workflow/history.presenter';
import type { OrderEvent } from '../workflow/order-transitions';
import type { NoticeSink } from '../workflow/transition-context';
import { TransitionService } from '../workflow/transition.service';
import { WorkflowErrors } from '../workflow/workflow-errors';
import { loadOrder } from './order-loader';
import { presentOrder, type OrderView } from './order.presenter';

export type PersonOrderEvent = Extract<OrderEvent, 'withdraw' | 'verify' | 'return' | 'revoke'>;

export interface ActionInput {
  version: number;
  reason?: string;
  documentSha256?: string;
}

/** Orders' and grants' workflow actions from people: one transaction each, through the TransitionService. */
@Injectable()
export class OrderActions {
  constructor(
    private readonly em: EntityManager,
    private readonly transitions: TransitionService,
    private readonly audit: AuditService,
  ) {}

  async apply(
    caller: Caller,
    id: string,
    event: PersonOrderEvent,
    input: ActionInput,
    notices?: NoticeSink,
  ): Promise<OrderView> {
    return this.em.fork().transactional(async (em) => {
      const order = await loadOrder(em, caller.ability, id);
      const applied = await this.transitions.applyOrder(em, order, event, {
        actor: caller,
        version: input.version,
        reason: input.reason,
        documentSha256: input.documentSha256,
        notices,
      });
      return presentOrder(order, { grants: applied.grants });
    });
  }

  async revokeGrant(
    caller: Caller,
    id: string,
    input: { version: number; reason: string },
  ): Promise<GrantView> {
    return this.em.fork().transactional(async (em) => {
      const grant = await em.findOne(AccountGrant, id, { populate: ['lao', 'account'] });
      if (!grant) throw WorkflowErrors.GRANT_NOT_FOUND();
      await this.transitions.applyGrant(em, grant, 'revoke', {
        actor: caller,
        version: input.version,
        reason: input.reason,
      });
      return presentGrant(grant);
    });
  }

  /** A grant with its history; someone else's grant is personal data, so the read is logged. */
  async getGrant(caller: Caller, id: string): Promise<GrantView & { history: HistoryEntryView[] }> {
    const em = this.em.fork();
    const grant = await em.findOne(AccountGrant, id, { populate: ['lao', 'account'] });
    if (!grant || !caller.ability.can('read', grant)) throw WorkflowErrors.GRANT_NOT_FOUND();
    const history = await em.find(
      WorkflowHistory,
      { itemType: 'grant', itemId: grant.id },
      { populate: ['actor'], orderBy: { at: 'asc', id: 'asc' } },
    );
    if (grant.account.id !== caller.principal.accountId) {
      await this.audit.record({
        action: 'read.grant',
        actor: caller.principal,
        subjectType: 'AccountGrant',
        subjectId: grant.id,
      });
    }
    return { ...presentGrant(grant), history: history.map(presentHistory) };
  }
}
