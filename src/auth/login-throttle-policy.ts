/**
 * Per key kind (OWASP authentication guidance: throttle, don't let anyone lock an account out):
 * - pair: one username from one address: growing delays, then growing locks. Only whoever types at
 *   that address is slowed: an attacker elsewhere never touches the owner's key.
 * - ip: one address across usernames (one machine guessing many accounts); an office shares one
 *   address behind NAT, so it gets more.
 * - account: one username from every address (rotating addresses): delays only, never a lock, so
 *   usernames that are public (`<LAO code>admin01`) cannot be locked out by strangers.
 */
export const THROTTLE_LIMITS = {
  pair: { freeFailures: 3, lockAfter: 5 },
  ip: { freeFailures: 10, lockAfter: 30 },
  account: { freeFailures: 10, lockAfter: Number.POSITIVE_INFINITY },
} as const;
export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 2000;
const BASE_LOCK_SECONDS: Record<ThrottleKind, number> = { pair: 30, ip: 60, account: 0 };
const MAX_LOCK_SECONDS: Record<ThrottleKind, number> = { pair: 15 * 60, ip: 60 * 60, account: 0 };

/** The delay before checking the n-th attempt of a key: none, then doubling up to 2 s. */
export function delayMsAfter(kind: ThrottleKind, failures: number): number {
  const free = THROTTLE_LIMITS[kind].freeFailures;
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - free - 1));
}

/** How long the n-th failure locks a key: nothing below the limit, then doubling up to a cap. */
export function lockSecondsAfter(kind: ThrottleKind, failures: number): number {
  const limit = THROTTLE_LIMITS[kind].lockAfter;
  if (failures < limit) return 0;
  return Math.min(MAX_LOCK_SECONDS[kind], BASE_LOCK_SECONDS[kind] * 2 ** (failures - limit));
}
