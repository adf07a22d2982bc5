import type { AccountGrant, GrantRole, GrantState, ServicePermission } from './entities/account-grant.entity';
import type { Account, AccountStatus, Role } from './entities/account.entity';
import type { InvitationView } from './invitations';

export interface GrantView {
  id: string;
  accountId: string;
  laoCode: string;
  role: GrantRole;
  state: GrantState;
  version: number;
  services: ServicePermission[];
  orderId: string | null;
  activatedAt: string | null;
  createdAt: string;
}

export interface AccountView {
  id: string;
  username: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  email: string;
  role: Role;
  status: AccountStatus;
  laoCode: string | null;
  provinceCode: string | null;
  division: { id: string; name: string } | null;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  /** Where lists and the account page show it; absent from answers that do not need it. */
  invitation?: InvitationView;
  grant?: GrantView | null;
  /** A permission change on its way (draft/uploaded/verified) while `grant` is still the active one. */
  pendingGrant?: GrantView | null;
  createdAt: string;
}

export function presentGrant(grant: AccountGrant): GrantView {
  return {
    id: grant.id,
    accountId: grant.account.id,
    laoCode: grant.lao.code,
    role: grant.role,
    state: grant.state,
    version: grant.version,
    services: grant.services,
    orderId: grant.order?.id ?? null,
    activatedAt: grant.activatedAt?.toISOString() ?? null,
    createdAt: grant.createdAt.toISOString(),
  };
}

export function presentAccount(
  account: Account,
  grant?: AccountGrant | null,
  pendingGrant?: AccountGrant | null,
  invitation?: InvitationView,
): AccountView {
  return {
    id: account.id,
    username: account.username,
    title: account.title,
    firstName: account.firstName,
    lastName: account.lastName,
    position: account.position,
    email: account.email,
    role: account.role,
    status: account.status,
    laoCode: account.lao?.code ?? null,
    provinceCode: account.province?.code ?? null,
    division:
      account.division && account.division.nameTh !== undefined
        ? { id: account.division.id, name: account.division.nameTh }
        : account.division
          ? { id: account.division.id, name: '' }
          : null,
    mustChangePassword: account.mustChangePassword,
    lastSignInAt: account.lastLoginAt?.toISOString() ?? null,
    ...(invitation !== undefined ? { invitation } : {}),
    ...(grant !== undefined ? { grant: grant ? presentGrant(grant) : null } : {}),
    ...(pendingGrant !== undefined ? { pendingGrant: pendingGrant ? presentGrant(pendingGrant) : null } : {}),
    createdAt: account.createdAt.toISOString(),
  };
}
