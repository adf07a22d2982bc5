import { randomUUID } from 'node:crypto';
import { constants, createWriteStream, type Dirent } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import {
  access,
  lstat,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentVerifier, verifyBuffer } from './content-verifier';
import { isMissing, toLocalStorageError } from './local-folder-errors';
import type { ListedObject, PutObjectInput, StoredObjectInfo } from './object-storage';
import { ObjectStorage } from './object-storage';
import { StorageErrors, errorCodeOf } from './storage-errors';
import { assertBucketName, assertObjectKey, assertPrefix, preparePut } from './storage-input';

/** Neither name is a valid bucket name, so they can never clash with a bucket folder. */
const META_DIR = '.meta';
const TMP_DIR = '.tmp';
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;
const PLACE_ATTEMPTS = 3;
const CONFLICT_CODES = new Set(['EISDIR', 'ENOTDIR', 'EEXIST']);

/** What S3 would keep in the object's headers; `size` lets stat() spot a sidecar left over from a crash. */
interface Sidecar {
  size: number;
  sha256: string;
  contentType: string;
  metadata: Record<string, string>;
}

/**
 * The embedded store used when no S3 endpoint is configured. Layout under `root`:
 * `<bucket>/<key>` holds the bytes, `.meta/<bucket>/<key>` its JSON sidecar, `.tmp/` writes in
 * progress. A write lands by rename, so readers never see a partial file. One limit S3 does not
 * have: a key cannot be both an object and a folder ("a" and "a/b"); that put fails with
 * STORAGE_KEY_CONFLICT. Two puts racing on one key: the last rename wins, and stat() drops a
 * sidecar whose size disagrees with the bytes.
 */
export class LocalFolderObjectStorage extends ObjectStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async ensureBuckets(buckets: string[]): Promise<void> {
    buckets.forEach(assertBucketName);
    try {
      await mkdir(join(this.root, TMP_DIR), { recursive: true });
      for (const bucket of buckets) {
        await mkdir(join(this.root, bucket), { recursive: true });
        await mkdir(join(this.root, META_DIR, bucket), { recursive: true });
      }
    } catch (error) {
      throw toLocalStorageError(error, 'admin', { bucket: buckets.join(',') });
    }
    await this.removeStaleTemps();
  }

  async put(input: PutObjectInput): Promise<void> {
    try {
      await this.write(input);
    } catch (error) {
      // Like the S3 adapter, a failed put releases the caller's stream.
      if (input.body instanceof Readable) input.body.destroy();
      throw toLocalStorageError(error, 'write', { bucket: input.bucket, key: input.key });
    }
  }

  async get(bucket: string, key: string): Promise<Readable> {
    const path = this.dataPath(bucket, key);
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
      if (!(await handle.stat()).isFile()) throw StorageErrors.STORAGE_OBJECT_NOT_FOUND({ bucket, key });
      return handle.createReadStream();
    } catch (error) {
      await handle?.close().catch(() => undefined);
      throw toLocalStorageError(error, 'read', { bucket, key });
    }
  }

  async stat(bucket: string, key: string): Promise<StoredObjectInfo> {
    const path = this.dataPath(bucket, key);
    try {
      const info = await lstat(path);
      if (!info.isFile()) throw StorageErrors.STORAGE_OBJECT_NOT_FOUND({ bucket, key });
      const sidecar = await this.readSidecar(bucket, key);
      const current = sidecar?.size === info.size ? sidecar : null;
      return {
        size: info.size,
        sha256: current?.sha256 ?? null,
        contentType: current?.contentType ?? null,
        metadata: current?.metadata ?? {},
        lastModified: info.mtime,
      };
    } catch (error) {
      throw toLocalStorageError(error, 'read', { bucket, key });
    }
  }

  async remove(bucket: string, key: string): Promise<void> {
    const path = this.dataPath(bucket, key);
    const metaPath = this.metaPath(bucket, key);
    try {
      await unlinkIfFile(path);
      await unlinkIfFile(metaPath);
      // Empty folders would otherwise pile up and block a later object named like the folder.
      await pruneEmptyFolders(dirname(path), join(this.root, bucket));
      await pruneEmptyFolders(dirname(metaPath), join(this.root, META_DIR, bucket));
    } catch (error) {
      throw toLocalStorageError(error, 'admin', { bucket, key });
    }
  }

  /** Keys in S3 order (UTF-8 bytes). Collects the listing first: fine for one prefix of one bucket. */
  async *list(bucket: string, prefix = ''): AsyncIterable<ListedObject> {
    assertBucketName(bucket);
    assertPrefix(prefix);
    await this.assertBucketExists(bucket);
    const folderKey = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const found: ListedObject[] = [];
    try {
      await walk(join(this.root, bucket, ...folderKey.split('/').filter(Boolean)), folderKey, prefix, found);
    } catch (error) {
      throw toLocalStorageError(error, 'admin', { bucket });
    }
    const sorted = found
      .map((object) => ({ object, bytes: Buffer.from(object.key, 'utf8') }))
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    for (const { object } of sorted) yield object;
  }

  async ping(): Promise<void> {
    try {
      await access(this.root, constants.R_OK | constants.W_OK);
      if (!(await stat(this.root)).isDirectory()) throw new Error('not a folder');
    } catch (error) {
      const reason = errorCodeOf(error) ?? (error instanceof Error ? error.message : String(error));
      throw StorageErrors.STORAGE_UNAVAILABLE({ reason });
    }
  }

  private async write(input: PutObjectInput): Promise<void> {
    const p = preparePut(input);
    if (Buffer.isBuffer(input.body)) verifyBuffer(input.body, p.size, p.sha256);
    const path = this.dataPath(p.bucket, p.key);
    const metaPath = this.metaPath(p.bucket, p.key);
    await this.assertBucketExists(p.bucket);
    await mkdir(join(this.root, TMP_DIR), { recursive: true });
    const temp = join(this.root, TMP_DIR, randomUUID());
    const tempMeta = `${temp}.json`;
    const sidecar: Sidecar = {
      size: p.size,
      sha256: p.sha256,
      contentType: p.contentType,
      metadata: p.metadata,
    };
    try {
      // `flush` syncs each temp file to disk before a rename can expose it.
      if (Buffer.isBuffer(input.body)) {
        await writeFile(temp, input.body, { flag: 'wx', flush: true });
      } else {
        const file = createWriteStream(temp, { flags: 'wx', flush: true });
        await pipeline(input.body, new ContentVerifier(p.size, p.sha256), file);
      }
      await writeFile(tempMeta, JSON.stringify(sidecar), { flag: 'wx', flush: true });
      // The data file is the commit point, so the sidecar goes first.
      await place(tempMeta, metaPath);
      try {
        await place(temp, path);
      } catch (error) {
        // A folder is in the way: no object has this key, so the sidecar just placed is an orphan.
        if (CONFLICT_CODES.has(errorCodeOf(error) ?? '')) {
          await rm(metaPath, { force: true }).catch(() => undefined);
        }
        throw error;
      }
    } finally {
      await Promise.all([rm(temp, { force: true }), rm(tempMeta, { force: true })]);
    }
  }

  private async readSidecar(bucket: string, key: string): Promise<Sidecar | null> {
    try {
      return parseSidecar(await readFile(this.metaPath(bucket, key), 'utf8'));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private async assertBucketExists(bucket: string): Promise<void> {
    try {
      if ((await stat(join(this.root, bucket))).isDirectory()) return;
    } catch (error) {
      if (!isMissing(error)) throw toLocalStorageError(error, 'admin', { bucket });
    }
    throw StorageErrors.STORAGE_BUCKET_NOT_FOUND({ bucket });
  }

  /** Leftovers of a crash mid-write; a day old is far past any write still running. */
  private async removeStaleTemps(): Promise<void> {
    const folder = join(this.root, TMP_DIR);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS)
        await rm(path, { force: true }).catch(() => undefined);
    }
  }

  private dataPath(bucket: string, key: string): string {
    return this.pathIn(join(this.root, bucket), bucket, key);
  }

  /** The sidecar tree mirrors the data tree exactly, so both trees hold the same set of keys. */
  private metaPath(bucket: string, key: string): string {
    return this.pathIn(join(this.root, META_DIR, bucket), bucket, key);
  }

  private pathIn(base: string, bucket: string, key: string): string {
    assertBucketName(bucket);
    assertObjectKey(key);
    const path = join(base, ...key.split('/'));
    // The key rules already forbid escaping; this guards against a gap in them.
    if (!path.startsWith(base + sep))
      throw StorageErrors.STORAGE_INVALID_KEY({ reason: 'outside the bucket', key });
    return path;
  }
}

