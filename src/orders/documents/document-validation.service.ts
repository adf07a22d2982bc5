import type { Readable } from 'node:stream';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AccountGrant } from '../../accounts/entities/account-grant.entity';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OrderDocument } from '../../documents/entities/order-document.entity';
import type { ExpectedOrder } from '../../documents/inspection/cross-check';
import { closeValidationPools, sandboxedValidate } from '../../documents/inspection/sandboxed-validate';
import type { ValidationResult } from '../../documents/inspection/validate-document';
import { ObjectStorage } from '../../storage/object-storage';
import type { OrderEvent } from '../../workflow/order-transitions';
import { TransitionService } from '../../workflow/transition.service';
import { documentKey } from './document-keys';
import { duplicateFindings } from './duplicate-findings';
import { stage } from './retryable-stage';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Handles `documents.validate`: validate the quarantined PDF in the sandbox, promote an accepted one
 * to `<LAO>/orders/<order>/<sha256>.pdf`, record the verdict and apply `document.accepted` or
 * `document.rejected`. Idempotent: a document no longer `processing` is left alone, the promoted key
 * is deterministic, and the verdict is written under a row lock, so a job killed at any point (worker
 * SIGKILL, store or database away) simply runs again. Every such failure is a RetryableDocumentError
 * (BullMQ backoff). An accepted file leaves quarantine at once; a rejected one stays there for
 * QUARANTINE_RETENTION_HOURS (the admin may ask why) until the retention sweep removes it.
 */
@Injectable()
export class DocumentValidationService implements OnApplicationShutdown {
  private readonly logger = new Logger(DocumentValidationService.name);

  constructor(
    private readonly storage: ObjectStorage,
    private readonly transitions: TransitionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** After the queue workers let their jobs finish (beforeApplicationShutdown): end the warm threads. */
  async onApplicationShutdown(): Promise<void> {
    await closeValidationPools();
  }

  async validate(em: EntityManager, documentId: string): Promise<void> {
    const doc = await stage('load order', documentId, () =>
      em.findOne(OrderDocument, documentId, { populate: ['order', 'order.lao'] }),
    );
    if (!doc || doc.state !== 'processing') return;
    const { bucketQuarantine, bucketDocuments } = this.config.storage;
    const bytes = await stage('read quarantine', documentId, async () =>
      readAll(await this.storage.get(bucketQuarantine, doc.quarantineKey)),
    );
    const expected = await stage('load order', documentId, () => this.expected(em, doc));
    // SandboxError (the sandbox itself failed) is not a verdict: retried like any other outage.
    const result = await stage('validate', documentId, () => sandboxedValidate(bytes, expected));
    if (result.verdict !== 'rejected') {
      result.findings.push(...(await stage('load order', documentId, () => duplicateFindings(em, doc))));
    }
    const accepted = result.verdict !== 'rejected';
    const storageKey = accepted ? documentKey(doc.order.lao.code, doc.order.id, doc.sha256) : null;
    if (storageKey) {
      await stage('promote', documentId, () =>
        this.storage.put({
          bucket: bucketDocuments,
          key: storageKey,
          body: bytes,
          size: bytes.length,
          sha256: doc.sha256,
          contentType: 'application/pdf',
        }),
      );
    }
    const recorded = await stage('record verdict', documentId, () =>
      em.fork().transactional((tx) => this.record(tx, documentId, result, storageKey)),
    );
    if (recorded && storageKey) await this.leaveQuarantine(em, doc);
  }

  /** The promoted copy is the document now; a failure here is only litter, which the sweep collects. */
  private async leaveQuarantine(em: EntityManager, doc: OrderDocument): Promise<void> {
    try {
      await this.storage.remove(this.config.storage.bucketQuarantine, doc.quarantineKey);
      await em.fork().nativeUpdate(OrderDocument, doc.id, { quarantineRemovedAt: new Date() });
    } catch (error) {
      this.logger.warn(`document ${doc.id}: quarantine copy left for the sweep: ${String(error)}`);
    }
  }

  private async expected(em: EntityManager, doc: OrderDocument): Promise<ExpectedOrder> {
    const grants = await em.find(AccountGrant, { order: doc.order.id }, { populate: ['account'] });
    return {
      laoName: doc.order.lao.nameTh,
      orderNo: doc.order.orderNo,
      orderYear: doc.order.orderYear,
      appointees: grants.map((g) => ({
        title: g.account.title,
        firstName: g.account.firstName,
        lastName: g.account.lastName,
      })),
    };
  }

  /** Writes the verdict and moves the order; false when another run got there first. */
  private async record(
    tx: EntityManager,
    id: string,
    result: ValidationResult,
    storageKey: string | null,
  ): Promise<boolean> {
    const doc = await tx.findOne(OrderDocument, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!doc || doc.state !== 'processing') return false;
    await tx.populate(doc, ['order', 'order.lao']);
    doc.state = result.verdict;
    doc.pages = result.pages ?? null;
    doc.ocr = result.ocr;
    doc.findings = result.findings;
    doc.textLength = result.textLength ?? null;
    doc.processedAt = new Date();
    doc.storageKey = storageKey;
    doc.rejection = result.rejection
      ? { code: result.rejection.code, message: result.rejection.message }
      : null;
    const order = doc.order;
    // Only the newest upload of an order may move it; an older one that finishes late is just recorded.
    const newest = await tx.findOne(
      OrderDocument,
      { order: order.id },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    if (newest?.id !== doc.id) return true;
    const event: OrderEvent = storageKey ? 'document.accepted' : 'document.rejected';
    if (storageKey) order.currentDocument = doc;
    try {
      await this.transitions.applyOrder(tx, order, event, {
        actor: 'worker',
        documentSha256: doc.sha256,
        reason: result.rejection?.message,
      });
    } catch (error) {
      // A refused transition (the order moved on, or has no grants) keeps the verdict; checks change nothing.
      if (!(error instanceof AppError) || error.status >= 500 || error.code.endsWith('_VERSION_CONFLICT'))
        throw error;
      this.logger.warn(`document ${doc.id}: ${event} not applied to order ${order.id}: ${error.code}`);
    }
    return true;
  }
}
