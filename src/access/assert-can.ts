import { subject as tag } from '@casl/ability';
import { CommonErrors } from '../common/errors/common-errors';
import type { AppError } from '../common/errors/app-error';
import type { Action, AppAbility, SubjectType } from './subjects';

/**
 * Instance-level check for services. What the caller may not even read is "not found" (never
 * reveal that another province's item exists); what it may read but not change is forbidden.
 */
export function assertCan(
  ability: AppAbility,
  action: Action,
  instance: object,
  notFound: () => AppError = () => CommonErrors.NOT_FOUND(),
): void {
  if (!ability.can('read', instance as never) && !ability.can(action, instance as never)) throw notFound();
  if (!ability.can(action, instance as never)) throw CommonErrors.FORBIDDEN({ action });
}

/** Checks an action on a would-be object (a create), tagged with its subject type. */
export function assertCanCreate(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  fields: Record<string, unknown>,
): void {
  if (!ability.can(action, tag(subjectType, { ...fields }) as never))
    throw CommonErrors.FORBIDDEN({ action });
}
