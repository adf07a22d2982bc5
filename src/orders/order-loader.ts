import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan } from '../access/assert-can';
import type { Action, AppAbility } from '../access/subjects';
import { Lao } from '../registry/entities/lao.entity';
import { RegistryErrors } from '../registry/registry-errors';
import { WorkflowErrors } from '../workflow/workflow-errors';
import { AppointmentOrder } from './entities/appointment-order.entity';

/** Loads an order the caller may `action`: invisible → 404, visible but not allowed → 403. */
export async function loadOrder(
  em: EntityManager,
  ability: AppAbility,
  id: string,
  action: Action = 'read',
): Promise<AppointmentOrder> {
  const order = await em.findOne(AppointmentOrder, id, { populate: ['lao', 'currentDocument'] });
  if (!order) throw WorkflowErrors.ORDER_NOT_FOUND();
  assertCan(ability, action, order, () => WorkflowErrors.ORDER_NOT_FOUND());
  return order;
}

/** A LAO the caller may read, by its 7-digit code; anything else is "not found". */
export async function loadVisibleLao(em: EntityManager, ability: AppAbility, code: string): Promise<Lao> {
  const lao = /^\d{7}$/.test(code) ? await em.findOne(Lao, code) : null;
  if (!lao || !ability.can('read', lao)) throw RegistryErrors.LAO_NOT_FOUND({ code });
  return lao;
}
