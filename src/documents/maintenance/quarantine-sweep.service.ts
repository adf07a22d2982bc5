import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AppointmentOrder } from '../../orders/entities/appointment-order.entity';
import { ObjectStorage } from '../../storage/object-storage';
import { OrderDocument } from '../entities/order-document.entity';

export interface SweepResult {
  removed: number;
  orphans: number;
}

const BATCH = 500;
const HOUR_MS = 3_600_000;
/** Uploads in flight (put done, commit pending) are never older than this: orphans wait at least this long. */
const ORPHAN_FLOOR_MS = HOUR_MS;
/** `orders/<order>/<document>.pdf` (document-keys.ts): the document id names the row an object belongs to. */
const QUARANTINE_KEY = /^orders\/([0-9a-f-]{36})\/([0-9a-f-]{36})\.pdf$/;

/**
 * `documents.quarantine-sweep`: empties quarantine of what no longer needs to be there. Rejected uploads
 * stay QUARANTINE_RETENTION_HOURS after their verdict (the admin may ask why), accepted ones have a promoted
 * copy (the handler removes theirs at once; this catches a removal that failed), and orphans (see below) go
 * once they are old. Idempotent: removal of a
 * missing object succeeds, and each row is marked once its object is gone. Bounded per run.
 */
@Injectable()
export class QuarantineSweepService {
  private readonly logger = new Logger(QuarantineSweepService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    const retentionMs = this.config.documents.quarantineRetentionHours * HOUR_MS;
    const removed = await this.sweepRows(new Date(now.getTime() - retentionMs));
    const orphans = await this.sweepOrphans(new Date(now.getTime() - Math.max(retentionMs, ORPHAN_FLOOR_MS)));
    if (removed + orphans > 0)
      this.logger.log(`quarantine sweep removed ${removed} file(s), ${orphans} orphan(s)`);
    return { removed, orphans };
  }

  private async sweepRows(cutoff: Date): Promise<number> {
    const em = this.em.fork();
    const docs = await em.find(
      OrderDocument,
      {
        quarantineRemovedAt: null,
        state: { $ne: 'processing' },
        $or: [{ state: { $ne: 'rejected' } }, { processedAt: { $lt: cutoff } }],
      },
      { orderBy: { processedAt: 'asc', id: 'asc' }, limit: BATCH },
    );
    for (const doc of docs) {
      await this.storage.remove(this.config.storage.bucketQuarantine, doc.quarantineKey);
      await em.nativeUpdate(
        OrderDocument,
        { id: doc.id, quarantineRemovedAt: null },
        { quarantineRemovedAt: new Date() },
      );
    }
    return docs.length;
  }

  /**
   * An object counts as an orphan only when its order is known here and its document row is not: that is the
   * API dying between the quarantine put and its commit. A worker pointed at the wrong database knows none of
   * the orders, so it deletes nothing.
   */
  private async sweepOrphans(cutoff: Date): Promise<number> {
    const bucket = this.config.storage.bucketQuarantine;
    const old = new Map<string, { key: string; orderId: string }>();
    for await (const object of this.storage.list(bucket, 'orders/')) {
      const match = QUARANTINE_KEY.exec(object.key);
      if (match && object.lastModified && object.lastModified < cutoff) {
        old.set(match[2], { key: object.key, orderId: match[1] });
      }
      if (old.size >= BATCH) break;
    }
    if (old.size === 0) return 0;
    const em = this.em.fork();
    const known = await em.find(OrderDocument, { id: { $in: [...old.keys()] } }, { fields: ['id'] });
    for (const doc of known) old.delete(doc.id);
    const orderIds = [...new Set([...old.values()].map((o) => o.orderId))];
    const orders = await em.find(AppointmentOrder, { id: { $in: orderIds } }, { fields: ['id'] });
    const knownOrders = new Set(orders.map((o) => o.id));
    const orphans = [...old.values()].filter((o) => knownOrders.has(o.orderId));
    for (const orphan of orphans) await this.storage.remove(bucket, orphan.key);
    return orphans.length;
  }
}
