import { normalizeUsername } from '../accounts/username';
import { AuthErrors } from './auth-errors';
import { COMMON_PASSWORDS } from './data/common-passwords';

/** 10 to 128 characters, not the username, not a common password. */
export function assertPasswordAcceptable(password: string, username: string): void {
  const normalized = password.normalize('NFC');
  const reasons: string[] = [];
  if ([...normalized].length < 10) reasons.push('too_short');
  if ([...normalized].length > 128) reasons.push('too_long');
  if (
    normalized.toLowerCase().includes(normalizeUsername(username)) &&
    normalizeUsername(username).length >= 4
  ) {
    reasons.push('contains_username');
  }
  if (COMMON_PASSWORDS.has(normalized.toLowerCase())) reasons.push('common');
  if (reasons.length) throw AuthErrors.AUTH_PASSWORD_WEAK({ reasons });
}
