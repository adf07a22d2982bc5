import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError } from '../../src/common/errors/app-error';
import type { ObjectStorage, PutObjectInput } from '../../src/storage/object-storage';
import type { StorageErrorCode } from '../../src/storage/storage-errors';

export interface ObjectStorageFixture {
  storage: ObjectStorage;
  dispose(): Promise<void>;
}

/** The buckets the suite works in; adapters' `ensureBuckets` must create them (nothing is pre-made). */
export const CONTRACT_BUCKETS = ['contract-documents', 'contract-quarantine'] as const;
const [DOCS, QUARANTINE] = CONTRACT_BUCKETS;
const MISSING_BUCKET = 'contract-never-created';
const THAI_KEY = '6360507/orders/คำสั่ง ที่ 1.pdf';

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Asserts the promise rejects with the storage AppError `code` (not just any error). */
export async function expectStorageError(
  promise: Promise<unknown>,
  code: StorageErrorCode,
): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** fs returns Dates from Node's realm, not Jest's, so `toBeInstanceOf(Date)` would fail. */
function expectDate(value: unknown): void {
  expect(Object.prototype.toString.call(value)).toBe('[object Date]');
}

export function bufferInput(bucket: string, key: string, body: Buffer, extra: Partial<PutObjectInput> = {}) {
  return { bucket, key, body, size: body.length, sha256: sha256(body), ...extra } satisfies PutObjectInput;
}

function chunked(data: Buffer, chunkSize: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
    })(),
  );
}

/**
 * One behavioural contract for every ObjectStorage adapter. Each spec file passes a factory that
 * builds the adapter over a fresh, empty store (temp folder, private s3rver) and disposes it.
 */
