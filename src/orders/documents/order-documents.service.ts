import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from '../../access/request-context';
import { Account } from '../../accounts/entities/account.entity';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OrderDocument } from '../../documents/entities/order-document.entity';
import { OutboxService } from '../../outbox/outbox.service';
import { ObjectStorage } from '../../storage/object-storage';
import { findTransition } from '../../workflow/transition-table';
import { ORDER_TRANSITIONS } from '../../workflow/order-transitions';
import { TransitionService } from '../../workflow/transition.service';
import { WorkflowErrors } from '../../workflow/workflow-errors';
import { loadOrder } from '../order-loader';
import { presentDocument, type DocumentView } from '../order.presenter';
import { drainRefusedBody } from './refused-body';
import { quarantineKey } from './document-keys';
import { receivePdf, type ReceivedPdf } from './multipart-pdf';
import { removeSpool } from './upload-spool';

/**
 * The upload path of an order's PDF: checks, spool (hashed while it arrives), quarantine, the `upload`
 * transition, the document row and the `documents.validate` job, answered 202 while the worker validates.
 */
@Injectable()
export class OrderDocumentsService {
  private readonly logger = new Logger(OrderDocumentsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    private readonly transitions: TransitionService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(caller: Caller, orderId: string, req: Request): Promise<DocumentView> {
    // Refuse before reading up to 20 MB when the order cannot take a document at all.
    try {
      const order = await loadOrder(this.em.fork(), caller.ability, orderId, 'upload');
      if (!findTransition(ORDER_TRANSITIONS, order.state, 'upload')) {
        throw WorkflowErrors.ORDER_STATE_CONFLICT({ state: order.state, event: 'upload' });
      }
    } catch (error) {
      // Drained up to a bound, so the uploading client can read why (see refused-body.ts).
      await drainRefusedBody(req);
      throw error;
    }
    const file = await receivePdf(req, { spoolDir: this.config.documents.uploadSpoolDir });
    try {
      return await this.store(caller, orderId, file);
    } finally {
      await removeSpool(file.path);
    }
  }

  private async store(caller: Caller, orderId: string, file: ReceivedPdf): Promise<DocumentView> {
    const version = parseVersion(file.fields.version);
    const documentId = randomUUID();
    const key = quarantineKey(orderId, documentId);
    const bucket = this.config.storage.bucketQuarantine;
    await this.storage.put({
      bucket,
      key,
      body: createReadStream(file.path),
      size: file.size,
      sha256: file.sha256,
      contentType: 'application/pdf',
    });
    try {
      return await this.em.fork().transactional(async (em) => {
        const fresh = await loadOrder(em, caller.ability, orderId, 'upload');
        await this.transitions.applyOrder(em, fresh, 'upload', {
          actor: caller,
          version,
          documentSha256: file.sha256,
        });
        const doc = em.create(OrderDocument, {
          id: documentId,
          order: fresh,
          state: 'processing',
          sha256: file.sha256,
          size: file.size,
          filename: file.filename,
          quarantineKey: key,
          uploadedBy: em.getReference(Account, caller.principal.accountId),
        });
        this.outbox.enqueue(em, 'documents.validate', { documentId: doc.id });
        return presentDocument(doc);
      });
    } catch (error) {
      await this.storage
        .remove(bucket, key)
        .catch((e: unknown) => this.logger.warn(`quarantine cleanup ${key}: ${String(e)}`));
      throw error;
    }
  }
}

/** An optional multipart field `version`: the order version the admin saw. */
function parseVersion(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
