import { parseThaiInt, toArabicDigits } from '../documents/text/thai-text';

export const ORDER_NO_RANGE = { min: 1, max: 99_999 } as const;
/** Buddhist Era years that make sense for an order signed in this system's lifetime. */
export const ORDER_YEAR_RANGE = { min: 2500, max: 2700 } as const;

/** "๑๒", "12" or 12 → 12; anything else (signs, fractions, mixed digit sets) → null. */
export function parseOrderInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  return parseThaiInt(value);
}

export function inRange(value: number, range: { min: number; max: number }): boolean {
  return value >= range.min && value <= range.max;
}

/** The register's own notation, `ที่ 12/2568`, always in Arabic digits. */
export function orderLabel(order: { orderNo: number; orderYear: number }): string {
  return toArabicDigits(`ที่ ${order.orderNo}/${order.orderYear}`);
}
