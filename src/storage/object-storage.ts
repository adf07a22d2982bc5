import type { Readable } from 'node:stream';

export interface StoredObjectInfo {
  size: number;
  /** Hex sha256 recorded in the object's metadata when it was put. */
  sha256: string | null;
  contentType: string | null;
  metadata: Record<string, string>;
  lastModified: Date | null;
}

export interface PutObjectInput {
  bucket: string;
  key: string;
  /** Spooled content: a buffer, or a stream whose size is known in advance. */
  body: Buffer | Readable;
  size: number;
  sha256: string;
  contentType?: string;
  metadata?: Record<string, string>;
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date | null;
}

/**
 * The object-storage port. Two adapters: MinIO/S3 (the `minio` client) and an embedded local
 * folder used when no S3 endpoint is configured. The abstract class doubles as the DI token.
 * Both raise only `StorageErrors` (storage-errors.ts) for expected failures, and `put` checks the
 * body against `size` and `sha256` before the object becomes visible (STORAGE_CONTENT_MISMATCH).
 */
export abstract class ObjectStorage {
  /** Creates the buckets when missing; called once at boot. */
  abstract ensureBuckets(buckets: string[]): Promise<void>;
  abstract put(input: PutObjectInput): Promise<void>;
  /** Throws StorageErrors.STORAGE_OBJECT_NOT_FOUND when there is no such object. */
  abstract get(bucket: string, key: string): Promise<Readable>;
  abstract stat(bucket: string, key: string): Promise<StoredObjectInfo>;
  /** Idempotent: removing a missing object succeeds. */
  abstract remove(bucket: string, key: string): Promise<void>;
  abstract list(bucket: string, prefix?: string): AsyncIterable<ListedObject>;
  /** Resolves when the store answers; used by /health/ready. */
  abstract ping(): Promise<void>;
}