async function place(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(dirname(to), { recursive: true });
    try {
      await rename(from, to);
      return;
    } catch (error) {
      // A concurrent remove() can prune the fresh, still empty folder between mkdir and rename.
      if (errorCodeOf(error) !== 'ENOENT' || attempt >= PLACE_ATTEMPTS) throw error;
    }
  }
}

async function unlinkIfFile(path: string): Promise<void> {
  try {
    await unlink(path); // a folder gives EISDIR: it is a prefix of other keys, not this object
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

async function pruneEmptyFolders(from: string, stopAt: string): Promise<void> {
  for (let folder = from; folder.startsWith(stopAt + sep); folder = dirname(folder)) {
    try {
      await rmdir(folder);
    } catch {
      return; // not empty, or already gone
    }
  }
}

async function walk(folder: string, folderKey: string, prefix: string, found: ListedObject[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const entry of entries) {
    const key = folderKey + entry.name;
    if (entry.isDirectory()) {
      if (`${key}/`.startsWith(prefix)) await walk(join(folder, entry.name), `${key}/`, prefix, found);
    } else if (entry.isFile() && key.startsWith(prefix)) {
      const info = await stat(join(folder, entry.name)).catch(() => null); // removed meanwhile
      if (info) found.push({ key, size: info.size, lastModified: info.mtime });
    }
  }
}

function parseSidecar(text: string): Sidecar | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // a damaged sidecar must not make the object unreadable
  }
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<Record<keyof Sidecar, unknown>>;
  if (typeof s.size !== 'number' || typeof s.sha256 !== 'string' || typeof s.contentType !== 'string')
    return null;
  if (typeof s.metadata !== 'object' || s.metadata === null) return null;
  const metadata: Record<string, string> = {};
  for (const [name, v] of Object.entries(s.metadata)) if (typeof v === 'string') metadata[name] = v;
  return { size: s.size, sha256: s.sha256, contentType: s.contentType, metadata };
}
