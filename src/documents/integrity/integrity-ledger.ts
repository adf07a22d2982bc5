import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@nestjs/common';
import type { Principal } from '../../access/principal';
import type { AuditService } from '../../audit/audit.service';
import { OrderDocument, type IntegrityFailure } from '../entities/order-document.entity';
import type { IntegrityProblem } from './stored-object-check';

export interface IntegrityRecordInput {
  doc: Pick<OrderDocument, 'id' | 'sha256' | 'storageKey' | 'integrityFailure'>;
  problem: IntegrityProblem | null;
  detectedBy: IntegrityFailure['detectedBy'];
  actor?: Pick<Principal, 'accountId' | 'username' | 'ip'> | null;
}

/**
 * Writes the outcome of one integrity check on the document row (what the dla_admin report lists) and, when
 * something is wrong, an error log line and an audit row. A scrub that finds the same failure again writes
 * no new audit row (one per incident); every download that meets a bad object does (someone tried to read it).
 */
export async function recordIntegrity(
  em: EntityManager,
  audit: AuditService,
  logger: Logger,
  input: IntegrityRecordInput,
): Promise<void> {
  const { doc, problem, detectedBy } = input;
  const now = new Date();
  const previous = doc.integrityFailure ?? null;
  const failure: IntegrityFailure | null = problem
    ? {
        ...problem,
        detectedAt: previous?.detectedAt ?? now.toISOString(),
        detectedBy: previous?.detectedBy ?? detectedBy,
      }
    : null;
  await em.nativeUpdate(OrderDocument, doc.id, { integrityCheckedAt: now, integrityFailure: failure });
  const details = { sha256: doc.sha256, storageKey: doc.storageKey ?? null, detectedBy };
  if (problem) {
    logger.error(
      `document ${doc.id}: stored object ${doc.storageKey ?? '?'} ${problem.reason} ` +
        `(expected sha256 ${doc.sha256}, found ${problem.actualSha256 ?? 'n/a'})`,
    );
    const repeated = previous?.reason === problem.reason && previous.actualSha256 === problem.actualSha256;
    if (!repeated || detectedBy === 'download') {
      await audit.record({
        action: 'document.integrity_mismatch',
        actor: input.actor ?? null,
        actorUsername: input.actor ? undefined : 'worker',
        subjectType: 'OrderDocument',
        subjectId: doc.id,
        details: { ...details, ...problem },
      });
    }
  } else if (previous) {
    logger.warn(`document ${doc.id}: stored object matches its sha256 again`);
    await audit.record({
      action: 'document.integrity_restored',
      actor: input.actor ?? null,
      actorUsername: input.actor ? undefined : 'worker',
      subjectType: 'OrderDocument',
      subjectId: doc.id,
      details,
    });
  }
}
