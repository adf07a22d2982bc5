import type { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { assertCan } from '../../access/assert-can';
import type { Caller } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ObjectStorage } from '../../storage/object-storage';
import { loadOrder } from '../order-loader';
import { OrdersErrors } from '../orders-errors';

export interface DocumentDownload {
  stream: Readable;
  size: number;
  filename: string;
}

/** The current PDF of an order for people allowed to read it; every read is in the access log. */
@Injectable()
export class DocumentDownloadService {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(caller: Caller, orderId: string): Promise<DocumentDownload> {
    const em = this.em.fork();
    const order = await loadOrder(em, caller.ability, orderId);
    const doc = order.currentDocument;
    if (!doc?.storageKey) throw OrdersErrors.DOCUMENT_NOT_FOUND();
    assertCan(caller.ability, 'read', doc, () => OrdersErrors.DOCUMENT_NOT_FOUND());
    const stream = await this.storage.get(this.config.storage.bucketDocuments, doc.storageKey);
    await this.audit.record({
      action: 'read.document',
      actor: caller.principal,
      subjectType: 'OrderDocument',
      subjectId: doc.id,
      details: { orderId: order.id, sha256: doc.sha256 },
    });
    return { stream, size: Number(doc.size), filename: doc.filename };
  }
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name (Thai file names survive). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
