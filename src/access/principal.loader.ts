import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Account } from '../accounts/entities/account.entity';
import type { GrantState, ServicePermission } from '../accounts/entities/account-grant.entity';
import type { Principal } from './principal';

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
         left join lateral (
           select state, services from account_grant
            where account_id = a.id and lao_code = a.lao_code and state not in ('revoked', 'superseded')
            order by (state = 'active') desc, created_at desc
            limit 1
         ) g on true
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
      principal: {
        accountId: row.id,
        username: row.username,
        role: row.role,
        provinceCode: row.province_code,
        laoCode: row.lao_code,
        grantState: row.grant_state,
        services: row.grant_state === 'active' ? (row.grant_services ?? []) : [],
        ip,
      },
    };
  }
}
