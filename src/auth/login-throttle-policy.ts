/** Per key kind: failures answered at once, and failures that lock the key. */
export const THROTTLE_LIMITS = {
  // An office shares one IP behind NAT: it gets more free failures before delays and the lock.
  account: { freeFailures: 3, lockAfter: 5 },
  ip: { freeFailures: 10, lockAfter: 20 },
} as const;
export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 2000;
const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

/** The delay before answering the n-th failure of a key: none, then doubling up to a cap. */
export function delayMsAfter(kind: ThrottleKind, failures: number): number {
  const free = THROTTLE_LIMITS[kind].freeFailures;
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - free - 1));
}

/** How long the n-th failure locks a key: nothing below the limit, then doubling up to a cap. */
export function lockSecondsAfter(kind: ThrottleKind, failures: number): number {
  const limit = THROTTLE_LIMITS[kind].lockAfter;
  if (failures < limit) return 0;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - limit));
}
