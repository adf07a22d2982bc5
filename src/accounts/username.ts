import { normalizeThaiText } from '../registry/text/thai-name';

/**
 * A username as stored and shown: NFC, split SARA AM repaired and zero-width characters dropped
 * (NFC alone leaves both, so two spellings of one Thai name would be two accounts), trimmed.
 */
export function cleanUsername(username: string): string {
  return normalizeThaiText(username);
}

/** The uniqueness and sign-in key of a username: its clean form, lower-case. */
export function normalizeUsername(username: string): string {
  return cleanUsername(username).toLowerCase();
}

export const USERNAME_PATTERN = /^[\p{L}\p{M}\p{N}._-]{3,64}$/u;