export function describeObjectStorageContract(
  name: string,
  factory: () => Promise<ObjectStorageFixture>,
): void {
  describe(`ObjectStorage contract: ${name}`, () => {
    let fixture: ObjectStorageFixture | undefined;
    let storage: ObjectStorage;

    beforeAll(async () => {
      fixture = await factory();
      storage = fixture.storage;
      await storage.ensureBuckets([...CONTRACT_BUCKETS]);
    });
    afterAll(async () => {
      await fixture?.dispose();
    });

    const keysOf = async (bucket: string, prefix?: string) =>
      (await collect(storage.list(bucket, prefix))).map((o) => o.key).sort();

    it('ensureBuckets is idempotent and ping resolves', async () => {
      await storage.ensureBuckets([...CONTRACT_BUCKETS]);
      await storage.ensureBuckets([DOCS]);
      await expect(storage.ping()).resolves.toBeUndefined();
      await expect(collect(storage.list(QUARANTINE))).resolves.toEqual([]);
    });

    it('round-trips a Buffer byte for byte', async () => {
      const body = Buffer.concat([
        Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
        randomBytes(300_000),
      ]);
      await storage.put(bufferInput(DOCS, 'roundtrip/buffer.bin', body));
      expect((await readAll(await storage.get(DOCS, 'roundtrip/buffer.bin'))).equals(body)).toBe(true);
    });

    it('round-trips a Readable of known size byte for byte', async () => {
      const body = randomBytes(1_048_576 + 17);
      await storage.put({ ...bufferInput(DOCS, 'roundtrip/stream.bin', body), body: chunked(body, 65_536) });
      const back = await readAll(await storage.get(DOCS, 'roundtrip/stream.bin'));
      expect(back.length).toBe(body.length);
      expect(back.equals(body)).toBe(true);
    });

    it('round-trips an empty object', async () => {
      await storage.put(bufferInput(DOCS, 'roundtrip/empty', Buffer.alloc(0)));
      expect((await readAll(await storage.get(DOCS, 'roundtrip/empty'))).length).toBe(0);
      expect(await storage.stat(DOCS, 'roundtrip/empty')).toMatchObject({
        size: 0,
        sha256: sha256(Buffer.alloc(0)),
      });
    });

    it('stat reports size, sha256, content type, metadata and lastModified', async () => {
      const body = Buffer.from('%PDF-1.7 คำสั่งแต่งตั้ง');
      const before = Date.now();
      await storage.put(
        bufferInput(QUARANTINE, 'stat/order.pdf', body, {
          contentType: 'application/pdf',
          metadata: { 'Original-Name': 'คำสั่ง ที่ 1/2568.pdf', uploader: 'user-42%' },
        }),
      );
      const info = await storage.stat(QUARANTINE, 'stat/order.pdf');
      expect(info).toMatchObject({
        size: body.length,
        sha256: sha256(body),
        contentType: 'application/pdf',
        metadata: { 'original-name': 'คำสั่ง ที่ 1/2568.pdf', uploader: 'user-42%' },
      });
      expectDate(info.lastModified);
      // S3 keeps seconds only; allow for that and for a little clock skew.
      expect(Math.abs((info.lastModified?.getTime() ?? 0) - before)).toBeLessThan(60_000);
    });

    it('defaults the content type to application/octet-stream', async () => {
      await storage.put(bufferInput(DOCS, 'stat/untyped', Buffer.from('x')));
      expect((await storage.stat(DOCS, 'stat/untyped')).contentType).toBe('application/octet-stream');
    });

    it('accepts a Thai key with spaces and slashes', async () => {
      const body = Buffer.from('คำสั่งจังหวัด');
      await storage.put(bufferInput(DOCS, THAI_KEY, body, { contentType: 'application/pdf' }));
      expect((await readAll(await storage.get(DOCS, THAI_KEY))).equals(body)).toBe(true);
      expect(await storage.stat(DOCS, THAI_KEY)).toMatchObject({ size: body.length, sha256: sha256(body) });
      expect(await keysOf(DOCS, '6360507/orders/คำ')).toEqual([THAI_KEY]);
      const [listed] = await collect(storage.list(DOCS, '6360507/'));
      expect(listed).toMatchObject({ key: THAI_KEY, size: body.length });
    });

    it('overwrites an object in place', async () => {
      await storage.put(bufferInput(DOCS, 'overwrite/doc', Buffer.from('first version')));
      const second = Buffer.from('second');
      await storage.put(bufferInput(DOCS, 'overwrite/doc', second, { contentType: 'text/plain' }));
      expect((await readAll(await storage.get(DOCS, 'overwrite/doc'))).equals(second)).toBe(true);
      expect(await storage.stat(DOCS, 'overwrite/doc')).toMatchObject({
        size: second.length,
        sha256: sha256(second),
        contentType: 'text/plain',
      });
    });

    it('lists by prefix, recursively, only in the given bucket', async () => {
      const keys = [
        'list/a/1.pdf',
        'list/a/2.pdf',
        'list/a/sub/3.pdf',
        'list/ab/4.pdf',
        'list/a-z.pdf',
        'list/b/5',
      ];
      for (const key of keys) await storage.put(bufferInput(DOCS, key, Buffer.from(key)));
      expect(await keysOf(DOCS, 'list/a/')).toEqual(['list/a/1.pdf', 'list/a/2.pdf', 'list/a/sub/3.pdf']);
      expect(await keysOf(DOCS, 'list/a')).toEqual(
        ['list/a-z.pdf', 'list/a/1.pdf', 'list/a/2.pdf', 'list/a/sub/3.pdf', 'list/ab/4.pdf'].sort(),
      );
      expect(await keysOf(DOCS, 'list/')).toEqual([...keys].sort());
      expect(await keysOf(DOCS, 'list/nothing/')).toEqual([]);
      expect(await keysOf(QUARANTINE, 'list/')).toEqual([]);
      expect(await keysOf(DOCS)).toEqual(expect.arrayContaining(keys));
      const [one] = await collect(storage.list(DOCS, 'list/b/'));
      expect(one).toMatchObject({ key: 'list/b/5', size: 'list/b/5'.length });
      expectDate(one?.lastModified);
    });

    it('remove deletes the object; get and stat then give STORAGE_OBJECT_NOT_FOUND', async () => {
      await storage.put(bufferInput(DOCS, 'remove/doc.pdf', Buffer.from('bye')));
      await storage.remove(DOCS, 'remove/doc.pdf');
      await expectStorageError(storage.get(DOCS, 'remove/doc.pdf'), 'STORAGE_OBJECT_NOT_FOUND');
      await expectStorageError(storage.stat(DOCS, 'remove/doc.pdf'), 'STORAGE_OBJECT_NOT_FOUND');
      expect(await keysOf(DOCS, 'remove/')).toEqual([]);
      await expect(storage.remove(DOCS, 'remove/doc.pdf')).resolves.toBeUndefined();
    });

    it('missing objects: get and stat give STORAGE_OBJECT_NOT_FOUND, remove succeeds', async () => {
      const error = await expectStorageError(
        storage.stat(DOCS, 'missing/none.pdf'),
        'STORAGE_OBJECT_NOT_FOUND',
      );
      expect(error.status).toBe(404);
      expect(error.messages.th).toMatch(/[ก-๙]/);
      await expectStorageError(storage.get(DOCS, 'missing/none.pdf'), 'STORAGE_OBJECT_NOT_FOUND');
      await expect(storage.remove(DOCS, 'missing/none.pdf')).resolves.toBeUndefined();
      // A key that is only a prefix of other keys is not an object either.
      await storage.put(bufferInput(DOCS, 'prefix-only/inner.pdf', Buffer.from('inner')));
      await expectStorageError(storage.get(DOCS, 'prefix-only'), 'STORAGE_OBJECT_NOT_FOUND');
      await expectStorageError(storage.stat(DOCS, 'prefix-only'), 'STORAGE_OBJECT_NOT_FOUND');
      await expect(storage.remove(DOCS, 'prefix-only')).resolves.toBeUndefined();
      expect(await keysOf(DOCS, 'prefix-only')).toEqual(['prefix-only/inner.pdf']);
    });

    it('a bucket that was never created: reads find nothing, writes and lists say so', async () => {
      await expectStorageError(storage.get(MISSING_BUCKET, 'a.pdf'), 'STORAGE_OBJECT_NOT_FOUND');
      await expectStorageError(storage.stat(MISSING_BUCKET, 'a.pdf'), 'STORAGE_OBJECT_NOT_FOUND');
      await expectStorageError(
        storage.put(bufferInput(MISSING_BUCKET, 'a.pdf', Buffer.from('a'))),
        'STORAGE_BUCKET_NOT_FOUND',
      );
      await expectStorageError(collect(storage.list(MISSING_BUCKET)), 'STORAGE_BUCKET_NOT_FOUND');
      await expect(storage.remove(MISSING_BUCKET, 'a.pdf')).resolves.toBeUndefined();
    });

    it.each([
      '../escape.pdf',
      'a/../../escape.pdf',
      '/etc/passwd',
      'a//b',
      'a/',
      './a',
      '',
      'a\\..\\b',
      'a\u0000b',
    ])('rejects the unsafe key %j with STORAGE_INVALID_KEY', async (key) => {
      await expectStorageError(storage.put(bufferInput(DOCS, key, Buffer.from('x'))), 'STORAGE_INVALID_KEY');
      await expectStorageError(storage.get(DOCS, key), 'STORAGE_INVALID_KEY');
      await expectStorageError(storage.stat(DOCS, key), 'STORAGE_INVALID_KEY');
      await expectStorageError(storage.remove(DOCS, key), 'STORAGE_INVALID_KEY');
    });

    it('rejects a list prefix that climbs out of the bucket', async () => {
      await expectStorageError(collect(storage.list(DOCS, '../')), 'STORAGE_INVALID_KEY');
      await expectStorageError(collect(storage.list(DOCS, '/abs')), 'STORAGE_INVALID_KEY');
    });

    it('rejects metadata names that are not plain header tokens or are reserved', async () => {
      const invalid: Record<string, string>[] = [
        { 'x-amz-acl': 'public-read' },
        { 'bad name': '1' },
        { sha256: 'f' },
        { A: '1', a: '2' },
      ];
      for (const metadata of invalid) {
        await expectStorageError(
          storage.put(bufferInput(DOCS, 'meta/bad', Buffer.from('x'), { metadata })),
          'STORAGE_INVALID_INPUT',
        );
      }
      await expectStorageError(storage.stat(DOCS, 'meta/bad'), 'STORAGE_OBJECT_NOT_FOUND');
    });

    it('refuses content that does not match its declared size or sha256 and stores nothing', async () => {
      const body = Buffer.from('the real content');
      const input = bufferInput(DOCS, 'mismatch/doc', body);
      await expectStorageError(storage.put({ ...input, size: body.length + 1 }), 'STORAGE_CONTENT_MISMATCH');
      await expectStorageError(
        storage.put({ ...input, sha256: sha256(Buffer.from('other')) }),
        'STORAGE_CONTENT_MISMATCH',
      );
      await expectStorageError(
        storage.put({ ...input, body: chunked(body, 4), size: body.length - 1 }),
        'STORAGE_CONTENT_MISMATCH',
      );
      await expectStorageError(
        storage.put({ ...input, body: chunked(body, 4), sha256: sha256(Buffer.from('other')) }),
        'STORAGE_CONTENT_MISMATCH',
      );
      await expectStorageError(storage.stat(DOCS, 'mismatch/doc'), 'STORAGE_OBJECT_NOT_FOUND');
    });

    it('a failed overwrite leaves the previous version intact', async () => {
      const original = Buffer.from('version one');
      await storage.put(bufferInput(DOCS, 'atomic/doc', original));
      const broken = new Readable({
        read() {
          this.push(Buffer.from('partial'));
          this.destroy(new Error('client went away'));
        },
      });
      await expect(
        storage.put({ ...bufferInput(DOCS, 'atomic/doc', Buffer.from('version two')), body: broken }),
      ).rejects.toThrow();
      expect((await readAll(await storage.get(DOCS, 'atomic/doc'))).equals(original)).toBe(true);
      expect((await storage.stat(DOCS, 'atomic/doc')).sha256).toBe(sha256(original));
    });

    it('takes concurrent puts', async () => {
      const many = Array.from({ length: 12 }, (_, i) =>
        storage.put(bufferInput(DOCS, `burst/${i % 3}/doc-${i}`, Buffer.from(`doc ${i}`))),
      );
      await Promise.all(many);
      expect((await keysOf(DOCS, 'burst/')).length).toBe(12);
    });
  });
}
