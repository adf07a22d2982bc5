/**
 * What never reaches a log line: credentials in headers (both directions) and secret-bearing fields of any
 * logged object, a few levels deep (pino's redaction takes explicit paths; `*` matches one level).
 */
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'idempotency-key'];

const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  'link',
];

const DEPTH = 4;

function fieldPaths(): string[] {
  const paths: string[] = [];
  for (const field of SECRET_FIELDS) {
    for (let depth = 0; depth <= DEPTH; depth++)
      paths.push([...Array<string>(depth).fill('*'), field].join('.'));
  }
  return paths;
}

export const REDACT_PATHS: string[] = [
  ...SECRET_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `res.headers["${h}"]`]),
  ...fieldPaths(),
];

export const REDACTED = '[redacted]';

/** Bearer values and JWTs written into message text (an error message quoting a header, say). */
const IN_TEXT = [/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g];

export function scrubText(text: string): string {
  return IN_TEXT.reduce((out, pattern) => out.replace(pattern, REDACTED), text);
}

/** A request URL with the values of secret-looking query parameters replaced (links are mailed, not logged). */
export function scrubUrl(url: string): string {
  return url.replace(
    /([?&](?:token|access_token|refresh_token|password|secret|code)=)[^&#]*/gi,
    `$1${REDACTED}`,
  );
}
