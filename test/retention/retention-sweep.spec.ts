import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyHashKey, requestHash } from '../../src/common/idempotency/idempotency.service';
import { QueueProducers } from '../../src/queue/queue-producers';
import { RETENTION_SWEEP_EVERY_MS } from '../../src/retention/retention-policy';
import { RetentionSweepService } from '../../src/retention/retention-sweep.service';
import { sql } from '../identity/identity-helpers';
import { createAccount } from '../support/factories';
import { ApiClient } from '../support/http';
import { waitFor } from '../support/redis-keys';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number): Date => new Date(Date.now() - ms);
const ahead = (ms: number): Date => new Date(Date.now() + ms);

/** Issue 10, finding 10: nothing personal is kept forever, and stored request hashes need the server's key. */
describe('retention', () => {
  let t: TestApp;
  let db: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.url;
  });
  afterAll(() => t.close());

  const ids = async (table: string, column = 'id'): Promise<string[]> =>
    (await sql<{ v: string }>(db, `select ${column}::text as v from ${table} order by 1`)).map((r) => r.v);

  async function idempotency(createdAt: Date): Promise<string> {
    const id = `acct:${randomUUID()}`;
    await sql(
      db,
      `insert into idempotency_record (id, request_hash, status_code, created_at) values ($1, $2, 201, $3)`,
      [id, 'x'.repeat(64), createdAt],
    );
    return id;
  }

  interface TokenRow {
    expires: Date;
    familyExpires?: Date;
    rotated?: Date;
    revoked?: Date;
  }
  async function refresh(accountId: string, row: TokenRow): Promise<string> {
    const id = randomUUID();
    await sql(
      db,
      `insert into refresh_token (id, account_id, family_id, token_hash, expires_at, family_expires_at, rotated_at, revoked_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        accountId,
        randomUUID(),
        randomBytes(32).toString('hex'),
        row.expires,
        row.familyExpires ?? ahead(60 * DAY),
        row.rotated ?? null,
        row.revoked ?? null,
      ],
    );
    return id;
  }

  async function link(
    accountId: string,
    createdAt: Date,
    end: { expires: Date; used?: Date; voided?: Date },
    purpose = 'invite',
  ) {
    const id = randomUUID();
    await sql(
      db,
      `insert into set_password_token (id, account_id, token_hash, purpose, expires_at, used_at, voided_at, created_at)
       values ($1, $2, $3, $8, $4, $5, $6, $7)`,
      [
        id,
        accountId,
        randomBytes(32).toString('hex'),
        end.expires,
        end.used ?? null,
        end.voided ?? null,
        createdAt,
        purpose,
      ],
    );
    return id;
  }

  async function throttle(lastFailure: Date, lockedUntil: Date | null = null): Promise<string> {
    const key = `ip:198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    await sql(
      db,
      `insert into login_throttle (key, failures, locked_until, last_failure_at) values ($1, 3, $2, $3)`,
      [key, lockedUntil, lastFailure],
    );
    return key;
  }

  it('deletes each kind of row past its retention and keeps the rest', async () => {
    const em = t.app.get(EntityManager);
    const a = await createAccount(em, { role: 'province_officer', provinceCode: '36' });
    const b = await createAccount(em, { role: 'province_officer', provinceCode: '36' });

    const oldAnswer = await idempotency(ago(25 * HOUR));
    const freshAnswer = await idempotency(ago(HOUR));

    const revokedLongAgo = await refresh(a.id, { expires: ahead(DAY), revoked: ago(8 * DAY) });
    const revokedYesterday = await refresh(a.id, { expires: ahead(DAY), revoked: ago(DAY) });
    const lapsed = await refresh(a.id, { expires: ago(8 * DAY) });
    // Rotated and itself expired, but its family lives: a replay of it must still revoke the family.
    const rotatedInLiveFamily = await refresh(a.id, { expires: ago(10 * DAY), rotated: ago(20 * DAY) });
    const rotatedFamilyOver = await refresh(a.id, {
      expires: ago(30 * DAY),
      rotated: ago(40 * DAY),
      familyExpires: ago(8 * DAY),
    });
    const live = await refresh(a.id, { expires: ahead(DAY) });

    const used = await link(a.id, ago(60 * DAY), { expires: ago(57 * DAY), used: ago(59 * DAY) });
    const expired = await link(a.id, ago(50 * DAY), { expires: ago(47 * DAY) });
    const voidedRecently = await link(a.id, ago(3 * DAY), { expires: ahead(DAY), voided: ago(2 * DAY) });
    const newest = await link(a.id, ago(DAY), { expires: ahead(2 * DAY) });
    const onlyLinkOfB = await link(b.id, ago(90 * DAY), { expires: ago(87 * DAY) });
    // C's invitation was used long ago and a reset came later: the invitation stays (its state is "used").
    const c = await createAccount(em, { role: 'province_officer', provinceCode: '40' });
    const usedInvitation = await link(c.id, ago(100 * DAY), { expires: ago(97 * DAY), used: ago(99 * DAY) });
    const oldReset = await link(c.id, ago(80 * DAY), { expires: ago(77 * DAY) }, 'reset');
    const newerReset = await link(
      c.id,
      ago(60 * DAY),
      { expires: ago(57 * DAY), used: ago(59 * DAY) },
      'reset',
    );

    const quiet = await throttle(ago(25 * HOUR));
    const recent = await throttle(ago(2 * HOUR));
    const stillLocked = await throttle(ago(25 * HOUR), ahead(HOUR));

    const result = await new RetentionSweepService(em).sweep();
    expect(result).toEqual({
      idempotencyRecords: 1,
      refreshTokens: 3,
      setPasswordTokens: 3,
      loginThrottles: 1,
    });

    const answers = await ids('idempotency_record');
    expect(answers).toContain(freshAnswer);
    expect(answers).not.toContain(oldAnswer);
    expect(await ids('refresh_token')).toEqual([revokedYesterday, rotatedInLiveFamily, live].sort());
    for (const gone of [revokedLongAgo, lapsed, rotatedFamilyOver])
      expect(await ids('refresh_token')).not.toContain(gone);
    expect(await ids('set_password_token')).toEqual(
      [voidedRecently, newest, onlyLinkOfB, usedInvitation, newerReset].sort(),
    );
    for (const gone of [used, expired, oldReset]) expect(await ids('set_password_token')).not.toContain(gone);
    const keys = await ids('login_throttle', 'key');
    expect(keys).toEqual(expect.arrayContaining([recent, stillLocked]));
    expect(keys).not.toContain(quiet);
  });

  it('stores idempotency request hashes keyed with a server secret, not a plain hash of the body', async () => {
    const api = new ApiClient(t.baseUrl);
    const root = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    const body = {
      username: 'hash.officer01',
      fullName: 'นายทดสอบ แฮช',
      email: 'hash@x.example',
      provinceCode: '36',
    };
    const created = await api.post('/api/province-officers', body, root, {
      'idempotency-key': 'hash-check-0001',
    });
    expect(created.status).toBe(201);
    const [row] = await sql<{ request_hash: string }>(
      db,
      `select request_hash from idempotency_record where id like '%:hash-check-0001'`,
    );
    const canonical = Object.fromEntries(Object.entries(body).sort(([x], [y]) => x.localeCompare(y)));
    const plain = createHash('sha256')
      .update(JSON.stringify(['POST', '/api/province-officers', canonical]))
      .digest('hex');
    expect(row.request_hash).not.toBe(plain);
    const keyed = requestHash(
      idempotencyHashKey(t.config.jwt.secret),
      'POST',
      '/api/province-officers',
      body,
    );
    expect(row.request_hash).toBe(keyed);
  });

  describe('on a schedule', () => {
    let worker: TestWorker;
    afterAll(() => worker?.close());

    it('a worker registers the hourly job scheduler and its first run sweeps at once', async () => {
      const old = await idempotency(ago(2 * DAY));
      worker = await startTestWorker(t.env);
      const queue = worker.module.get(QueueProducers).queue('maintenance');
      await waitFor(
        async () => (await queue.getJobScheduler('retention.sweep')) !== undefined,
        'the scheduler',
      );
      const scheduler = await queue.getJobScheduler('retention.sweep');
      expect(Number(scheduler?.every)).toBe(RETENTION_SWEEP_EVERY_MS);
      await waitFor(async () => !(await ids('idempotency_record')).includes(old), 'the first sweep');
    });
  });
});
