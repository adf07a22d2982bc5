import { normalizeThai } from '../documents/text/thai-text';

export interface SearchTextInput {
  laoName: string;
  subject: string;
  orderNo: number;
  orderYear: number;
  appointees: { title: string; firstName: string; lastName: string }[];
}

/**
 * The review queue's `q` matches this column with the trigram index: the same normalisation as the
 * document cross-check, lower-cased, names with and without title, and the order number.
 */
export function buildSearchText(input: SearchTextInput): string {
  const names = input.appointees.map((p) => `${p.title}${p.firstName} ${p.firstName} ${p.lastName}`);
  return normalizeSearch(
    [input.laoName, input.subject, `${input.orderNo}/${input.orderYear}`, ...names].join(' | '),
  );
}

export function normalizeSearch(text: string): string {
  return normalizeThai(text).toLowerCase();
}
