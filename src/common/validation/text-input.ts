import type { FieldProblem } from './invalid-fields';

/**
 * Control characters no field of this API means to hold: C0 except tab, LF and CR; DEL; C1; and lone
 * UTF-16 surrogates. PostgreSQL refuses NUL in text (a 500), and the rest would be stored as invisible
 * junk or silently replaced with U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- finding these is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

/** Deeper than any DTO of the API; deeper input would only feed recursion in class-transformer. */
export const MAX_DEPTH = 16;
/** Values walked per request: far past any real body (a bulk verify is 200 items of 3 fields). */
const MAX_NODES = 200_000;

/**
 * The first problem in a request value (body, query or path parameter): a forbidden character in a string
 * or a key, or nesting past MAX_DEPTH. Iterative, so hostile nesting cannot exhaust the stack.
 */
export function findTextProblem(value: unknown, root: string): FieldProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (++seen > MAX_NODES) return { field: root, constraints: ['tooManyValues'] };
    if (typeof item.value === 'string') {
      if (FORBIDDEN.test(item.value)) return { field: item.path, constraints: ['noControlCharacters'] };
      continue;
    }
    if (!isPlainContainer(item.value)) continue;
    if (item.depth >= MAX_DEPTH) return { field: item.path, constraints: ['maxDepth'] };
    for (const [key, child] of Object.entries(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (FORBIDDEN.test(key)) return { field: item.path || root, constraints: ['noControlCharacters'] };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return null;
}

/** Arrays and JSON-style objects only: a Buffer or a stream is not walked byte by byte. */
function isPlainContainer(value: unknown): value is Record<string, unknown> {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
