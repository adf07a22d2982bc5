import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../src/access/request-context';
import {
  AccountGrant,
  GRANT_STATES,
  type GrantState,
} from '../../src/accounts/entities/account-grant.entity';
import { AppError } from '../../src/common/errors/app-error';
import {
  AppointmentOrder,
  ORDER_STATES,
  type OrderState,
} from '../../src/orders/entities/appointment-order.entity';
import { WorkflowHistory } from '../../src/workflow/entities/workflow-history.entity';
import { GRANT_EVENTS, GRANT_TRANSITIONS, type GrantEvent } from '../../src/workflow/grant-transitions';
import { ORDER_EVENTS, ORDER_TRANSITIONS, type OrderEvent } from '../../src/workflow/order-transitions';
import type { TransitionContext } from '../../src/workflow/transition-context';
import { findTransition, targetState } from '../../src/workflow/transition-table';
import { createAccount } from '../support/factories';
import { createLao } from '../support/workflow-factories';
import {
  callerFor,
  seedOrder,
  SHA_A,
  startWorkflowHarness,
  type WorkflowHarness,
} from './support/workflow-harness';

/** The grant state each order state implies (the invariant the cascade keeps). */
const GRANT_OF_ORDER: Record<OrderState, GrantState> = {
  draft: 'draft',
  returned: 'draft',
  uploaded: 'uploaded',
  verified: 'verified',
  active: 'active',
  revoked: 'revoked',
};

interface Snapshot {
  order: { state: string; version: number } | null;
  grants: { id: string; state: string; version: number }[];
  history: number;
}

describe('transition tables, every (state, event) pair against PostgreSQL', () => {
  let h: WorkflowHarness;
  let em: EntityManager;
  let laoCode: string;
  let adminId: string;
  let admin: Caller;
  let officer: Caller;
  const holders: string[] = [];

  beforeAll(async () => {
    h = await startWorkflowHarness();
    em = h.orm.em.fork();
    laoCode = (await createLao(em, { provinceCode: '36' })).code;
    adminId = (await createAccount(em, { role: 'lao_admin', laoCode })).id;
    const officerId = (await createAccount(em, { role: 'province_officer', provinceCode: '36' })).id;
    holders.push((await createAccount(em, { role: 'lao_user', laoCode, grant: null })).id);
    admin = await callerFor(em, adminId);
    officer = await callerFor(em, officerId);
  });
  afterAll(() => h.close());

  async function snapshot(orderId: string): Promise<Snapshot> {
    const fork = em.fork();
    const order = await fork.findOne(AppointmentOrder, orderId);
    const grants = await fork.find(AccountGrant, { order: orderId }, { orderBy: { id: 'asc' } });
    return {
      order: order ? { state: order.state, version: order.version } : null,
      grants: grants.map((g) => ({ id: g.id, state: g.state, version: g.version })),
      history: await fork.count(WorkflowHistory, {}),
    };
  }

  function orderContext(event: OrderEvent, version: number): TransitionContext {
    const reason = 'เอกสารไม่ครบถ้วน';
    switch (event) {
      case 'upload':
        return { actor: admin, version, documentSha256: SHA_A };
      case 'withdraw':
        return { actor: admin, version };
      case 'revoke':
        return { actor: admin, version, reason };
      case 'verify':
        return { actor: officer, version, documentSha256: SHA_A };
      case 'return':
        return { actor: officer, version, reason };
      case 'document.accepted':
        return { actor: 'worker', documentSha256: SHA_A };
      case 'document.rejected':
        return { actor: 'worker', documentSha256: SHA_A, reason: 'ไฟล์ PDF เสียหาย' };
      case 'activate':
        return { actor: 'scheduler' };
    }
  }

  const orderCases = ORDER_STATES.flatMap((state) => ORDER_EVENTS.map((event) => [state, event] as const));

  it.each(orderCases)('order %s + %s', async (state, event) => {
    // Fresh holders: an activation supersedes their active grants on other orders.
    const own = [];
    for (let i = 0; i < 2; i += 1)
      own.push((await createAccount(em, { role: 'lao_user', laoCode, grant: null })).id);
    const seeded = await seedOrder(em, {
      laoCode,
      provinceCode: '36',
      createdById: adminId,
      holderIds: own,
      state,
      grantState: GRANT_OF_ORDER[state],
    });
    const before = await snapshot(seeded.orderId);
    const transition = findTransition(ORDER_TRANSITIONS, state, event);
    const run = em.fork().transactional(async (tx) => {
      const order = await tx.findOneOrFail(AppointmentOrder, seeded.orderId);
      await h.transitions.applyOrder(tx, order, event, orderContext(event, order.version));
    });

    if (!transition) {
      const error = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'ORDER_STATE_CONFLICT', status: 409, details: { state } });
      expect(await snapshot(seeded.orderId)).toEqual(before);
      return;
    }
    await run;
    const after = await snapshot(seeded.orderId);
    const to = targetState(transition, state);
    expect(after.order).toEqual({ state: to, version: before.order!.version + 1 });
    const rows = await em.fork().find(WorkflowHistory, { itemType: 'order', itemId: seeded.orderId });
    expect(rows.map((r) => [r.fromState, r.toState, r.event])).toEqual([[state, to, event]]);
    // Grants follow where their table allows it; each move has its own history row.
    const grantRows = await em
      .fork()
      .count(WorkflowHistory, { itemType: 'grant', itemId: { $in: seeded.grantIds } });
    const moved = after.grants.filter((g, i) => g.state !== before.grants[i].state).length;
    expect(grantRows).toBe(moved);
    expect(after.history - before.history).toBe(1 + moved);
  });

  const grantCases = GRANT_STATES.flatMap((state) => GRANT_EVENTS.map((event) => [state, event] as const));

  it.each(grantCases)('grant %s + %s', async (state, event) => {
    const seeded = await seedOrder(em, {
      laoCode,
      provinceCode: '36',
      createdById: adminId,
      holderIds: [holders[0]],
      state: 'active',
      grantState: state,
    });
    const grantId = seeded.grantIds[0];
    const before = await snapshot(seeded.orderId);
    const transition = findTransition(GRANT_TRANSITIONS, state, event);
    const run = em.fork().transactional(async (tx) => {
      const grant = await tx.findOneOrFail(AccountGrant, grantId, { populate: ['order'] });
      const ctx =
        event === 'revoke'
          ? { actor: admin, version: grant.version, reason: 'ย้ายไปปฏิบัติงานที่อื่น' }
          : { actor: 'worker' as const, followingOrder: grant.order ?? undefined };
      await h.transitions.applyGrant(tx, grant, event as GrantEvent, ctx);
    });
    if (!transition) {
      const error = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'GRANT_STATE_CONFLICT', status: 409, details: { state } });
      expect(await snapshot(seeded.orderId)).toEqual(before);
      return;
    }
    await run;
    const after = await snapshot(seeded.orderId);
    expect(after.grants[0]).toMatchObject({
      state: targetState(transition, state),
      version: before.grants[0].version + 1,
    });
    const rows = await em.fork().find(WorkflowHistory, { itemType: 'grant', itemId: grantId });
    expect(rows.map((r) => r.event)).toEqual([event]);
  });
});
