import { http } from './http';
import type { Account, Grant, Page, ServicePermission } from './types';

export interface PersonInput {
  username?: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  email: string;
}
export interface StaffInput extends PersonInput {
  divisionId: string;
  services: ServicePermission[];
  /** Staff without working e-mail: changed at first sign-in; no link is mailed at activation. */
  temporaryPassword?: string;
}
export type StaffPatch = Partial<Omit<PersonInput, 'username'>> & { divisionId?: string };
export interface OfficerInput {
  username: string;
  fullName: string;
  email: string;
  provinceCode: string;
}
export interface DlaAccountInput {
  role: 'dla_admin' | 'dla_helpdesk';
  username: string;
  fullName: string;
  email: string;
}

const lao = (code: string) => `/api/laos/${encodeURIComponent(code)}`;

export const accountsApi = {
  list: (laoCode: string) => http.get<Page<Account>>(`${lao(laoCode)}/accounts`),
  createStaff: (laoCode: string, input: StaffInput) => http.post<Account>(`${lao(laoCode)}/accounts`, input),
  createLaoAdmin: (laoCode: string, input: PersonInput) =>
    http.post<Account>(`${lao(laoCode)}/admins`, input),
  update: (id: string, patch: StaffPatch) => http.patch<Account>(`/api/accounts/${id}`, patch),
  get: (id: string) => http.get<Account>(`/api/accounts/${id}`),
  disable: (id: string) => http.post<Account>(`/api/accounts/${id}/disable`),
  enable: (id: string) => http.post<Account>(`/api/accounts/${id}/enable`),
  /** A fresh link (the invitation again, or a reset link); older links stop working. */
  sendLink: (id: string) => http.post<void>(`/api/accounts/${id}/password-reset`, {}),
  /** Staff only, by an active LAO admin: the holder must change it at first sign-in. */
  setTemporaryPassword: (id: string, temporaryPassword: string) =>
    http.post<void>(`/api/accounts/${id}/password-reset`, { temporaryPassword }),
  /** New permissions for an active staff member: a draft grant for the next appointment order. */
  proposeGrant: (accountId: string, services: ServicePermission[]) =>
    http.post<Grant>(`/api/accounts/${accountId}/grants`, { services }),
  revokeGrant: (grantId: string, version: number, reason: string) =>
    http.post<unknown>(`/api/grants/${encodeURIComponent(grantId)}/revoke`, { version, reason }),
  createOfficer: (input: OfficerInput) => http.post<Account>('/api/province-officers', input),
  officers: (provinceCode?: string) =>
    http.get<Page<Account>>('/api/province-officers', { province: provinceCode }),
  createDlaAccount: (input: DlaAccountInput) => http.post<Account>('/api/dla-accounts', input),
  dlaAccounts: () => http.get<Page<Account>>('/api/dla-accounts'),
};
