import type { EntityManager } from '@mikro-orm/postgresql';
import type { Account } from '../accounts/entities/account.entity';

/**
 * Ends every session of the given accounts, inside the caller's transaction: the token version
 * moves on (access tokens stop on their next request, refresh tokens issued under the old version
 * are refused) and every refresh token is revoked. DOMAIN.md: any change of credentials
 * (password change, set-password, reset, disable, revocation) ends every session.
 *
 * A loaded entity has its version bumped in memory (its flush writes it); a bare id by SQL, so an
 * entity of the same account must not be flushed with a stale version afterwards.
 */
export async function endAllSessions(
  em: EntityManager,
  accounts: ReadonlyArray<Account | string>,
): Promise<void> {
  const ids = new Set<string>();
  const byId: string[] = [];
  for (const account of accounts) {
    if (typeof account === 'string') {
      byId.push(account);
      ids.add(account);
    } else if (!ids.has(account.id)) {
      account.tokenVersion += 1;
      ids.add(account.id);
    }
  }
  if (ids.size === 0) return;
  const connection = em.getConnection();
  const ctx = em.getTransactionContext();
  if (byId.length > 0) {
    await connection.execute(
      'update account set token_version = token_version + 1 where id in (?)',
      [[...new Set(byId)]],
      'run',
      ctx,
    );
  }
  await connection.execute(
    'update refresh_token set revoked_at = now() where account_id in (?) and revoked_at is null',
    [[...ids]],
    'run',
    ctx,
  );
}
