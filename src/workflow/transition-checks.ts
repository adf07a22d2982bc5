import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Action } from '../access/subjects';
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import type { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common-errors';
import { actorKind, isSystemActor, type TransitionActor } from './transition-context';
import type { ActorKind } from './transition-table';
import { WorkflowErrors } from './workflow-errors';

/**
 * What a caller may not even read is "not found", checked before anything else so a refusal never
 * reveals that another province's item exists or what state it is in.
 */
export function assertVisible(
  actor: TransitionActor,
  instance: object,
  action: string,
  notFound: () => AppError,
): void {
  if (isSystemActor(actor)) return;
  const { ability } = actor;
  if (!ability.can('read', instance as never) && !ability.can(action as Action, instance as never))
    throw notFound();
}

/** The table names who fires the event; for people the CASL action of the same name decides on the instance. */
export function assertActor(
  allowed: readonly ActorKind[],
  actor: TransitionActor,
  action: string,
  instance: object,
): void {
  const kind = actorKind(actor);
  if (kind === 'other' || !allowed.includes(kind))
    throw WorkflowErrors.TRANSITION_ACTOR_NOT_ALLOWED({ action });
  if (!isSystemActor(actor) && !actor.ability.can(action as Action, instance as never)) {
    throw CommonErrors.FORBIDDEN({ action });
  }
}

/**
 * Flushes the transition. `version: true` makes every UPDATE conditional on the version that was
 * loaded, so a concurrent change surfaces here as OptimisticLockError: answered as a 409.
 */
export async function flushOrConflict(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      const entity: unknown = error.getEntity();
      throw entity instanceof AccountGrant
        ? WorkflowErrors.GRANT_VERSION_CONFLICT()
        : WorkflowErrors.ORDER_VERSION_CONFLICT();
    }
    throw error;
  }
}
