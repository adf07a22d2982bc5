import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/**
 * bull-board opens in its own browser tab, which cannot send the console's bearer header. The console
 * asks for this cookie first; it carries a board token (TokenService.signDashboard: an audience of its
 * own, 15 minutes at most), never the API token, is HttpOnly and SameSite=Strict (no cross-site
 * requests, so no CSRF on the board's job actions), and is sent only to the board's path. Everywhere
 * else only the Authorization header counts.
 */
export const DASHBOARD_COOKIE = { name: 'dla_queues', path: '/api/queues' } as const;

const TOKEN = /^[A-Za-z0-9._-]+$/;

export const DASHBOARD_COOKIE_KEY = 'dla:dashboard-cookie';
/** The one route (bull-board) where the guard also takes the dashboard cookie; a URL prefix alone is not enough. */
export const AcceptsDashboardCookie = (): MethodDecorator => SetMetadata(DASHBOARD_COOKIE_KEY, true);

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

/** Sent on sign-out: the browser drops the cookie, so a shared computer keeps no way into the board. */
export function clearedDashboardCookie(): string {
  return `${DASHBOARD_COOKIE.name}=; Path=${DASHBOARD_COOKIE.path}; Max-Age=0; HttpOnly; SameSite=Strict`;
}
