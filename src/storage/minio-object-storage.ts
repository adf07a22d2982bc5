import { Readable, pipeline } from 'node:stream';
import { Client } from 'minio';
import type { StorageConfig } from '../config/app-config';
import { ContentVerifier, verifyBuffer } from './content-verifier';
import { isBucketAlreadyThere, isNotFound, toStorageError, unavailable } from './minio-errors';
import type { ListedObject, PutObjectInput, StoredObjectInfo } from './object-storage';
import { ObjectStorage } from './object-storage';
import { StorageErrors } from './storage-errors';
import {
  assertBucketName,
  assertObjectKey,
  assertPrefix,
  decodeMetadataValue,
  encodeMetadataValue,
  preparePut,
} from './storage-input';
import { withTimeout } from './with-timeout';

export interface MinioStorageOptions {
  /** `http(s)://host[:port]`, no path. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** The bucket `ping()` probes: a HEAD on our own bucket is cheap and needs no list permission. */
  pingBucket: string;
  pingTimeoutMs?: number;
}

const DEFAULT_PING_TIMEOUT_MS = 1500;
/** Response headers statObject reports that are not user metadata. */
const SYSTEM_METADATA = new Set([
  'sha256',
  'content-type',
  'cache-control',
  'content-encoding',
  'content-disposition',
  'content-language',
]);

/** Object storage on MinIO or any S3-compatible server, through the `minio` client. */
export class MinioObjectStorage extends ObjectStorage {
  private readonly client: Client;
  private readonly pingTimeoutMs: number;

  constructor(private readonly options: MinioStorageOptions) {
    super();
    this.client = new Client({
      ...parseEndpoint(options.endpoint),
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      // Path style works with every S3 server and with IP hosts (s3rver, MinIO behind a service IP).
      pathStyle: true,
    });
    this.pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  }

  static fromConfig(config: StorageConfig): MinioObjectStorage {
    return new MinioObjectStorage({
      endpoint: config.s3Endpoint,
      accessKey: config.s3AccessKey,
      secretKey: config.s3SecretKey,
      region: config.s3Region,
      pingBucket: config.bucketQuarantine,
    });
  }

  async ensureBuckets(buckets: string[]): Promise<void> {
    for (const bucket of buckets) {
      assertBucketName(bucket);
      try {
        if (await this.client.bucketExists(bucket)) continue;
        await this.client.makeBucket(bucket, this.options.region);
      } catch (error) {
        // Another instance booting at the same moment created it first.
        if (isBucketAlreadyThere(error)) continue;
        throw toStorageError(error, 'admin', { bucket });
      }
    }
  }

  async put(input: PutObjectInput): Promise<void> {
    try {
      await this.upload(input);
    } catch (error) {
      // Whatever failed, the caller's stream is released (pipeline() also destroys it mid-upload).
      if (input.body instanceof Readable) input.body.destroy();
      throw toStorageError(error, 'write', { bucket: input.bucket, key: input.key });
    }
  }

  async get(bucket: string, key: string): Promise<Readable> {
    assertBucketName(bucket);
    assertObjectKey(key);
    try {
      return await this.client.getObject(bucket, key);
    } catch (error) {
      throw toStorageError(error, 'read', { bucket, key });
    }
  }

  async stat(bucket: string, key: string): Promise<StoredObjectInfo> {
    assertBucketName(bucket);
    assertObjectKey(key);
    try {
      const stat = await this.client.statObject(bucket, key);
      const headers = stat.metaData as Record<string, unknown>;
      return {
        size: stat.size,
        sha256: stringOrNull(headers.sha256),
        contentType: stringOrNull(headers['content-type']),
        metadata: userMetadata(headers),
        lastModified: Number.isNaN(stat.lastModified.getTime()) ? null : stat.lastModified,
      };
    } catch (error) {
      throw toStorageError(error, 'read', { bucket, key });
    }
  }

  async remove(bucket: string, key: string): Promise<void> {
    assertBucketName(bucket);
    assertObjectKey(key);
    try {
      await this.client.removeObject(bucket, key);
    } catch (error) {
      if (isNotFound(error)) return; // idempotent: the object is gone either way
      throw toStorageError(error, 'write', { bucket, key });
    }
  }

  async *list(bucket: string, prefix = ''): AsyncIterable<ListedObject> {
    assertBucketName(bucket);
    assertPrefix(prefix);
    const stream = this.client.listObjectsV2(bucket, prefix, true);
    try {
      for await (const item of stream as AsyncIterable<unknown>) {
        if (isListedObject(item)) {
          yield { key: item.name, size: item.size, lastModified: item.lastModified ?? null };
        }
      }
    } catch (error) {
      throw toStorageError(error, 'list', { bucket });
    }
  }

  async ping(): Promise<void> {
    const timeoutError = () =>
      StorageErrors.STORAGE_UNAVAILABLE({ reason: `no answer in ${this.pingTimeoutMs} ms` });
    try {
      await withTimeout(this.client.bucketExists(this.options.pingBucket), this.pingTimeoutMs, timeoutError);
    } catch (error) {
      throw unavailable(error);
    }
  }

  private async upload(input: PutObjectInput): Promise<void> {
    const p = preparePut(input);
    let body: Buffer | Readable;
    if (Buffer.isBuffer(input.body)) {
      verifyBuffer(input.body, p.size, p.sha256);
      body = input.body;
    } else {
      // The client buffers objects up to its part size, so a mismatch fails before anything is sent.
      body = pipeline(input.body, new ContentVerifier(p.size, p.sha256), () => undefined);
    }
    const metaData: Record<string, string> = { 'content-type': p.contentType, sha256: p.sha256 };
    for (const [name, value] of Object.entries(p.metadata)) metaData[name] = encodeMetadataValue(value);
    await this.client.putObject(p.bucket, p.key, body, p.size, metaData);
  }
}

/** Splits `http(s)://host[:port]` into the client's options; refuses a path the client would ignore. */
export function parseEndpoint(endpoint: string): { endPoint: string; port: number; useSSL: boolean } {
  const url = new URL(endpoint);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`S3 endpoint must use http or https (got "${url.protocol}")`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username || url.password) {
    throw new Error('S3 endpoint must be scheme://host[:port] without a path, query or credentials');
  }
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
  };
}

interface ListedItem {
  name: string;
  size: number;
  lastModified?: Date;
}

function isListedObject(item: unknown): item is ListedItem {
  if (typeof item !== 'object' || item === null) return false;
  const candidate = item as Partial<Record<keyof ListedItem, unknown>>;
  return typeof candidate.name === 'string' && typeof candidate.size === 'number';
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** statObject returns x-amz-meta-* with the prefix stripped, next to a few real headers. */
function userMetadata(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (typeof value !== 'string' || SYSTEM_METADATA.has(lower) || lower.startsWith('x-amz-')) continue;
    out[lower] = decodeMetadataValue(value);
  }
  return out;
}
