import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import { buildSearchText } from './search-text';
import { AppointmentOrder } from './entities/appointment-order.entity';

/**
 * Recomputes `search_text` of every order naming the account, in the caller's transaction, so the
 * review queue finds an appointee by the name they have now (accounts call this after a rename).
 * A plain UPDATE: the search column is not part of the order's state, so its version (the officers'
 * optimistic lock) must not move.
 */
export async function refreshSearchTextOfAppointee(em: EntityManager, accountId: string): Promise<void> {
  const named = await em.find(
    AccountGrant,
    { account: accountId, order: { $ne: null } },
    { fields: ['order'] },
  );
  const orderIds = [...new Set(named.flatMap((g) => (g.order ? [g.order.id] : [])))];
  if (orderIds.length === 0) return;
  const orders = await em.find(AppointmentOrder, { id: { $in: orderIds } }, { populate: ['lao'] });
  const grants = await em.find(
    AccountGrant,
    { order: { $in: orderIds } },
    { populate: ['account'], orderBy: { createdAt: 'asc' } },
  );
  const texts = orders.map((order) =>
    buildSearchText({
      laoName: order.lao.nameTh,
      subject: order.subject,
      orderNo: order.orderNo,
      orderYear: order.orderYear,
      appointees: grants.filter((g) => g.order?.id === order.id).map((g) => g.account),
    }),
  );
  // One statement for all of them; one JSON parameter, as knex would expand an array binding.
  await em.getConnection().execute(
    `update appointment_order o set search_text = v.text
         from jsonb_to_recordset(?::jsonb) as v(id uuid, text text) where o.id = v.id`,
    [JSON.stringify(orders.map((o, i) => ({ id: o.id, text: texts[i] })))],
    'run',
    em.getTransactionContext(),
  );
}
