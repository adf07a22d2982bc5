import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient, ApiResponse } from '../../support/http';
import type { SunkMail } from '../../support/smtp-sink';

/** The one-time token of a set-password mail. */
export function linkToken(mail: SunkMail): string {
  const match = /set-password#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no set-password link in mail "${mail.subject}"`);
  return decodeURIComponent(match[1]);
}

export async function uploadPdf(
  api: ApiClient,
  token: string,
  orderId: string,
  bytes: Buffer,
  filename = 'คำสั่งแต่งตั้ง.pdf',
  type = 'application/pdf',
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${api.baseUrl}/api/orders/${orderId}/document`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
}

/** Polls GET `path` until `done(body)` (the worker runs asynchronously). */
export async function waitForBody<T>(
  api: ApiClient,
  token: string,
  path: string,
  done: (body: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    const res = await api.get<T>(path, token);
    last = res.body;
    if (res.status === 200 && done(res.body)) return res.body;
    await sleep(100);
  }
  throw new Error(`timed out waiting on ${path}; last answer: ${JSON.stringify(last)}`);
}

export async function setPasswordFromMail(api: ApiClient, mail: SunkMail, password: string): Promise<void> {
  const res = await api.post('/api/auth/set-password', { token: linkToken(mail), newPassword: password });
  if (res.status >= 300) throw new Error(`set-password failed: ${res.status} ${JSON.stringify(res.body)}`);
}
