import type { Request } from 'express';

/**
 * bull-board opens in its own browser tab, which cannot send the console's bearer header. The console
 * asks for this cookie first; it carries the same short-lived access token, is HttpOnly and
 * SameSite=Strict (no cross-site requests, so no CSRF on the board's job actions), and is sent only
 * to the board's path. Everywhere else only the Authorization header counts.
 */
export const DASHBOARD_COOKIE = { name: 'dla_queues', path: '/api/queues' } as const;

const TOKEN = /^[A-Za-z0-9._-]+$/;

/** The access token of the dashboard cookie, when the request is for the dashboard and carries one. */
export function dashboardCookieToken(request: Request, path: string): string | null {
  if (path !== DASHBOARD_COOKIE.path && !path.startsWith(`${DASHBOARD_COOKIE.path}/`)) return null;
  const prefix = `${DASHBOARD_COOKIE.name}=`;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const item = part.trim();
    if (item.startsWith(prefix)) {
      const value = item.slice(prefix.length);
      return TOKEN.test(value) ? value : null;
    }
  }
  return null;
}

export function dashboardCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${DASHBOARD_COOKIE.name}=${token}`,
    `Path=${DASHBOARD_COOKIE.path}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
