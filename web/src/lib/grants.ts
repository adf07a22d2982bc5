import type { Account, Grant } from '../api/types';

/**
 * The draft grant an appointment order would take for this account: its first appointment, or a
 * permission change waiting beside its active grant.
 */
export function draftGrantOf(account: Account): Grant | null {
  if (account.grant?.state === 'draft') return account.grant;
  if (account.pendingGrant?.state === 'draft') return account.pendingGrant;
  return null;
}

/** Whether the account's draft grant changes the permissions of someone already active. */
export const isPermissionChange = (account: Account): boolean =>
  account.grant?.state === 'active' && !!account.pendingGrant;
