/**
 * How long rows with personal data or credentials stay after they stop serving their purpose (README
 * "Data retention", docs/decisions.md). The sweep (`retention.sweep`, hourly) deletes what is past these.
 */
export const RETENTION = {
  /** Stored answers to `Idempotency-Key` POSTs: a retry comes within minutes; a day covers an offline client. */
  idempotencyRecordHours: 24,
  /**
   * Refresh tokens, counted from the end of each row: revocation, or the expiry of an unused token. A rotated
   * token stays until its family's absolute end, so a stolen copy replayed later still revokes the family.
   */
  refreshTokenDaysAfterEnd: 7,
  /** Set-password links, from use, voiding or expiry; each account's newest invitation (and newest other link) stays. */
  setPasswordTokenDaysAfterEnd: 30,
  /** Failed sign-in counters, from the last failure (the counting window and the longest lock are an hour). */
  loginThrottleHoursAfterLastFailure: 24,
} as const;

/** One run every hour, from any worker (a BullMQ job scheduler keyed by name: one run per hour fleet-wide). */
export const RETENTION_SWEEP_EVERY_MS = 60 * 60 * 1000;
