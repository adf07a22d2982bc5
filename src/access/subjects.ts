import type { MongoAbility, MongoQuery } from '@casl/ability';

export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'import',
  'disable',
  'enable',
  'resetPassword',
  'setTemporaryPassword',
  'publish',
  'upload',
  'withdraw',
  'verify',
  'return',
  'revoke',
  'view',
  'process',
  'check',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Subjects are named by their entity class name; a few are screens or reports, not entities. */
export const SUBJECTS = [
  'Province',
  'Lao',
  'Division',
  'CitizenService',
  'LaoService',
  'Account',
  'AccountGrant',
  'AppointmentOrder',
  'OrderDocument',
  'Notification',
  'AuditEntry',
  'ReviewQueue',
  'Dashboard',
  'QueueDashboard',
  'IntegrationClient',
  'Webhook',
  'AuthzDecision',
  'ChangeEvent',
  'all',
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

export type AppAbility = MongoAbility<[Action, SubjectType | object], MongoQuery>;
