import type { EntityManager } from '@mikro-orm/postgresql';

export type InvitationState = 'pending' | 'expired' | 'used' | 'failed' | 'none';

/** Where the account's latest invitation stands, for the person who manages the account. */
export interface InvitationView {
  state: InvitationState;
  sentAt: string | null;
  expiresAt: string | null;
}

const NONE: InvitationView = { state: 'none', sentAt: null, expiresAt: null };

interface Row {
  account_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  voided_at: Date | null;
  account_status: string;
  mail_status: string | null;
}

/**
 * The latest invitation link (invite, or the staff's activation link) of each account, with whether
 * its mail could be delivered. Password resets are not invitations: they do not change this state.
 */
export async function invitationsOf(
  em: EntityManager,
  accountIds: string[],
): Promise<Map<string, InvitationView>> {
  const result = new Map<string, InvitationView>(accountIds.map((id) => [id, NONE]));
  if (accountIds.length === 0) return result;
  const rows = await em.getConnection().execute<Row[]>(
    `select distinct on (t.account_id) t.account_id, t.created_at, t.expires_at, t.used_at, t.voided_at,
            a.status as account_status, m.status as mail_status
       from set_password_token t join account a on a.id = t.account_id
       left join mail_message m on m.id = t.mail_id
      where t.account_id in (${accountIds.map(() => '?').join(',')}) and t.purpose in ('invite', 'activation')
      order by t.account_id, t.created_at desc`,
    accountIds,
  );
  const now = Date.now();
  for (const row of rows) {
    const expiresAt = new Date(row.expires_at);
    // A link voided without a newer invitation: the password was set another way (a reset link, a
    // temporary password), so the invitation is done once the account is active.
    const done = row.used_at !== null || (row.voided_at !== null && row.account_status === 'active');
    const state: InvitationState = done
      ? 'used'
      : row.mail_status === 'failed'
        ? 'failed'
        : expiresAt.getTime() <= now
          ? 'expired'
          : 'pending';
    result.set(row.account_id, {
      state,
      sentAt: new Date(row.created_at).toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
  }
  return result;
}
