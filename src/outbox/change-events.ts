import type { EntityManager } from '@mikro-orm/core';
import { ChangeEvent, type ChangeEventType } from './change-event.entity';

/**
 * Records a change for the feed in the caller's transaction (only persists: the caller's flush or
 * commit writes it with the change itself, or not at all).
 */
export function recordChangeEvent(
  em: EntityManager,
  type: ChangeEventType,
  data: Record<string, unknown>,
  accountId: string | null = null,
): void {
  const event = new ChangeEvent();
  event.type = type;
  event.data = data;
  event.accountId = accountId;
  em.persist(event);
}
