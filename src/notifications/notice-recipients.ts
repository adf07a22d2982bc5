import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import { Account } from '../accounts/entities/account.entity';
import type { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import type { NoticeKind } from '../workflow/transition-context';
import type { NoticeAudience } from './templates/workflow-notice';

export interface Recipient {
  account: Account;
  audience: NoticeAudience;
  orders: AppointmentOrder[];
}

/**
 * Who hears about what (DOMAIN/API: uploaded → the province's officers; returned, rejected, verified,
 * activated → the LAO's admins; activated → also each holder). One entry per account, with every
 * order of the event that concerns it, so several orders make one summary.
 */
export async function resolveRecipients(
  em: EntityManager,
  kind: NoticeKind,
  orders: AppointmentOrder[],
): Promise<Recipient[]> {
  const byAccount = new Map<string, Recipient>();
  const add = (account: Account, audience: NoticeAudience, order: AppointmentOrder): void => {
    const entry = byAccount.get(account.id) ?? { account, audience, orders: [] };
    // An admin who is also a holder reads the admin's message, which covers both.
    if (audience !== 'holder') entry.audience = audience;
    if (!entry.orders.includes(order)) entry.orders.push(order);
    byAccount.set(account.id, entry);
  };

  if (kind === 'order.uploaded' || kind === 'admin.handover') {
    const officers = await em.find(Account, {
      role: 'province_officer',
      province: { $in: [...new Set(orders.map((o) => o.provinceCode))] },
      status: { $ne: 'disabled' },
    });
    for (const order of orders) {
      for (const officer of officers)
        if (officer.province?.code === order.provinceCode) add(officer, 'officer', order);
    }
    if (kind === 'order.uploaded') return [...byAccount.values()];
  }

  const admins = await em.find(Account, {
    role: 'lao_admin',
    lao: { $in: [...new Set(orders.map((o) => o.lao.code))] },
    status: { $ne: 'disabled' },
  });
  for (const order of orders) {
    for (const admin of admins) if (admin.lao?.code === order.lao.code) add(admin, 'admin', order);
  }
  if (kind === 'order.activated') {
    const grants = await em.find(
      AccountGrant,
      { order: { $in: orders.map((o) => o.id) }, state: 'active' },
      { populate: ['account'] },
    );
    for (const grant of grants) {
      const order = orders.find((o) => o.id === grant.order?.id);
      if (order && grant.account.status !== 'disabled') add(grant.account, 'holder', order);
    }
  }
  return [...byAccount.values()];
}
