import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { AbilityFactory } from '../../../src/access/ability.factory';
import type { Principal } from '../../../src/access/principal';
import type { Caller } from '../../../src/access/request-context';
import { AccountGrant, type GrantState } from '../../../src/accounts/entities/account-grant.entity';
import { Account } from '../../../src/accounts/entities/account.entity';
import { AuditService } from '../../../src/audit/audit.service';
import { SetPasswordLinks } from '../../../src/auth/set-password-links.service';
import { loadConfig } from '../../../src/config/load-config';
import { createOrmOptions } from '../../../src/database/orm-options';
import { OrderDocument } from '../../../src/documents/entities/order-document.entity';
import { MailOutbox } from '../../../src/notifications/mail-outbox.service';
import { MailSecretBox } from '../../../src/notifications/mail-secret';
import { NotificationEvents } from '../../../src/notifications/notification-events.service';
import { AppointmentOrder, type OrderState } from '../../../src/orders/entities/appointment-order.entity';
import { OutboxService } from '../../../src/outbox/outbox.service';
import { ActivationScheduler } from '../../../src/workflow/activation-scheduler';
import { GrantActivation } from '../../../src/workflow/grant-activation';
import { OrderEffects } from '../../../src/workflow/order-effects';
import { TransitionService } from '../../../src/workflow/transition.service';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** The TransitionService wired by hand with its real collaborators over a fresh database. */
export interface WorkflowHarness {
  db: TestDatabase;
  orm: MikroORM;
  transitions: TransitionService;
  close(): Promise<void>;
}

export async function startWorkflowHarness(): Promise<WorkflowHarness> {
  const db = await createTestDatabase();
  const orm = await MikroORM.init(createOrmOptions(db.url, { preferTs: false }));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url });
  const outbox = new OutboxService();
  const effects = new OrderEffects(
    new ActivationScheduler(outbox),
    new GrantActivation(
      new SetPasswordLinks(new MailOutbox(outbox, new MailSecretBox(config), config), config),
    ),
    new NotificationEvents(outbox),
  );
  const transitions = new TransitionService(new AuditService(orm.em), effects);
  return {
    db,
    orm,
    transitions,
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}

const abilities = new AbilityFactory();

/** A signed-in caller as the AccessGuard would build it. */
export async function callerFor(em: EntityManager, accountId: string): Promise<Caller> {
  const account = await em.fork().findOneOrFail(Account, accountId);
  const grant = await em
    .fork()
    .findOne(
      AccountGrant,
      { account: accountId, state: { $nin: ['revoked', 'superseded'] } },
      { orderBy: { createdAt: 'desc' } },
    );
  const principal: Principal = {
    accountId: account.id,
    username: account.username,
    role: account.role,
    provinceCode: account.province?.code ?? null,
    laoCode: account.lao?.code ?? null,
    grantState: grant?.state ?? null,
    services: grant?.state === 'active' ? grant.services : [],
    ip: '127.0.0.1',
  };
  return { principal, ability: abilities.createFor(principal) };
}

export const SHA_A = 'a'.repeat(64);

export interface SeededOrder {
  orderId: string;
  grantIds: string[];
  /** The order's version after seeding (the document link is a second write). */
  version: number;
}

/**
 * Test setup only: an order already in `state` with an accepted document (sha256 SHA_A), grants in
 * `grantState` and an effective date in the past, written directly (not through the workflow).
 */
// Sequential, not random: hundreds of seeded orders share one LAO and year, and random numbers collided.
let lastOrderNo = 500_000; // above the small numbers tests type through the API
function nextOrderNo(): number {
  lastOrderNo += 1;
  return lastOrderNo;
}

export async function seedOrder(
  em: EntityManager,
  input: {
    laoCode: string;
    provinceCode: string;
    createdById: string;
    holderIds: string[];
    state: OrderState;
    grantState: GrantState;
  },
): Promise<SeededOrder> {
  return em.fork().transactional(async (tx) => {
    const order = tx.create(AppointmentOrder, {
      lao: input.laoCode,
      provinceCode: input.provinceCode,
      orderNo: nextOrderNo(),
      orderYear: 2568,
      subject: 'แต่งตั้งผู้ดูแลระบบ',
      signedDate: '2025-01-02',
      effectiveDate: '2025-01-02',
      state: input.state,
      submittedAt: new Date(),
      createdBy: input.createdById,
    });
    const doc = tx.create(OrderDocument, {
      order,
      state: 'valid',
      sha256: SHA_A,
      size: 1000,
      pages: 1,
      filename: 'order.pdf',
      quarantineKey: `orders/${order.id}/x.pdf`,
      storageKey: `x/orders/${order.id}/${SHA_A}.pdf`,
      uploadedBy: input.createdById,
    });
    order.currentDocument = doc;
    const grants = input.holderIds.map((accountId) =>
      tx.create(AccountGrant, {
        account: accountId,
        lao: input.laoCode,
        role: 'lao_user',
        state: input.grantState,
        order,
      }),
    );
    await tx.flush();
    return { orderId: order.id, grantIds: grants.map((g) => g.id), version: order.version };
  });
}
