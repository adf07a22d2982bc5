/**
 * A strong temporary password that reads well aloud and on paper: four groups of four characters
 * from an alphabet without look-alikes (no 0/O, 1/l/I, 5/S, 2/Z), e.g. `Kx7p-Rm4t-Wq9z-Hb3c`.
 * About 87 bits from `crypto.getRandomValues` (rejection sampling, no modulo bias).
 */
const UPPER = 'ABCDEFGHJKLMNPQRTUVWXY';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '346789';
const ALPHABET = UPPER + LOWER + DIGITS;

function randomIndex(size: number): number {
  const limit = 256 - (256 % size);
  const byte = new Uint8Array(1);
  for (;;) {
    crypto.getRandomValues(byte);
    if (byte[0] < limit) return byte[0] % size;
  }
}

const pick = (chars: string): string => chars[randomIndex(chars.length)];

export function generateTemporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 16 }, () => pick(ALPHABET));
    const text = chars.join('');
    // At least one of each kind, so every password policy is met.
    if (/[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text)) {
      return [0, 4, 8, 12].map((i) => text.slice(i, i + 4)).join('-');
    }
  }
}
