import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Account } from '../accounts/entities/account.entity';
import type { GrantState, ServicePermission } from '../accounts/entities/account-grant.entity';
import type { Principal } from './principal';

/**
 * The account's most relevant grant in its LAO: active first, else the newest live one. Shared by the
 * request principal and the decision API's principal, so both see the same grant.
 */
const RELEVANT_GRANT = `
  select id, state, services, order_id, activated_at from account_grant
   where account_id = a.id and lao_code = a.lao_code and state not in ('revoked', 'superseded')
   order by (state = 'active') desc, created_at desc
   limit 1`;

interface PrincipalRow {
  id: string;
  username: string;
  role: Account['role'];
  status: Account['status'];
  token_version: number;
  must_change_password: boolean;
  province_code: string | null;
  lao_code: string | null;
  grant_state: GrantState | null;
  grant_services: ServicePermission[] | null;
  session_live: boolean;
}

/** What the decision API needs about a person it is asked about (see src/integration/authz). */
export interface DecisionSubject {
  principal: Principal;
  status: Account['status'];
  grant: { id: string; state: GrantState; activatedAt: Date | null } | null;
  /** The grant's appointment order (`ที่ no/year`, Buddhist Era). */
  order: { id: string; no: number; year: number } | null;
}

interface DecisionRow {
  id: string;
  username: string;
  role: Account['role'];
  status: Account['status'];
  province_code: string | null;
  lao_code: string | null;
  grant_id: string | null;
  grant_state: GrantState | null;
  grant_services: ServicePermission[] | null;
  order_id: string | null;
  /** The driver leaves timestamptz as text. */
  activated_at: Date | string | null;
  order_no: number | null;
  order_year: number | null;
}

export interface LoadedPrincipal {
  principal: Principal;
  status: Account['status'];
  tokenVersion: number;
  mustChangePassword: boolean;
  /** The token's session (refresh family) has a token not revoked: logout and reuse end it. */
  sessionLive: boolean;
}

/**
 * Loads the caller in one query per request: the account and its most relevant grant in its LAO
 * (active first, else the newest), so grant or status changes apply on the very next request.
 */
@Injectable()
export class PrincipalLoader {
  constructor(private readonly em: EntityManager) {}

  async load(accountId: string, sessionId: string, ip: string | null): Promise<LoadedPrincipal | null> {
    const rows = await this.em.getConnection().execute<PrincipalRow[]>(
      `select a.id, a.username, a.role, a.status, a.token_version, a.must_change_password,
              a.province_code, a.lao_code, g.state as grant_state, g.services as grant_services,
              exists (select 1 from refresh_token r
                       where r.family_id = ? and r.account_id = a.id and r.revoked_at is null) as session_live
         from account a
         left join lateral (${RELEVANT_GRANT}) g on true
        where a.id = ?`,
      [sessionId, accountId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      status: row.status,
      tokenVersion: row.token_version,
      mustChangePassword: row.must_change_password,
      sessionLive: row.session_live,
      principal: principalOf(row, ip),
    };
  }

  /**
   * A person by username key, built into the same Principal a request of theirs would get: the
   * decision API asks the ability factory about them exactly as the console would.
   */
  async loadByUsernameKey(usernameKey: string): Promise<DecisionSubject | null> {
    const rows = await this.em.getConnection().execute<DecisionRow[]>(
      `select a.id, a.username, a.role, a.status, a.province_code, a.lao_code,
              g.id as grant_id, g.state as grant_state, g.services as grant_services,
              g.order_id, g.activated_at, o.order_no, o.order_year
         from account a
         left join lateral (${RELEVANT_GRANT}) g on true
         left join appointment_order o on o.id = g.order_id
        where a.username_key = ?`,
      [usernameKey],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      status: row.status,
      grant:
        row.grant_id && row.grant_state
          ? {
              id: row.grant_id,
              state: row.grant_state,
              activatedAt: row.activated_at ? new Date(row.activated_at) : null,
            }
          : null,
      order:
        row.order_id && row.order_no !== null && row.order_year !== null
          ? { id: row.order_id, no: row.order_no, year: row.order_year }
          : null,
      principal: principalOf(row, null),
    };
  }
}

type PrincipalColumns = Pick<
  PrincipalRow,
  'id' | 'username' | 'role' | 'province_code' | 'lao_code' | 'grant_state' | 'grant_services'
>;

/** One reading of the principal's columns for a request and for a decision about someone else. */
function principalOf(row: PrincipalColumns, ip: string | null): Principal {
  return {
    accountId: row.id,
    username: row.username,
    role: row.role,
    provinceCode: row.province_code,
    laoCode: row.lao_code,
    grantState: row.grant_state,
    // Only an active grant opens services; a provisional one prepares, and nothing more.
    services: row.grant_state === 'active' ? (row.grant_services ?? []) : [],
    ip,
  };
}
