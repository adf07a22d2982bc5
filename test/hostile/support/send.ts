import type { GeneratedRequest } from './request-arbitraries';
import type { World } from './world';

export interface Answer {
  status: number;
  text: string;
}

const TIMEOUT_MS = 10_000;

export async function send(baseUrl: string, world: World, req: GeneratedRequest): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = world.tokens[req.role];
  if (token) headers.authorization = `Bearer ${token}`;
  if (req.contentType) headers['content-type'] = req.contentType;
  if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
  if (req.acceptLanguage) headers['accept-language'] = req.acceptLanguage;
  const url = `${baseUrl}${req.path}${req.query ? `?${req.query}` : ''}`;
  try {
    const response = await fetch(url, {
      method: req.method,
      headers,
      body: req.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 599, text: `no answer: ${String(error)}` };
  }
}

/** What is wrong with an answer, or null: never a 5xx, and every 4xx in the API's error shape. */
export function problemWith(answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `${answer.status} without a JSON body: ${answer.text.slice(0, 200)}`;
  }
  const b = body as Record<string, unknown>;
  const shaped =
    b.statusCode === answer.status &&
    typeof b.code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(b.code) &&
    typeof b.message === 'string' &&
    b.message.length > 0 &&
    typeof b.details === 'object' &&
    b.details !== null;
  return shaped ? null : `${answer.status} without the error shape: ${answer.text.slice(0, 200)}`;
}

/** Tables whose summary changed. */
export function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}

/** The request for a failure report: long strings cut, with their length. */
export function describeRequest(req: GeneratedRequest): string {
  return JSON.stringify(
    req,
    (_key, value: unknown) =>
      typeof value === 'string' && value.length > 300
        ? `${value.slice(0, 300)}… (${value.length} chars)`
        : value,
    2,
  );
}
