import dayjs, { type Dayjs } from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import 'dayjs/locale/th';

dayjs.extend(buddhistEra);
dayjs.locale('th');

export { dayjs, type Dayjs };

/** "26 พฤศจิกายน 2569" (Buddhist Era). Accepts ISO timestamps and `YYYY-MM-DD` dates. */
export function thaiDate(value: string | Date | null | undefined): string {
  if (!value) return '-';
  const d = dayjs(value);
  return d.isValid() ? d.format('D MMMM BBBB') : '-';
}

/** "26 พ.ย. 2569 14:05 น." */
export function thaiDateTime(value: string | Date | null | undefined): string {
  if (!value) return '-';
  const d = dayjs(value);
  return d.isValid() ? `${d.format('D MMM BBBB HH:mm')} น.` : '-';
}

/** The picker's display format and the API's date-only format. */
export const PICKER_FORMAT = 'D MMMM BBBB';
export const toApiDate = (d: Dayjs): string => d.format('YYYY-MM-DD');
export const currentBuddhistYear = (): number => dayjs().year() + 543;
