import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new public client id: short, URL-safe, recognisable in logs. */
export function newClientId(): string {
  return `dla-${randomBytes(9).toString('base64url')}`;
}

/** A new secret (256 random bits) and the sha256 we keep instead of it. */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = `dlacs_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
