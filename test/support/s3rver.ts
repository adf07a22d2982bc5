import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`: an IP host, as the minio client needs with s3rver. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** The configuration that points the API or a worker at this server (MinIO adapter). */
  env: { S3_ENDPOINT: string; S3_ACCESS_KEY: string; S3_SECRET_KEY: string; S3_REGION: string };
  /** Where s3rver keeps the buckets; removed by stop(). */
  directory: string;
  /** Closes the server (dropping kept-alive sockets) and deletes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** The part of @20minutes/s3rver (untyped) that the tests use. */
interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  vhostBuckets: boolean;
  resetOnClose: boolean;
  configureBuckets: [];
}
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: S3rverOptions) => S3rverInstance;

// s3rver's fixed credentials: it checks request signatures against these.
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

/**
 * Starts a private s3rver on a random loopback port with its own temp folder and no buckets.
 * `port` restarts one on a known port (to show a client recovering after an outage).
 */
export async function startS3rver(options: { port?: number } = {}): Promise<RunningS3rver> {
  const S3rver = createRequire(__filename)('@20minutes/s3rver') as S3rverConstructor;
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    vhostBuckets: false,
    resetOnClose: false,
    configureBuckets: [],
  });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    const closed = server.close();
    // close() waits for every open connection; the clients' keep-alive sockets would hold it open.
    server.httpServer?.closeAllConnections();
    await closed;
    await rm(directory, { recursive: true, force: true });
  };
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    region: 'us-east-1',
    env: {
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY: ACCESS_KEY,
      S3_SECRET_KEY: SECRET_KEY,
      S3_REGION: 'us-east-1',
    },
    directory,
    stop: () => (stopping ??= stop()),
  };
}
