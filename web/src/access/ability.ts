import {
  createMongoAbility,
  subject,
  type MongoAbility,
  type MongoQuery,
  type RawRuleOf,
} from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

/** Actions and subjects of src/access/subjects.ts (the API's one ability factory). */
export type Action =
  | 'manage'
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'import'
  | 'disable'
  | 'enable'
  | 'resetPassword'
  | 'setTemporaryPassword'
  | 'publish'
  | 'upload'
  | 'withdraw'
  | 'verify'
  | 'return'
  | 'revoke'
  | 'view'
  | 'process';

export type SubjectType =
  | 'Province'
  | 'Lao'
  | 'Division'
  | 'CitizenService'
  | 'LaoService'
  | 'Account'
  | 'AccountGrant'
  | 'AppointmentOrder'
  | 'OrderDocument'
  | 'Notification'
  | 'AuditEntry'
  | 'ReviewQueue'
  | 'Dashboard'
  | 'QueueDashboard'
  | 'all';

export type AppAbility = MongoAbility<[Action, SubjectType | object], MongoQuery>;
type AppRule = RawRuleOf<AppAbility>;

/** The ability from `GET /api/me` `rules` (packed). Conditions use dot paths such as 'lao.code'. */
export function abilityFromPacked(packed: unknown[]): AppAbility {
  const rules = unpackRules(packed as PackRule<AppRule>[]);
  return createMongoAbility<AppAbility>(rules);
}

export const noAbility = (): AppAbility => createMongoAbility<AppAbility>([]);

/**
 * Objects shaped like the API's entities, so instance checks use the same conditions as the server
 * (`lao.code`, `lao.province.code`, `province.code`, `provinceCode`, `role`).
 */
export const asLao = (code: string, provinceCode?: string) =>
  subject('Lao', { code, province: { code: provinceCode } });

export const inLao = (
  type: 'Division' | 'LaoService' | 'AccountGrant',
  laoCode: string,
  provinceCode?: string,
) => subject(type, { lao: { code: laoCode, province: { code: provinceCode } } });

export const asAccount = (role: string, laoCode: string | null, provinceCode: string | null) =>
  subject('Account', { role, lao: { code: laoCode }, province: { code: provinceCode } });

export const asGrant = (role: string, laoCode: string, provinceCode?: string) =>
  subject('AccountGrant', { role, lao: { code: laoCode, province: { code: provinceCode } } });

export const asOrder = (laoCode: string, provinceCode: string) =>
  subject('AppointmentOrder', { lao: { code: laoCode }, provinceCode });
