import type { Role } from '../accounts/entities/account.entity';
import type { GrantState, ServicePermission } from '../accounts/entities/account-grant.entity';

/** Who is calling, loaded fresh from the database on every request (so changes apply at once). */
export interface Principal {
  accountId: string;
  username: string;
  role: Role;
  provinceCode: string | null;
  laoCode: string | null;
  /** State of the caller's newest grant in its LAO (LAO roles only). */
  grantState: GrantState | null;
  /** Services of the caller's active grant (lao_user). */
  services: ServicePermission[];
  ip: string | null;
}
