import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility } from '../access/subjects';
import { accessibleFilter } from '../access/rules-to-filter';
import { Lao } from '../registry/entities/lao.entity';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * The LAOs a caller's dashboard covers, as SQL: the LAOs it may read, under the Dashboard rule's
 * own conditions, optionally narrowed to one province. Null when the caller may see none.
 */
export function readinessScope(
  em: EntityManager,
  ability: AppAbility,
  provinceCode?: string,
): SqlFragment | null {
  const readable = accessibleFilter<Lao>(ability, 'read', 'Lao');
  const dashboard = accessibleFilter<Record<string, unknown>>(ability, 'read', 'Dashboard');
  if (!readable || !dashboard) return null;
  const conditions: FilterQuery<Lao>[] = [readable, dashboardToLao(dashboard as Record<string, unknown>)];
  if (provinceCode) conditions.push({ province: provinceCode });
  const qb = em.createQueryBuilder(Lao, 'l').select('l.code').where({ $and: conditions });
  // knex's form keeps `?` placeholders, the same as the raw SQL this is embedded in (getQuery gives $1).
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  return { sql, params: [...bindings] };
}

/** Dashboard rules speak of `provinceCode`; on the LAO table that is its province. */
const DASHBOARD_FIELDS: Readonly<Record<string, string>> = { provinceCode: 'province' };

/** Renames Dashboard condition fields to LAO fields; an unknown field fails closed (a rule this code does not understand). */
function dashboardToLao(condition: Record<string, unknown>): FilterQuery<Lao> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(condition)) {
    if (key === '$and' || key === '$or') {
      out[key] = (value as Record<string, unknown>[]).map(dashboardToLao);
    } else if (key === '$not') {
      out[key] = dashboardToLao(value as Record<string, unknown>);
    } else if (DASHBOARD_FIELDS[key]) {
      out[DASHBOARD_FIELDS[key]] = value;
    } else {
      throw new Error(`Dashboard rule condition on "${key}" has no LAO equivalent`);
    }
  }
  return out as FilterQuery<Lao>;
}
