import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectType } from './subjects';

export const POLICY_KEY = 'dla:policy';
export interface PolicyMetadata {
  action: Action;
  subject: SubjectType;
}

/**
 * Declares the action a route needs on a subject type. The guard checks it against the caller's
 * ability; services then check the loaded instance. Every route declares one (or @Public).
 */
export const Policy = (action: Action, subject: SubjectType): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { action, subject } satisfies PolicyMetadata);

export const AUTHENTICATED_KEY = 'dla:authenticated-only';
/** For routes every signed-in account may call (its own profile, its own notifications). */
export const AnyAuthenticated = (): MethodDecorator & ClassDecorator => SetMetadata(AUTHENTICATED_KEY, true);
