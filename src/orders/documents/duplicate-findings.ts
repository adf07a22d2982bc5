import type { EntityManager } from '@mikro-orm/postgresql';
import type { Finding } from '../../documents/inspection/cross-check';
import { OrderDocument } from '../../documents/entities/order-document.entity';
import { orderLabel } from '../order-number';

const MAX_REPORTED = 5;

/**
 * The same bytes (sha256) already accepted on another order of the same LAO: usually the wrong file attached,
 * sometimes a deliberate re-use. A warning for the admin and the reviewer, never a rejection. Only accepted
 * documents count: a rejected upload was never "on" its order.
 */
export async function duplicateFindings(
  em: EntityManager,
  doc: Pick<OrderDocument, 'sha256'> & { order: { id: string; lao: { code: string } } },
): Promise<Finding[]> {
  const others = await em.find(
    OrderDocument,
    {
      sha256: doc.sha256,
      state: { $in: ['valid', 'needs_manual_check'] },
      order: { lao: doc.order.lao.code, id: { $ne: doc.order.id } },
    },
    { populate: ['order'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const labels = [...new Set(others.map((o) => orderLabel(o.order)))];
  return labels
    .slice(0, MAX_REPORTED)
    .map((found) => ({ code: 'DUPLICATE_DOCUMENT', severity: 'warn', found }));
}
