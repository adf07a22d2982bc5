import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../../access/request-context';
import { accessibleFilter } from '../../access/rules-to-filter';
import { OrderDocument } from '../entities/order-document.entity';
import { decodeCursor, encodeCursor } from './list-cursor';
import { presentIntegrityItem, type IntegrityReportItem } from './pipeline-views';

export interface IntegrityReport {
  items: IntegrityReportItem[];
  nextCursor: string | null;
  /** Stored documents and how many of them the scrub (or a download) has checked so far. */
  stored: number;
  checked: number;
}

/** Stored documents whose bytes no longer match their sha256 (or are gone), as the last check found them. */
@Injectable()
export class IntegrityReportService {
  constructor(private readonly em: EntityManager) {}

  async report(caller: Caller, limit: number, cursor?: string): Promise<IntegrityReport> {
    const visible = accessibleFilter<OrderDocument>(caller.ability, 'read', 'OrderDocument');
    if (!visible) return { items: [], nextCursor: null, stored: 0, checked: 0 };
    const em = this.em.fork();
    const after = decodeCursor(cursor);
    const where: FilterQuery<OrderDocument>[] = [visible, { integrityFailure: { $ne: null } }];
    if (after)
      where.push({ $or: [{ createdAt: { $gt: after.at } }, { createdAt: after.at, id: { $gt: after.id } }] });
    const rows = await em.find(
      OrderDocument,
      { $and: where },
      { populate: ['order', 'order.lao'], orderBy: { createdAt: 'asc', id: 'asc' }, limit: limit + 1 },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const stored = await em.count(OrderDocument, { $and: [visible, { storageKey: { $ne: null } }] });
    const checked = await em.count(OrderDocument, {
      $and: [visible, { storageKey: { $ne: null }, integrityCheckedAt: { $ne: null } }],
    });
    return {
      items: page.flatMap((doc) =>
        doc.integrityFailure ? [presentIntegrityItem(doc, doc.integrityFailure)] : [],
      ),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
      stored,
      checked,
    };
  }
}
