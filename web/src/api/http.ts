import { ApiError, SessionEndedError, errorFromBody, networkError } from './errors';
import { session } from './session';
import type { TokenPair } from './types';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: string;
  /** JSON body. */
  body?: unknown;
  /** A raw body (CSV text) with its content type. */
  raw?: { data: string; type: string };
  query?: Query;
  /** Public routes (sign-in, set-password) send no token and never refresh. */
  anonymous?: boolean;
}

/** Minimal response the transports share (fetch and XMLHttpRequest uploads). */
export interface RawResponse {
  status: number;
  contentType: string;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

export type Transport = (token: string | null) => Promise<RawResponse>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function fetchTransport(path: string, options: RequestOptions): Transport {
  return async (token) => {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'th' };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (options.raw) {
      headers['content-type'] = options.raw.type;
      body = options.raw.data;
    }
    let res: Response;
    try {
      res = await fetch(withQuery(path, options.query), { method: options.method ?? 'GET', headers, body });
    } catch {
      throw networkError();
    }
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text: () => res.text(),
      blob: () => res.blob(),
    };
  };
}

let refreshing: Promise<boolean> | null = null;

/** Rotates the refresh token once for everyone waiting (a reused token would revoke the family). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = session.refreshToken;
    if (!refreshToken) return false;
    try {
      const res = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!res.ok) return false;
      session.store((await res.json()) as TokenPair);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function parseError(res: RawResponse): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  return errorFromBody(res.status, parseJson(text));
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

const NOT_REFRESHABLE = new Set(['AUTH_ACCOUNT_DISABLED']);

/**
 * Sends with the access token; on 401 refreshes and retries, and when that fails asks the user to
 * sign in again (the page keeps its state) and retries once more.
 */
export async function send(transport: Transport, anonymous = false): Promise<RawResponse> {
  if (anonymous) {
    const res = await transport(null);
    if (res.status >= 400) throw await parseError(res);
    return res;
  }
  if (!session.accessToken) await refreshSession();
  let res = await transport(session.accessToken);
  if (res.status === 401) {
    const error = await parseError(res);
    if (NOT_REFRESHABLE.has(error.code)) throw error;
    if (!(await refreshSession())) {
      try {
        await session.restore();
      } catch {
        throw new SessionEndedError();
      }
    }
    res = await transport(session.accessToken);
  }
  if (res.status >= 400) {
    const error = await parseError(res);
    if (error.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') session.changeRequired();
    throw error;
  }
  return res;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(fetchTransport(path, options), options.anonymous);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  return (res.contentType.includes('json') ? JSON.parse(text) : text) as T;
}

export async function requestBlob(path: string, query?: Query): Promise<Blob> {
  const res = await send(fetchTransport(path, { query }));
  return res.blob();
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
};
