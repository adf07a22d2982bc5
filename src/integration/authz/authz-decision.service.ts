import { subject } from '@casl/ability';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../../access/ability.factory';
import { PrincipalLoader, type DecisionSubject } from '../../access/principal.loader';
import { normalizeUsername } from '../../accounts/username';
import type { DecisionAction } from './authz.dto';

export const DECISION_REASONS = [
  'NO_ACCOUNT',
  'ACCOUNT_DISABLED',
  'OTHER_LAO',
  'NO_ACTIVE_GRANT',
  'SERVICE_NOT_GRANTED',
  'SERVICE_NOT_OPEN',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface DecisionQuery {
  username: string;
  laoCode: string;
  serviceKey: string;
  action: DecisionAction;
}

export interface Decision {
  allowed: boolean;
  /** Why not (null when allowed). */
  reason: DecisionReason | null;
  grant: { id: string; state: string; validFrom: string | null } | null;
  order: { id: string; label: string } | null;
}

/**
 * "May this person view / process this service of this LAO now?" The person is loaded into the same
 * Principal their own request would get (PrincipalLoader) and the answer comes from the same CASL
 * ability (AbilityFactory); the reason explains a refusal. Nothing is cached: a revocation, disable
 * or supersede shows on the very next call.
 */
@Injectable()
export class AuthzDecisionService {
  constructor(
    private readonly em: EntityManager,
    private readonly principals: PrincipalLoader,
    private readonly abilities: AbilityFactory,
  ) {}

  async check(query: DecisionQuery): Promise<Decision> {
    const [person, open] = await Promise.all([
      this.principals.loadByUsernameKey(normalizeUsername(query.username).slice(0, 64)),
      this.serviceOpen(query.laoCode, query.serviceKey),
    ]);
    if (!person) return refuse('NO_ACCOUNT', null);
    if (person.status === 'disabled') return refuse('ACCOUNT_DISABLED', person);
    if (person.principal.laoCode !== query.laoCode) return refuse('OTHER_LAO', person);
    const ability = this.abilities.createFor(person.principal);
    const granted = ability.can(query.action, subject('CitizenService', { key: query.serviceKey }) as never);
    if (!granted) {
      return refuse(
        person.principal.grantState === 'active' ? 'SERVICE_NOT_GRANTED' : 'NO_ACTIVE_GRANT',
        person,
      );
    }
    if (!open) return refuse('SERVICE_NOT_OPEN', person);
    return { allowed: true, reason: null, ...context(person) };
  }

  private async serviceOpen(laoCode: string, serviceKey: string): Promise<boolean> {
    const rows = await this.em
      .getConnection()
      .execute<{ open: boolean }[]>(
        'select open from lao_service where lao_code = ? and service_key = ? and enabled',
        [laoCode.slice(0, 20), serviceKey.slice(0, 64)],
      );
    return rows[0]?.open === true;
  }
}

function refuse(reason: DecisionReason, person: DecisionSubject | null): Decision {
  return { allowed: false, reason, ...context(person) };
}

function context(person: DecisionSubject | null): Pick<Decision, 'grant' | 'order'> {
  const grant = person?.grant ?? null;
  const order = person?.order ?? null;
  return {
    grant: grant
      ? { id: grant.id, state: grant.state, validFrom: grant.activatedAt?.toISOString() ?? null }
      : null,
    order: order ? { id: order.id, label: `ที่ ${order.no}/${order.year}` } : null,
  };
}
