import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFolderObjectStorage } from '../../src/storage/local-folder-object-storage';
import {
  bufferInput,
  describeObjectStorageContract,
  expectStorageError,
  readAll,
  sha256,
} from './object-storage.contract';

describeObjectStorageContract('local folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dla-storage-contract-'));
  return {
    storage: new LocalFolderObjectStorage(dir),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('LocalFolderObjectStorage specifics', () => {
  const BUCKET = 'local-docs';
  let parent: string;
  let root: string;
  let storage: LocalFolderObjectStorage;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'dla-storage-local-'));
    root = join(parent, 'store');
    storage = new LocalFolderObjectStorage(root);
    await storage.ensureBuckets([BUCKET]);
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('keeps bytes at <dir>/<bucket>/<key> with a JSON sidecar, and no temp files behind', async () => {
    const body = Buffer.from('%PDF คำสั่ง');
    const key = '6360507/orders/คำสั่ง ที่ 1.pdf';
    await storage.put(
      bufferInput(BUCKET, key, body, { contentType: 'application/pdf', metadata: { lao: '6360507' } }),
    );
    expect((await readFile(join(root, BUCKET, ...key.split('/')))).equals(body)).toBe(true);
    const sidecar: unknown = JSON.parse(
      await readFile(join(root, '.meta', BUCKET, ...key.split('/')), 'utf8'),
    );
    expect(sidecar).toEqual({
      size: body.length,
      sha256: sha256(body),
      contentType: 'application/pdf',
      metadata: { lao: '6360507' },
    });
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });

  it('never writes outside the bucket for a traversal key', async () => {
    await expectStorageError(
      storage.put(bufferInput(BUCKET, '../../escaped.pdf', Buffer.from('x'))),
      'STORAGE_INVALID_KEY',
    );
    await expectStorageError(
      storage.put(bufferInput(BUCKET, '../.meta/x', Buffer.from('x'))),
      'STORAGE_INVALID_KEY',
    );
    expect(existsSync(join(parent, 'escaped.pdf'))).toBe(false);
    expect(await readdir(root)).toEqual(expect.arrayContaining(['.meta', '.tmp', BUCKET]));
    expect((await readdir(root)).length).toBe(3);
  });

  it('refuses a key that is both an object and a folder, keeping the existing object', async () => {
    await storage.put(bufferInput(BUCKET, 'a', Buffer.from('object a')));
    await expectStorageError(
      storage.put(bufferInput(BUCKET, 'a/b', Buffer.from('under a'))),
      'STORAGE_KEY_CONFLICT',
    );
    await storage.put(bufferInput(BUCKET, 'c/d', Buffer.from('under c')));
    const conflict = await expectStorageError(
      storage.put(bufferInput(BUCKET, 'c', Buffer.from('c'))),
      'STORAGE_KEY_CONFLICT',
    );
    expect(conflict.status).toBe(409);
    expect((await readAll(await storage.get(BUCKET, 'a'))).toString()).toBe('object a');
    expect((await storage.stat(BUCKET, 'c/d')).sha256).toBe(sha256(Buffer.from('under c')));
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });

  it('prunes folders emptied by remove, so the name can become an object', async () => {
    await storage.put(bufferInput(BUCKET, 'deep/er/doc.pdf', Buffer.from('x')));
    await storage.remove(BUCKET, 'deep/er/doc.pdf');
    expect(await readdir(join(root, BUCKET))).toEqual([]);
    expect(await readdir(join(root, '.meta', BUCKET))).toEqual([]);
    await storage.put(bufferInput(BUCKET, 'deep', Buffer.from('now a file')));
    expect((await storage.stat(BUCKET, 'deep')).size).toBe(10);
  });

  it('ignores a sidecar that does not describe the bytes on disk', async () => {
    await storage.put(bufferInput(BUCKET, 'doc', Buffer.from('original')));
    await writeFile(join(root, BUCKET, 'doc'), 'replaced behind our back');
    expect(await storage.stat(BUCKET, 'doc')).toMatchObject({ size: 24, sha256: null, contentType: null });
    await writeFile(join(root, '.meta', BUCKET, 'doc'), '{not json');
    expect((await storage.stat(BUCKET, 'doc')).sha256).toBeNull();
  });

  // s3rver itself answers 500 to this race (its own folder pruning), so it is not in the shared contract.
  it('survives a put and a remove racing in one folder (remove prunes, put recreates)', async () => {
    const body = (i: number) => Buffer.from(`doc ${i}`);
    await storage.put(bufferInput(BUCKET, 'race/x/0', body(0)));
    for (let i = 1; i <= 30; i++) {
      await Promise.all([
        storage.put(bufferInput(BUCKET, `race/x/${i}`, body(i))),
        storage.remove(BUCKET, `race/x/${i - 1}`),
      ]);
    }
    const keys: string[] = [];
    for await (const object of storage.list(BUCKET, 'race/')) keys.push(object.key);
    expect(keys).toEqual(['race/x/30']);
  });

  it('ensureBuckets clears day-old temp files left by a crash, but not fresh ones', async () => {
    const { utimes } = await import('node:fs/promises');
    await writeFile(join(root, '.tmp', 'old'), 'x');
    await writeFile(join(root, '.tmp', 'fresh'), 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(join(root, '.tmp', 'old'), twoDaysAgo, twoDaysAgo);
    await storage.ensureBuckets([BUCKET]);
    expect(await readdir(join(root, '.tmp'))).toEqual(['fresh']);
  });

  it('ping rejects with STORAGE_UNAVAILABLE when the folder is gone', async () => {
    await expect(storage.ping()).resolves.toBeUndefined();
    await rm(root, { recursive: true, force: true });
    const error = await expectStorageError(storage.ping(), 'STORAGE_UNAVAILABLE');
    expect(error.status).toBe(503);
    expect(error.details).toEqual({ reason: 'ENOENT' });
  });
});
