import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertCan } from '../../access/assert-can';
import type { Caller } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DocumentsErrors } from '../../documents/documents-errors';
import { recordIntegrity } from '../../documents/integrity/integrity-ledger';
import { checkStoredObject } from '../../documents/integrity/stored-object-check';
import { ObjectStorage } from '../../storage/object-storage';
import { loadOrder } from '../order-loader';
import { OrdersErrors } from '../orders-errors';

export interface DocumentDownload {
  bytes: Buffer;
  filename: string;
}

/**
 * The current PDF of an order for people allowed to read it; every read is in the access log. The bytes
 * are re-hashed before anything is sent: once headers are out a bad object could no longer become an
 * error, so the (≤ 20 MB) object is read and verified in memory first, and a mismatch answers
 * DOCUMENT_INTEGRITY_ERROR, is recorded on the document and audited.
 */
@Injectable()
export class DocumentDownloadService {
  private readonly logger = new Logger(DocumentDownloadService.name);

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
    const check = await checkStoredObject(
      this.storage,
      this.config.storage.bucketDocuments,
      doc.storageKey,
      { sha256: doc.sha256, size: Number(doc.size) },
      { keepBytes: true },
    );
    if (!check.ok || doc.integrityFailure) {
      await recordIntegrity(em, this.audit, this.logger, {
        doc,
        problem: check.ok ? null : check.problem,
        detectedBy: 'download',
        actor: caller.principal,
      });
    }
    if (!check.ok || !check.bytes) throw DocumentsErrors.DOCUMENT_INTEGRITY_ERROR({ documentId: doc.id });
    await this.audit.record({
      action: 'read.document',
      actor: caller.principal,
      subjectType: 'OrderDocument',
      subjectId: doc.id,
      details: { orderId: order.id, sha256: doc.sha256 },
    });
    return { bytes: check.bytes, filename: doc.filename };
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
