import type { EntityManager } from '@mikro-orm/postgresql';

/** Next free `<LAO code>adminNN` (as in the rollout letter: 6360507admin01, …admin02). */
export async function nextAdminUsername(em: EntityManager, laoCode: string): Promise<string> {
  const rows = await em
    .getConnection()
    .execute<{ n: number | null }[]>(
      `select max(substring(username_key from '^' || ? || 'admin(\\d+)$')::int) as n from account where username_key like ? || 'admin%'`,
      [laoCode, laoCode],
      'all',
      em.getTransactionContext(),
    );
  return `${laoCode}admin${String((rows[0]?.n ?? 0) + 1).padStart(2, '0')}`;
}

/** Next free `userNNNNN` for staff (the letter's user02001 style). */
export async function nextStaffUsername(em: EntityManager): Promise<string> {
  const rows = await em
    .getConnection()
    .execute<{ n: number | null }[]>(
      `select max(substring(username_key from '^user(\\d+)$')::int) as n from account where username_key ~ '^user\\d+$'`,
      [],
      'all',
      em.getTransactionContext(),
    );
  return `user${String((rows[0]?.n ?? 0) + 1).padStart(5, '0')}`;
}
