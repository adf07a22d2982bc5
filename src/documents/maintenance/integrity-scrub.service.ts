import { QueryOrder } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ObjectStorage } from '../../storage/object-storage';
import { OrderDocument } from '../entities/order-document.entity';
import { recordIntegrity } from '../integrity/integrity-ledger';
import { checkStoredObject } from '../integrity/stored-object-check';

export interface ScrubResult {
  checked: number;
  failures: number;
}

/**
 * `documents.integrity-scrub`: re-hashes up to INTEGRITY_SCRUB_BATCH stored documents per run, those
 * checked longest ago first, so successive runs walk every document round and round. Mismatches and missing
 * objects are recorded on the row (the dla_admin's integrity report), logged and audited once per incident.
 * A store that does not answer fails the run (BullMQ retries it); what was checked so far stays recorded.
 */
@Injectable()
export class IntegrityScrubService {
  private readonly logger = new Logger(IntegrityScrubService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async scrub(): Promise<ScrubResult> {
    const em = this.em.fork();
    const docs = await em.find(
      OrderDocument,
      { storageKey: { $ne: null } },
      {
        orderBy: { integrityCheckedAt: QueryOrder.ASC_NULLS_FIRST, id: QueryOrder.ASC },
        limit: this.config.documents.scrubBatchSize,
      },
    );
    let failures = 0;
    for (const doc of docs) {
      if (!doc.storageKey) continue;
      const check = await checkStoredObject(
        this.storage,
        this.config.storage.bucketDocuments,
        doc.storageKey,
        { sha256: doc.sha256, size: Number(doc.size) },
        { keepBytes: false },
      );
      if (!check.ok) failures += 1;
      await recordIntegrity(em, this.audit, this.logger, {
        doc,
        problem: check.ok ? null : check.problem,
        detectedBy: 'scrub',
      });
    }
    this.logger.log(`integrity scrub checked ${docs.length} document(s), ${failures} failure(s)`);
    return { checked: docs.length, failures };
  }
}
