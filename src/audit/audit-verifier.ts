import type { EntityManager } from '@mikro-orm/postgresql';
import { auditHash, GENESIS_HASH } from './audit-hash';

interface Row {
  id: string;
  chain: string;
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export interface ChainReport {
  chain: string;
  rows: number;
  firstBroken: { id: string; seq: string; reason: string } | null;
}

/** Walks every chain in order, recomputing each hash; names the first row that does not fit. */
export async function verifyAuditChains(em: EntityManager, batchSize = 5000): Promise<ChainReport[]> {
  const conn = em.getConnection();
  const chains = await conn.execute<{ chain: string }[]>(
    'select distinct chain from audit_entry order by chain',
  );
  const reports: ChainReport[] = [];
  for (const { chain } of chains) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let rows = 0;
    let firstBroken: ChainReport['firstBroken'] = null;
    let after = 0n;
    for (;;) {
      const batch = await conn.execute<Row[]>(
        'select * from audit_entry where chain = ? and seq > ? order by seq limit ?',
        [chain, after.toString(), batchSize],
      );
      for (const row of batch) {
        rows++;
        if (firstBroken) continue;
        const recomputed = auditHash(prevHash, {
          chain: row.chain,
          seq: String(row.seq),
          at: new Date(row.at),
          actorId: row.actor_id,
          actorUsername: row.actor_username,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          ip: row.ip,
          details: row.details,
        });
        const reason =
          BigInt(row.seq) !== expectedSeq
            ? `sequence gap: expected ${expectedSeq}`
            : row.prev_hash !== prevHash
              ? 'prev_hash does not match the previous row'
              : row.hash !== recomputed
                ? 'content does not match its hash'
                : null;
        if (reason) firstBroken = { id: String(row.id), seq: String(row.seq), reason };
        prevHash = row.hash;
        expectedSeq = BigInt(row.seq) + 1n;
      }
      if (batch.length < batchSize) break;
      after = BigInt(batch[batch.length - 1].seq);
    }
    reports.push({ chain, rows, firstBroken });
  }
  return reports;
}
