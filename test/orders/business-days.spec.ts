import { BusinessCalendar } from '../../src/orders/review-queue/business-days';

/** Bangkok wall-clock time as an instant (UTC+7, no daylight saving). */
const bangkok = (local: string): Date => new Date(`${local}+07:00`);

describe('business days for the review SLA', () => {
  // Monday 7 December 2026 is the substitute holiday for Father's Day (Saturday 5 December).
  const calendar = new BusinessCalendar(['2026-12-07']);
  const wednesday = bangkok('2026-12-09T10:00:00');

  /** Overdue as the queue's SQL decides it: submitted before the n-th business day before today. */
  const overdue = (submitted: Date, slaDays: number, now = wednesday) =>
    submitted < calendar.overdueCutoffs(now, 10)[slaDays];

  it('skips weekends and configured public holidays', () => {
    expect(calendar.isBusinessDay('2026-12-04')).toBe(true); // Friday
    expect(calendar.isBusinessDay('2026-12-05')).toBe(false); // Saturday
    expect(calendar.isBusinessDay('2026-12-06')).toBe(false); // Sunday
    expect(calendar.isBusinessDay('2026-12-07')).toBe(false); // the holiday
    expect(calendar.isBusinessDay('2026-12-08')).toBe(true);
  });

  it('counts the business days that passed strictly between submission and today', () => {
    const cutoffs = calendar.overdueCutoffs(wednesday, 3);
    expect(cutoffs.map((d) => d.toISOString())).toEqual([
      bangkok('2026-12-09T00:00:00').toISOString(), // today
      bangkok('2026-12-08T00:00:00').toISOString(), // Tuesday
      bangkok('2026-12-04T00:00:00').toISOString(), // Friday: the weekend and the holiday are skipped
      bangkok('2026-12-03T00:00:00').toISOString(),
    ]);
    // SLA of 2 business days, seen on Wednesday: Friday's order has only Tuesday behind it.
    expect(overdue(bangkok('2026-12-04T16:30:00'), 2)).toBe(false);
    expect(overdue(bangkok('2026-12-03T16:30:00'), 2)).toBe(true);
    // Without the holiday Friday's order would be late: the holiday list matters.
    const noHolidays = new BusinessCalendar([]);
    expect(bangkok('2026-12-04T16:30:00') < noHolidays.overdueCutoffs(wednesday, 3)[2]).toBe(true);
  });

  it("follows Bangkok's date, not UTC's, and moves on at Bangkok midnight", () => {
    // 18:00 UTC on the 9th is already Thursday the 10th in Bangkok.
    const thursday = new Date('2026-12-09T18:00:00Z');
    expect(calendar.overdueCutoffs(thursday, 1)[0].toISOString()).toBe(
      bangkok('2026-12-10T00:00:00').toISOString(),
    );
    expect(overdue(bangkok('2026-12-04T16:30:00'), 2, thursday)).toBe(true);
  });
});
