import { addDays, bangkokDate, startOfBangkokDay, weekday } from '../../workflow/bangkok-date';

/** Review SLAs longer than this are treated as this (a year of business days is far beyond any SLA). */
export const MAX_SLA_DAYS = 260;

/**
 * Business days in Bangkok: Monday to Friday, minus the configured public holidays (HOLIDAYS).
 *
 * An order submitted on day s with an SLA of n business days is overdue once n business days have
 * passed strictly between s and today. With b(n) the n-th business day before today, that is exactly
 * "s < b(n)", so the queue filters on `submitted_at < start of b(n)` in SQL, with the cut-offs for
 * every n computed here in one backward walk.
 */
export class BusinessCalendar {
  private readonly holidays: ReadonlySet<string>;
  /** The cut-offs change once a day: computed on the first request of each Bangkok day. */
  private cached?: { today: string; maxSla: number; cutoffs: Date[] };

  constructor(holidays: readonly string[]) {
    this.holidays = new Set(holidays);
  }

  isBusinessDay(date: string): boolean {
    const day = weekday(date);
    return day !== 0 && day !== 6 && !this.holidays.has(date);
  }

  /** cutoffs[n] = start of the n-th business day before today; cutoffs[0] = start of today. */
  overdueCutoffs(now: Date = new Date(), maxSla = MAX_SLA_DAYS): Date[] {
    const today = bangkokDate(now);
    if (this.cached?.today === today && this.cached.maxSla === maxSla) return this.cached.cutoffs;
    const cutoffs = [startOfBangkokDay(today)];
    let day = today;
    while (cutoffs.length <= maxSla) {
      day = addDays(day, -1);
      if (this.isBusinessDay(day)) cutoffs.push(startOfBangkokDay(day));
    }
    this.cached = { today, maxSla, cutoffs };
    return cutoffs;
  }
}

/** `{...}` literal for a `timestamptz[]` parameter (the driver would expand a JS array into a list). */
export function timestampArrayLiteral(dates: Date[]): string {
  return `{${dates.map((d) => `"${d.toISOString()}"`).join(',')}}`;
}
