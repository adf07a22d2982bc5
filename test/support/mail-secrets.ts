import { MAIL_SECRET_SLOT, MailSecretBox } from '../../src/notifications/mail-secret';

/**
 * Stored mail keeps its secret sealed (issue 9); API-level tests that run no worker open it with the
 * app's own box, as the worker would at send time. Registered per database by createTestApp.
 */
const boxes = new Map<string, MailSecretBox>();

export function registerMailSecretBox(databaseUrl: string, box: MailSecretBox): void {
  boxes.set(databaseUrl, box);
}

/** The set-password token a queued mail will carry, from its stored row (slot + sealed secret). */
export function openQueuedLinkToken(
  databaseUrl: string,
  row: { text: string; sealed_secret: string | null },
): string {
  if (!row.text.includes(`set-password#token=${MAIL_SECRET_SLOT}`) || !row.sealed_secret) {
    throw new Error('the mail holds no set-password link slot');
  }
  const box = boxes.get(databaseUrl);
  if (!box) throw new Error(`no test app registered for ${databaseUrl}`);
  return box.open(row.sealed_secret);
}
