import { createHmac, hkdfSync } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { IdempotencyRecord } from '../entities/idempotency-record.entity';
import { CommonErrors } from '../errors/common-errors';

export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

/** A claim nobody finished (a crashed request) may be taken over after this long. */
const STALE_CLAIM_MS = 5 * 60 * 1000;

/** Key order in objects must not change the hash of "the same body". */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * HMAC-SHA256 under a key derived from the JWT secret (HKDF, its own label): a body can hold a password,
 * and a plain hash of a short one is found by guessing. Without the server's secret the stored value says
 * nothing about the body.
 */
export function requestHash(key: Buffer, method: string, path: string, body: unknown): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([method, path, canonical(body ?? null)]))
    .digest('hex');
}

export function idempotencyHashKey(jwtSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, '', 'digital-dla/idempotency-hash/v1', 32));
}

/**
 * `Idempotency-Key` for POSTs: the first request claims `<account>:<key>` (a committed row), runs, and
 * stores its answer; a repeat with the same body gets that answer again, a repeat with another body
 * (or while the first still runs) gets 409 IDEMPOTENCY_CONFLICT. A failed request releases its claim
 * so the client may retry with the same key.
 */
@Injectable()
export class IdempotencyService {
  private readonly hashKey: Buffer;

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'jwt'>,
  ) {
    this.hashKey = idempotencyHashKey(config.jwt.secret);
  }

  hash(method: string, path: string, body: unknown): string {
    return requestHash(this.hashKey, method, path, body);
  }

  /** Null: go ahead (claimed). Otherwise the answer to replay. */
  async claim(id: string, hash: string): Promise<StoredAnswer | null> {
    const em = this.em.fork();
    try {
      await em.insert(IdempotencyRecord, {
        id,
        requestHash: hash,
        statusCode: null,
        body: null,
        createdAt: new Date(),
      });
      return null;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    const existing = await em.findOne(IdempotencyRecord, id);
    if (!existing) return this.claim(id, hash);
    if (existing.requestHash !== hash)
      throw CommonErrors.IDEMPOTENCY_CONFLICT({ reason: 'different_request' });
    if (existing.statusCode === null || existing.statusCode === undefined) {
      const stale = Date.now() - existing.createdAt.getTime() > STALE_CLAIM_MS;
      if (stale && (await em.nativeDelete(IdempotencyRecord, { id, statusCode: null })) > 0)
        return this.claim(id, hash);
      throw CommonErrors.IDEMPOTENCY_CONFLICT({ reason: 'in_progress' });
    }
    return { statusCode: Number(existing.statusCode), body: existing.body };
  }

  async complete(id: string, answer: StoredAnswer): Promise<void> {
    await this.em
      .fork()
      .nativeUpdate(IdempotencyRecord, { id }, { statusCode: answer.statusCode, body: answer.body });
  }

  async release(id: string): Promise<void> {
    await this.em.fork().nativeDelete(IdempotencyRecord, { id, statusCode: null });
  }
}
