import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Divisions still named by an account or a service setting. Their foreign keys are `on delete set
 * null`, so deleting one would silently strip staff and services of their division: those are
 * deactivated instead.
 */
export async function referencedDivisionIds(em: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await em.getConnection().execute<{ division_id: string }[]>(
    `with ids as (select jsonb_array_elements_text(?::jsonb)::uuid as id)
     select distinct division_id from (
       select division_id from account where division_id in (select id from ids)
       union all
       select division_id from lao_service where division_id in (select id from ids)
     ) used`,
    [JSON.stringify(ids)],
    'all',
    em.getTransactionContext(),
  );
  return new Set(rows.map((r) => r.division_id));
}
