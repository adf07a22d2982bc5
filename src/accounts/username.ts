/** The uniqueness key of a username: NFC, trimmed, lower-case. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

export const USERNAME_PATTERN = /^[\p{L}\p{M}\p{N}._-]{3,64}$/u;
