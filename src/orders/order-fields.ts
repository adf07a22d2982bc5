import { inRange, ORDER_NO_RANGE, ORDER_YEAR_RANGE, parseOrderInteger } from './order-number';
import { OrdersErrors } from './orders-errors';

/** orderNo from Thai or Arabic digits (or a number), within the register's range; else 400. */
export function parseOrderNo(value: string | number): number {
  const n = parseOrderInteger(value);
  if (n === null || !inRange(n, ORDER_NO_RANGE)) throw OrdersErrors.ORDER_NUMBER_INVALID({ value });
  return n;
}

/** orderYear in the Buddhist Era (2568, ๒๕๖๘); a Gregorian 2025 is refused rather than guessed. */
export function parseOrderYear(value: string | number): number {
  const n = parseOrderInteger(value);
  if (n === null || !inRange(n, ORDER_YEAR_RANGE)) throw OrdersErrors.ORDER_YEAR_INVALID({ value });
  return n;
}
