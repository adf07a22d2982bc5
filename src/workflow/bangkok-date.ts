/**
 * Calendar dates as Thai offices see them. Thailand has kept UTC+7 without daylight saving since 1920,
 * so a fixed offset is exact and avoids depending on the ICU time-zone data of the runtime.
 */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `at` in Asia/Bangkok. */
export function bangkokDate(at: Date = new Date()): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Bangkok calendar day starts. */
export function startOfBangkokDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - BANGKOK_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

/** Milliseconds from `now` until `date` starts in Bangkok; 0 when it has started. */
export function msUntilBangkokDate(date: string, now: Date = new Date()): number {
  return Math.max(0, startOfBangkokDay(date).getTime() - now.getTime());
}
