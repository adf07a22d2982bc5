import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An s3rver that can be stopped and started again on the same port over the same folder, so objects survive
 * an "outage" (test/support/s3rver.ts deletes its folder on stop). `directory` holds the raw objects, which a
 * test may overwrite to simulate corruption at rest.
 */
export interface RestartableS3rver {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  directory: string;
  /** The S3 settings the API and the worker read (loadConfig). */
  env: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its folder. */
  dispose(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

export async function startRestartableS3rver(): Promise<RestartableS3rver> {
  const S3rver = createRequire(__filename)('@20minutes/s3rver') as S3rverConstructor;
  const directory = await mkdtemp(join(tmpdir(), 's3rver-pipeline-'));
  let port = 0;
  let server: S3rverInstance | null = null;
  const start = async (): Promise<void> => {
    if (server) return;
    const next = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
      vhostBuckets: false,
      resetOnClose: false,
      configureBuckets: [],
    });
    port = (await next.run()).port;
    server = next;
  };
  const stop = async (): Promise<void> => {
    const running = server;
    server = null;
    if (!running) return;
    const closed = running.close();
    // close() waits for every open connection; the clients' keep-alive sockets would hold it open.
    running.httpServer?.closeAllConnections();
    await closed;
  };
  await start();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    directory,
    env: { S3_ENDPOINT: endpoint, S3_ACCESS_KEY: 'S3RVER', S3_SECRET_KEY: 'S3RVER', S3_REGION: 'us-east-1' },
    start,
    stop,
    dispose: async () => {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
