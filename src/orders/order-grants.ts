import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import { WorkflowErrors } from '../workflow/workflow-errors';
import type { AppointmentOrder } from './entities/appointment-order.entity';
import { OrdersErrors } from './orders-errors';

/**
 * Puts `grantIds` on `order` (and takes off the ones no longer listed): only draft grants of the
 * order's LAO that are on no other order. Two orders claiming one grant at once: the grant's version
 * makes the second UPDATE fail, answered as a 409 by the caller's flush.
 */
export async function assignGrants(
  em: EntityManager,
  order: AppointmentOrder,
  grantIds: string[],
): Promise<AccountGrant[]> {
  const grants = await em.find(
    AccountGrant,
    { id: { $in: grantIds }, lao: order.lao.code },
    { populate: ['account'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const found = new Set(grants.map((g) => g.id));
  const missing = grantIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw WorkflowErrors.GRANT_NOT_FOUND({ grantIds: missing });
  for (const grant of grants) {
    if (grant.order && grant.order.id !== order.id) {
      throw OrdersErrors.GRANT_ON_OTHER_ORDER({ grantId: grant.id, orderId: grant.order.id });
    }
    if (grant.state !== 'draft')
      throw OrdersErrors.GRANT_NOT_DRAFT({ grantId: grant.id, state: grant.state });
  }
  const previous = await em.find(AccountGrant, { order: order.id });
  for (const old of previous) if (!found.has(old.id)) old.order = null;
  for (const grant of grants) grant.order = order;
  return grants;
}
