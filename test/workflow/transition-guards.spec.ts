import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../src/access/request-context';
import { AccountGrant } from '../../src/accounts/entities/account-grant.entity';
import { Account } from '../../src/accounts/entities/account.entity';
import { SetPasswordToken } from '../../src/auth/entities/set-password-token.entity';
import { MailMessage } from '../../src/notifications/entities/mail-message.entity';
import { AppointmentOrder } from '../../src/orders/entities/appointment-order.entity';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { WorkflowHistory } from '../../src/workflow/entities/workflow-history.entity';
import type { OrderEvent } from '../../src/workflow/order-transitions';
import type { TransitionContext } from '../../src/workflow/transition-context';
import { createAccount } from '../support/factories';
import { createLao } from '../support/workflow-factories';
import {
  callerFor,
  seedOrder,
  SHA_A,
  startWorkflowHarness,
  type WorkflowHarness,
} from './support/workflow-harness';

describe('TransitionService guards, abilities, versions and effects', () => {
  let h: WorkflowHarness;
  let em: EntityManager;
  let laoCode: string;
  let adminId: string;
  let admin: Caller;
  let officer: Caller;
  let otherOfficer: Caller;

  beforeAll(async () => {
    h = await startWorkflowHarness();
    em = h.orm.em.fork();
    laoCode = (await createLao(em, { provinceCode: '36' })).code;
    adminId = (await createAccount(em, { role: 'lao_admin', laoCode })).id;
    admin = await callerFor(em, adminId);
    officer = await callerFor(
      em,
      (await createAccount(em, { role: 'province_officer', provinceCode: '36' })).id,
    );
    otherOfficer = await callerFor(
      em,
      (await createAccount(em, { role: 'province_officer', provinceCode: '40' })).id,
    );
  });
  afterAll(() => h.close());

  async function uploadedOrder(holderIds?: string[]): Promise<{ orderId: string; grantIds: string[] }> {
    const holders = holderIds ?? [(await createAccount(em, { role: 'lao_user', laoCode, grant: null })).id];
    return seedOrder(em, {
      laoCode,
      provinceCode: '36',
      createdById: adminId,
      holderIds: holders,
      state: 'uploaded',
      grantState: 'uploaded',
    });
  }

  async function apply(
    orderId: string,
    event: OrderEvent,
    ctx: Omit<TransitionContext, 'version'> & { version?: number | 'current' },
  ): Promise<unknown> {
    return em
      .fork()
      .transactional(async (tx) => {
        const order = await tx.findOneOrFail(AppointmentOrder, orderId);
        const version = ctx.version === 'current' || ctx.version === undefined ? order.version : ctx.version;
        await h.transitions.applyOrder(tx, order, event, { ...ctx, version });
        return null;
      })
      .catch((e: unknown) => e);
  }

  it('refuses a verifier who is an appointee of the order', async () => {
    const { orderId } = await uploadedOrder([officer.principal.accountId]);
    expect(await apply(orderId, 'verify', { actor: officer, documentSha256: SHA_A })).toMatchObject({
      code: 'ORDER_VERIFIER_IS_APPOINTEE',
      status: 403,
    });
  });

  it('refuses a verification of another document than the current one', async () => {
    const { orderId } = await uploadedOrder();
    expect(await apply(orderId, 'verify', { actor: officer, documentSha256: 'b'.repeat(64) })).toMatchObject({
      code: 'ORDER_DOCUMENT_CHANGED',
      status: 409,
    });
  });

  it.each([[''], ['   '], ['wrong number']])('requires a Thai reason to return (%j)', async (reason) => {
    const { orderId } = await uploadedOrder();
    expect(await apply(orderId, 'return', { actor: officer, reason })).toMatchObject({
      code: 'REASON_REQUIRED',
      status: 400,
    });
  });

  it('answers a stale version with ORDER_VERSION_CONFLICT and changes nothing', async () => {
    const { orderId } = await uploadedOrder();
    const before = await em.fork().findOneOrFail(AppointmentOrder, orderId);
    expect(
      await apply(orderId, 'verify', { actor: officer, documentSha256: SHA_A, version: before.version - 1 }),
    ).toMatchObject({
      code: 'ORDER_VERSION_CONFLICT',
      status: 409,
    });
    expect((await em.fork().findOneOrFail(AppointmentOrder, orderId)).state).toBe('uploaded');
  });

  it("hides another province's order (404) and forbids a LAO admin to verify (403)", async () => {
    const { orderId } = await uploadedOrder();
    expect(await apply(orderId, 'verify', { actor: otherOfficer, documentSha256: SHA_A })).toMatchObject({
      code: 'ORDER_NOT_FOUND',
      status: 404,
    });
    expect(await apply(orderId, 'verify', { actor: admin, documentSha256: SHA_A })).toMatchObject({
      status: 403,
    });
  });

  it('refuses a human firing a worker event', async () => {
    const { orderId } = await seedOrder(em, {
      laoCode,
      provinceCode: '36',
      createdById: adminId,
      holderIds: [],
      state: 'draft',
      grantState: 'draft',
    });
    expect(await apply(orderId, 'document.accepted', { actor: admin, documentSha256: SHA_A })).toMatchObject({
      status: 403,
    });
  });

  it('does not activate before the effective date', async () => {
    const { orderId } = await seedOrder(em, {
      laoCode,
      provinceCode: '36',
      createdById: adminId,
      holderIds: [],
      state: 'verified',
      grantState: 'verified',
    });
    await em.fork().nativeUpdate(AppointmentOrder, orderId, { effectiveDate: '2999-01-01' });
    expect(await apply(orderId, 'activate', { actor: 'scheduler' })).toMatchObject({
      code: 'ORDER_NOT_YET_EFFECTIVE',
    });
  });

  it('schedules activation at once on verify when the effective date has come', async () => {
    const { orderId } = await uploadedOrder();
    expect(await apply(orderId, 'verify', { actor: officer, documentSha256: SHA_A })).toBeNull();
    const jobs = await em.fork().find(OutboxMessage, { name: 'workflow.activate-order' });
    expect(jobs.filter((j) => j.payload.orderId === orderId).map((j) => j.delayMs)).toEqual([0]);
  });

  it('on activation: supersedes the older active grant, enables an invited account and mails a set-password link', async () => {
    const veteran = await createAccount(em, { role: 'lao_user', laoCode, grant: { state: 'active' } });
    const newcomer = await createAccount(em, { role: 'lao_user', laoCode, grant: null, status: 'invited' });
    await em.fork().nativeUpdate(Account, newcomer.id, { passwordHash: null });
    const { orderId, grantIds } = await seedOrder(em, {
      laoCode,
      provinceCode: '36',
      createdById: adminId,
      holderIds: [veteran.id, newcomer.id],
      state: 'verified',
      grantState: 'verified',
    });
    expect(await apply(orderId, 'activate', { actor: 'scheduler' })).toBeNull();
    const fork = em.fork();
    expect((await fork.findOneOrFail(AccountGrant, veteran.grantId!)).state).toBe('superseded');
    expect((await fork.find(AccountGrant, { id: { $in: grantIds } })).map((g) => g.state)).toEqual([
      'active',
      'active',
    ]);
    expect((await fork.findOneOrFail(Account, newcomer.id)).status).toBe('active');
    expect(await fork.count(SetPasswordToken, { account: newcomer.id, purpose: 'activation' })).toBe(1);
    expect(await fork.count(SetPasswordToken, { account: veteran.id })).toBe(0);
    expect(await fork.count(MailMessage, { to: `${newcomer.username}@test.localhost` })).toBe(1);
  });

  it('lets exactly one of two concurrent verifications win; one history row', async () => {
    const { orderId } = await uploadedOrder();
    const results = await Promise.all([
      apply(orderId, 'verify', { actor: officer, documentSha256: SHA_A }),
      apply(orderId, 'verify', { actor: officer, documentSha256: SHA_A }),
    ]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.find((r) => r !== null)).toMatchObject({ status: 409 });
    expect(
      await em.fork().count(WorkflowHistory, { itemType: 'order', itemId: orderId, event: 'verify' }),
    ).toBe(1);
  });
});
