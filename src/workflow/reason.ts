const THAI_LETTER = /[\u0e01-\u0e4e]/;
export const MAX_REASON_LENGTH = 1000;

/** A reason people read later: trimmed, NFC, and written in Thai (DOMAIN.md: "a reason (Thai text)"). */
export function normalizeReason(reason: string | undefined | null): string | null {
  const text = (reason ?? '').normalize('NFC').trim();
  if (!text || !THAI_LETTER.test(text) || text.length > MAX_REASON_LENGTH) return null;
  return text;
}
