import type { TokenPair } from './types';

/**
 * Tokens of this tab: the access token in memory, the refresh token in sessionStorage (it survives
 * a reload, not the tab). When the session cannot be refreshed, the registered handler (the
 * sign-in-again dialog) is asked to restore it; pending requests wait and then retry.
 */
const REFRESH_KEY = 'dla.refreshToken';
const USERNAME_KEY = 'dla.username';

let accessToken: string | null = null;
let expiredHandler: (() => Promise<void>) | null = null;
let changeRequiredHandler: (() => void) | null = null;
let restoring: Promise<void> | null = null;

export const session = {
  get accessToken(): string | null {
    return accessToken;
  },
  get refreshToken(): string | null {
    return sessionStorage.getItem(REFRESH_KEY);
  },
  get username(): string | null {
    return sessionStorage.getItem(USERNAME_KEY);
  },
  store(pair: TokenPair, username?: string): void {
    accessToken = pair.accessToken;
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
    if (username) sessionStorage.setItem(USERNAME_KEY, username);
  },
  clear(): void {
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
    sessionStorage.removeItem(USERNAME_KEY);
  },
  /** The console registers the sign-in-again dialog here. */
  onExpired(handler: (() => Promise<void>) | null): void {
    expiredHandler = handler;
  },
  /** Called when the API says the password must be changed first (e.g. reset to a temporary one). */
  onChangeRequired(handler: (() => void) | null): void {
    changeRequiredHandler = handler;
  },
  changeRequired(): void {
    changeRequiredHandler?.();
  },
  /** One dialog for all the requests that found the session gone; rejects when the user gives up. */
  restore(): Promise<void> {
    if (!expiredHandler) return Promise.reject(new Error('no session handler'));
    restoring ??= expiredHandler().finally(() => {
      restoring = null;
    });
    return restoring;
  },
};
