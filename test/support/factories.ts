import { randomBytes } from 'node:crypto';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  AccountGrant,
  type GrantState,
  type ServicePermission,
} from '../../src/accounts/entities/account-grant.entity';
import { Account, type AccountStatus, type Role } from '../../src/accounts/entities/account.entity';
import { normalizeUsername } from '../../src/accounts/username';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { createOrmOptions } from '../../src/database/orm-options';
import { AppointmentOrder, type OrderState } from '../../src/orders/entities/appointment-order.entity';
import { Lao } from '../../src/registry/entities/lao.entity';
import { Province } from '../../src/registry/entities/province.entity';
import type { TestApp } from './test-app';

/**
 * Factories that write straight to a test's database with the real entities and password hasher,
 * for the states a test needs without walking the whole workflow through the API first.
 * Each takes an EntityManager (e.g. `emOf(t)`) or a database URL.
 */
export type DbTarget = EntityManager | string;

export const DEFAULT_PASSWORD = 'Factory-Password-2569!';

/** A fresh EntityManager of a running test app. */
export function emOf(t: TestApp): EntityManager {
  return t.app.get(EntityManager).fork();
}

async function withEm<T>(target: DbTarget, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (typeof target !== 'string') return target.fork().transactional(work);
  const orm = await MikroORM.init(createOrmOptions(target, { preferTs: false }));
  try {
    return await orm.em.fork().transactional(work);
  } finally {
    await orm.close(true);
  }
}

export interface AccountSpec {
  role: Role;
  username?: string;
  password?: string;
  /** province_officer: its province. LAO roles take the LAO's province. */
  provinceCode?: string;
  laoCode?: string;
  /** Default `active` (it has signed in); `invited` never has. */
  status?: AccountStatus;
  /** LAO roles: the account's grant in its LAO (default active); null for none. */
  grant?: { state: GrantState; services?: ServicePermission[] } | null;
  firstName?: string;
}

export interface CreatedAccount {
  id: string;
  username: string;
  password: string;
  grantId: string | null;
}

const hasher = new PasswordHasher();

export async function createAccount(target: DbTarget, spec: AccountSpec): Promise<CreatedAccount> {
  const username = spec.username ?? `${spec.role.replace('_', '')}${randomBytes(3).toString('hex')}`;
  const password = spec.password ?? DEFAULT_PASSWORD;
  const passwordHash = await hasher.hash(password);
  return withEm(target, async (em) => {
    const lao = spec.laoCode ? await em.findOneOrFail(Lao, spec.laoCode) : null;
    const province = lao
      ? lao.province
      : spec.provinceCode
        ? em.getReference(Province, spec.provinceCode)
        : null;
    const account = em.create(Account, {
      username,
      usernameKey: normalizeUsername(username),
      passwordHash,
      title: 'นาย',
      firstName: spec.firstName ?? 'ทดสอบ',
      lastName: 'ระบบ',
      position: 'เจ้าหน้าที่ทดสอบ',
      email: `${username}@test.localhost`,
      role: spec.role,
      status: spec.status ?? 'active',
      lao,
      province,
    });
    let grantId: string | null = null;
    const isLaoRole = spec.role === 'lao_admin' || spec.role === 'lao_user';
    const grantSpec = spec.grant === undefined ? { state: 'active' as const } : spec.grant;
    if (isLaoRole && lao && grantSpec) {
      const grant = em.create(AccountGrant, {
        account,
        lao,
        role: spec.role as 'lao_admin' | 'lao_user',
        state: grantSpec.state,
        services: grantSpec.services ?? [],
        activatedAt: grantSpec.state === 'active' ? new Date() : null,
      });
      grantId = grant.id;
    }
    await em.flush();
    return { id: account.id, username, password, grantId };
  });
}

export interface OrderSpec {
  laoCode: string;
  createdById: string;
  state?: OrderState;
  orderNo?: number;
  /** Buddhist Era. */
  orderYear?: number;
}

let nextOrderNo = 1;

/** An appointment order row in the given state (no document, no history: for read-side tests). */
export async function createOrder(target: DbTarget, spec: OrderSpec): Promise<{ id: string }> {
  return withEm(target, async (em) => {
    const lao = await em.findOneOrFail(Lao, spec.laoCode);
    const order = em.create(AppointmentOrder, {
      lao,
      provinceCode: lao.province.code,
      orderNo: spec.orderNo ?? nextOrderNo++,
      orderYear: spec.orderYear ?? 2569,
      subject: 'แต่งตั้งผู้ดูแลระบบ',
      signedDate: '2026-01-15',
      effectiveDate: '2026-01-15',
      state: spec.state ?? 'draft',
      createdBy: em.getReference(Account, spec.createdById),
    });
    await em.flush();
    return { id: order.id };
  });
}
