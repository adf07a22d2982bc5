import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../access/principal';
import { AuditEntry } from './entities/audit-entry.entity';
import { auditHash, GENESIS_HASH } from './audit-hash';

/** `changes.0` … `changes.15`: the changes chain is split by subject (see chainOf). */
export type AuditChain = 'auth' | 'access' | 'changes' | `changes.${number}`;

/**
 * Writers of one chain queue on its lock until they commit. Every upload, verdict and review writes a
 * change, so one `changes` chain serialised them all (bench:pipeline, bench:review-queue); 16 chains
 * by subject let unrelated subjects commit in parallel while each subject's events stay in one chain.
 */
export const CHANGE_CHAINS = 16;

/**
 * The changes chain a transaction already holds. A transaction that records changes of several
 * subjects keeps writing to the first one's chain: taking two chain locks in different orders in
 * two transactions would deadlock.
 */
const heldChangeChain = new WeakMap<object, AuditChain>();

export interface AuditInput {
  action: string;
  actor?: Pick<Principal, 'accountId' | 'username' | 'ip'> | null;
  /** For events without a signed-in actor (a failed login names the attempted username). */
  actorUsername?: string | null;
  ip?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

export function chainOf(action: string, subjectId?: string | null): AuditChain {
  if (action.startsWith('auth.')) return 'auth';
  if (action.startsWith('access.') || action.startsWith('read.')) return 'access';
  if (!subjectId) return 'changes';
  return `changes.${createHash('sha256').update(subjectId).digest().readUInt32BE(0) % CHANGE_CHAINS}`;
}

/**
 * Appends to the hash-chained audit log. Given an EntityManager inside a transaction, the row
 * commits with the change it records; otherwise it is written in a transaction of its own.
 */
@Injectable()
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async record(input: AuditInput, em?: EntityManager): Promise<void> {
    if (em && em.isInTransaction()) {
      await this.append(em, input);
      return;
    }
    await (em ?? this.em).fork().transactional((tx) => this.append(tx, input));
  }

  private async append(em: EntityManager, input: AuditInput): Promise<void> {
    const tx = em.getTransactionContext<object>();
    let chain = chainOf(input.action, input.subjectId);
    if (chain.startsWith('changes') && tx) {
      chain = heldChangeChain.get(tx) ?? chain;
      heldChangeChain.set(tx, chain);
    }
    // Writers of one chain queue on its lock until they commit: write everything else of this transaction
    // first, so the lock is held for three round trips only (lock + head, insert, commit).
    await em.flush();
    // Serialise writers of one chain so seq and prevHash never fork. One round trip: in READ COMMITTED each
    // statement of the string takes its own snapshot, so the head is read after the lock is granted.
    const [, last] = await em.getConnection().execute<[unknown[], { seq: string; hash: string }[]]>(
      `select pg_advisory_xact_lock(hashtext(?));
         select seq, hash from audit_entry where chain = ? order by seq desc limit 1`,
      [`audit:${chain}`, chain],
      'all',
      em.getTransactionContext(),
    );
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    const seq = String(BigInt(last[0]?.seq ?? '0') + 1n);
    const row = {
      chain,
      seq,
      at: new Date(Math.floor(Date.now())),
      actorId: input.actor?.accountId ?? null,
      actorUsername: input.actor?.username ?? input.actorUsername ?? null,
      action: input.action,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      ip: input.actor?.ip ?? input.ip ?? null,
      details: input.details ?? {},
    };
    const entry = em.create(AuditEntry, { ...row, prevHash, hash: auditHash(prevHash, row) });
    em.persist(entry);
    await em.flush();
  }
}
