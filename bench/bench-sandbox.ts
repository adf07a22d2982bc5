import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { deleteQueueKeys } from './redis-cleanup';

/** What one benchmark run has to itself: a fresh database, a queue prefix and a storage folder. */
export interface BenchSandbox {
  dbName: string;
  dbUrl: string;
  queuePrefix: string;
  storageDir: string;
  /** A connection to the server's maintenance database (CPU figures of the run's own backends). */
  admin: Client;
  /** Drops the database (unless `--keep`), the folder and the run's Redis keys. */
  dispose(): Promise<void>;
}

export async function openBenchSandbox(storagePrefix: string): Promise<BenchSandbox> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `dla_bench_${randomBytes(4).toString('hex')}`;
  const queuePrefix = `bench-${randomBytes(3).toString('hex')}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const storageDir = await mkdtemp(join(tmpdir(), storagePrefix));
  return {
    dbName,
    dbUrl: dbUrl.toString(),
    queuePrefix,
    storageDir,
    admin,
    async dispose() {
      if (!process.argv.includes('--keep'))
        await admin.query(`drop database if exists "${dbName}" with (force)`);
      else console.log(`kept database ${dbName}`);
      await admin.end();
      await rm(storageDir, { recursive: true, force: true });
      await deleteQueueKeys(queuePrefix).catch(() => undefined);
    },
  };
}
