import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AccountGrant, type GrantState } from '../accounts/entities/account-grant.entity';
import { Account } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import { endAllSessions } from '../auth/sessions';
import type { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import type { ChangeEventType } from '../outbox/change-event.entity';
import { recordChangeEvent } from '../outbox/change-events';
import { bangkokDate } from './bangkok-date';
import { WorkflowHistory } from './entities/workflow-history.entity';
import {
  GRANT_EVENT_OF_ORDER_EVENT,
  GRANT_TRANSITIONS,
  type GrantEvent,
  type GrantTransition,
} from './grant-transitions';
import { firstFailingGuard } from './order-guards';
import { ORDER_TRANSITIONS, type OrderEvent } from './order-transitions';
import { OrderEffects } from './order-effects';
import { normalizeReason } from './reason';
import { assertActor, assertVisible, flushOrConflict } from './transition-checks';
import {
  actorLabel,
  isSystemActor,
  type TransitionActor,
  type TransitionContext,
} from './transition-context';
import { findTransition, targetState } from './transition-table';
import { WorkflowErrors } from './workflow-errors';

export interface AppliedOrderTransition {
  order: AppointmentOrder;
  event: OrderEvent;
  from: AppointmentOrder['state'];
  to: AppointmentOrder['state'];
  grants: AccountGrant[];
}

export interface GrantTransitionContext extends TransitionContext {
  /** Set only when a grant follows its order (events whose actor is `order`). */
  followingOrder?: AppointmentOrder;
}

/** A revoked holder keeps no session: its powers end now, not when a token expires. */
async function endSessionsOfRevoked(em: EntityManager, grants: AccountGrant[]): Promise<void> {
  await endAllSessions(
    em,
    grants.filter((g) => g.state === 'revoked').map((g) => g.account),
  );
}

/**
 * The only code that changes the state of an order or a grant (principle 2). Each call runs inside
 * the caller's transaction: table, ability, guards, version, state + version bump, history, grant
 * cascade, side effects (outbox rows) and the audit row commit together or not at all.
 * Every check runs before the first change, so a refusal leaves the unit of work untouched.
 */
@Injectable()
export class TransitionService {
  constructor(
    private readonly audit: AuditService,
    private readonly effects: OrderEffects,
  ) {}

  async applyOrder(
    em: EntityManager,
    order: AppointmentOrder,
    event: OrderEvent,
    ctx: TransitionContext,
  ): Promise<AppliedOrderTransition> {
    assertVisible(ctx.actor, order, event, () => WorkflowErrors.ORDER_NOT_FOUND());
    const transition = findTransition(ORDER_TRANSITIONS, order.state, event);
    if (!transition) throw WorkflowErrors.ORDER_STATE_CONFLICT({ state: order.state, event });
    assertActor(transition.actor, ctx.actor, event, order);

    await em.populate(order, ['currentDocument']);
    const grants = await em.find(
      AccountGrant,
      { order: order.id },
      { populate: ['account', 'lao'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const refusal = firstFailingGuard(transition.guard, { order, grants, ctx, today: bangkokDate() });
    if (refusal) throw refusal;
    if (ctx.version !== undefined && ctx.version !== order.version) {
      throw WorkflowErrors.ORDER_VERSION_CONFLICT({ state: order.state, currentVersion: order.version });
    }

    const from = order.state;
    const to = targetState(transition, from);
    order.state = to;
    // Also for same-state events (upload): the UPDATE must happen so the version moves on.
    order.updatedAt = new Date();
    if (to === 'uploaded') order.submittedAt = new Date();
    this.recordHistory(em, 'order', order.id, from, to, event, ctx);

    const moved = this.cascade(em, grants, GRANT_EVENT_OF_ORDER_EVENT[event], ctx);
    await endSessionsOfRevoked(em, moved);
    // Flushed before any further query: MikroORM would auto-flush there, outside the conflict mapping.
    await flushOrConflict(em);
    if (event === 'activate') {
      await this.supersedeOlderGrants(em, order, moved, ctx);
      await flushOrConflict(em);
    }

    const applied: AppliedOrderTransition = { order, event, from, to, grants };
    await this.effects.afterOrder(em, applied, ctx);
    await this.audit.record(
      {
        action: `workflow.order.${event}`,
        actor: isSystemActor(ctx.actor) ? null : ctx.actor.principal,
        actorUsername: actorLabel(ctx.actor),
        subjectType: 'AppointmentOrder',
        subjectId: order.id,
        details: {
          from,
          to,
          version: order.version,
          reason: normalizeReason(ctx.reason),
          documentSha256: ctx.documentSha256 ?? null,
          grants: moved.map((g) => g.id),
        },
      },
      em,
    );
    return applied;
  }

  /** A grant event on its own: a direct revoke (people), or a grant following `ctx.followingOrder`. */
  async applyGrant(
    em: EntityManager,
    grant: AccountGrant,
    event: GrantEvent,
    ctx: GrantTransitionContext,
  ): Promise<AccountGrant> {
    await em.populate(grant, ['lao', 'account']);
    assertVisible(ctx.actor, grant, event, () => WorkflowErrors.GRANT_NOT_FOUND());
    const transition = findTransition(GRANT_TRANSITIONS, grant.state, event);
    if (!transition) throw WorkflowErrors.GRANT_STATE_CONFLICT({ state: grant.state, event });
    if (transition.actor.includes('order')) {
      if (!ctx.followingOrder || grant.order?.id !== ctx.followingOrder.id) {
        throw WorkflowErrors.TRANSITION_ACTOR_NOT_ALLOWED({ action: event });
      }
    } else {
      assertActor(transition.actor, ctx.actor, event, grant);
    }
    if (transition.guard?.includes('reasonRequired') && !normalizeReason(ctx.reason)) {
      throw WorkflowErrors.REASON_REQUIRED();
    }
    if (ctx.version !== undefined && ctx.version !== grant.version) {
      throw WorkflowErrors.GRANT_VERSION_CONFLICT({ state: grant.state, currentVersion: grant.version });
    }
    const from = grant.state;
    this.moveGrant(em, grant, transition, ctx);
    await endSessionsOfRevoked(em, [grant]);
    await flushOrConflict(em);
    await this.audit.record(
      {
        action: `workflow.grant.${event}`,
        actor: isSystemActor(ctx.actor) ? null : ctx.actor.principal,
        actorUsername: actorLabel(ctx.actor),
        subjectType: 'AccountGrant',
        subjectId: grant.id,
        details: { from, to: grant.state, version: grant.version, reason: normalizeReason(ctx.reason) },
      },
      em,
    );
    return grant;
  }

  /** Grants follow their order where the grant table allows it; others (e.g. already revoked) stay. */
  private cascade(
    em: EntityManager,
    grants: AccountGrant[],
    event: GrantEvent | undefined,
    ctx: TransitionContext,
  ): AccountGrant[] {
    if (!event) return [];
    const moved: AccountGrant[] = [];
    for (const grant of grants) {
      const transition = findTransition(GRANT_TRANSITIONS, grant.state, event);
      if (!transition) continue;
      this.moveGrant(em, grant, transition, ctx);
      moved.push(grant);
    }
    return moved;
  }

  /**
   * An account has one active grant per LAO: the newly active one supersedes the older ones. An LAO
   * has one active admin: a new admin's grant taking effect supersedes the previous admin's (handover).
   */
  private async supersedeOlderGrants(
    em: EntityManager,
    order: AppointmentOrder,
    activated: AccountGrant[],
    ctx: TransitionContext,
  ): Promise<void> {
    for (const grant of activated) {
      const older = await em.find(
        AccountGrant,
        grant.role === 'lao_admin'
          ? {
              lao: grant.lao.code,
              state: 'active',
              id: { $ne: grant.id },
              $or: [{ account: grant.account.id }, { role: 'lao_admin' }],
            }
          : { account: grant.account.id, lao: grant.lao.code, state: 'active', id: { $ne: grant.id } },
        { populate: ['account'] },
      );
      const handedOver: AccountGrant[] = [];
      for (const old of older) {
        const transition = findTransition(GRANT_TRANSITIONS, old.state, 'supersede');
        if (!transition) continue;
        this.moveGrant(em, old, transition, { ...ctx, reason: undefined });
        if (old.account.id !== grant.account.id) handedOver.push(old);
      }
      if (handedOver.length > 0) {
        // The previous admin's powers end now, not when a token expires.
        await endAllSessions(
          em,
          handedOver.map((g) => g.account),
        );
        this.effects.afterHandover(em, order, grant, handedOver, ctx);
      }
    }
  }

  private moveGrant(
    em: EntityManager,
    grant: AccountGrant,
    transition: GrantTransition,
    ctx: TransitionContext,
  ): void {
    const from = grant.state;
    const to = targetState(transition, from);
    grant.state = to;
    grant.updatedAt = new Date();
    if (to === 'active') grant.activatedAt = new Date();
    this.recordHistory(em, 'grant', grant.id, from, to, transition.event, ctx);
    const type = GRANT_FEED_EVENTS[to];
    if (type) {
      recordChangeEvent(
        em,
        type,
        {
          grantId: grant.id,
          accountId: grant.account.id,
          laoCode: grant.lao.code,
          role: grant.role,
          state: to,
          services: grant.services,
          orderId: grant.order?.id ?? null,
        },
        grant.account.id,
      );
    }
  }

  private recordHistory(
    em: EntityManager,
    itemType: WorkflowHistory['itemType'],
    itemId: string,
    from: string,
    to: string,
    event: string,
    ctx: TransitionContext,
  ): void {
    const actor: TransitionActor = ctx.actor;
    em.create(WorkflowHistory, {
      itemType,
      itemId,
      fromState: from,
      toState: to,
      event,
      actor: isSystemActor(actor) ? null : em.getReference(Account, actor.principal.accountId),
      actorLabel: actorLabel(actor),
      reason: normalizeReason(ctx.reason),
      documentSha256: ctx.documentSha256 ?? null,
    });
  }
}

/** Grant states other systems follow (the change feed, issue 14). */
const GRANT_FEED_EVENTS: Partial<Record<GrantState, ChangeEventType>> = {
  active: 'grant.activated',
  revoked: 'grant.revoked',
  superseded: 'grant.superseded',
};
