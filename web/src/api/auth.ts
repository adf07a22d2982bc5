import { http, request } from './http';
import { session } from './session';
import type { HelpContacts, Me, TokenPair } from './types';

export const authApi = {
  async login(username: string, password: string): Promise<TokenPair> {
    const pair = await request<TokenPair>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
      anonymous: true,
    });
    session.store(pair, username);
    return pair;
  },
  async logout(): Promise<void> {
    const refreshToken = session.refreshToken;
    session.clear();
    if (refreshToken) {
      await request('/api/auth/logout', { method: 'POST', body: { refreshToken }, anonymous: true }).catch(
        () => undefined,
      );
    }
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/api/auth/password', { currentPassword, newPassword }),
  setPassword: (token: string, newPassword: string) =>
    request<void>('/api/auth/set-password', {
      method: 'POST',
      body: { token, newPassword },
      anonymous: true,
    }),
  me: () => http.get<Me>('/api/me'),
  /** Always the same answer whether or not the account exists (no enumeration). */
  forgotPassword: (login: string) =>
    request<{ accepted: boolean }>('/api/auth/forgot-password', {
      method: 'POST',
      body: { login },
      anonymous: true,
    }),
  helpContacts: () => request<HelpContacts>('/api/help-contacts', { anonymous: true }),
};
