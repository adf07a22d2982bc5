import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountGrant } from './entities/account-grant.entity';

export interface LiveGrants {
  /** The grant that counts: the active one, else the newest (draft on its way). */
  current: AccountGrant | null;
  /** A permission change waiting for its order beside the active grant (GrantChangeService). */
  pending: AccountGrant | null;
}

/** Splits an account's live grants (not revoked or superseded), newest first. */
export function splitLiveGrants(grants: AccountGrant[]): LiveGrants {
  const active = grants.find((g) => g.state === 'active') ?? null;
  return {
    current: active ?? grants[0] ?? null,
    pending: active ? (grants.find((g) => g.state !== 'active') ?? null) : null,
  };
}

/** Live grants of the given accounts, newest first per account. */
export async function liveGrantsOf(
  em: EntityManager,
  accountIds: string[],
): Promise<Map<string, LiveGrants>> {
  const grants = await em.find(
    AccountGrant,
    { account: { $in: accountIds }, state: { $nin: ['revoked', 'superseded'] } },
    { orderBy: { createdAt: 'desc', id: 'asc' } },
  );
  const byAccount = new Map<string, AccountGrant[]>();
  for (const g of grants) byAccount.set(g.account.id, [...(byAccount.get(g.account.id) ?? []), g]);
  return new Map(accountIds.map((id) => [id, splitLiveGrants(byAccount.get(id) ?? [])]));
}
