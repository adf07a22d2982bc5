import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where s3rver's filesystem store keeps an object's bytes (`<dir>/<bucket>/<key>._S3rver_object`). */
export function s3rverObjectPath(directory: string, bucket: string, key: string): string {
  const parts = key.split('/').map(encodeURIComponent);
  const name = parts.pop() ?? '';
  return join(directory, bucket, ...parts, `${name}._S3rver_object`);
}

/** Bit rot at rest: flips one byte in the middle of the stored file, size and metadata untouched. */
export async function flipStoredByte(directory: string, bucket: string, key: string): Promise<void> {
  const path = s3rverObjectPath(directory, bucket, key);
  const bytes = await readFile(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] ^= 0xff;
  await writeFile(path, bytes);
}

/** s3rver reports an object's Last-Modified from its file's mtime: make an object look old. */
export async function backdateStored(
  directory: string,
  bucket: string,
  key: string,
  when: Date,
): Promise<void> {
  await utimes(s3rverObjectPath(directory, bucket, key), when, when);
}
