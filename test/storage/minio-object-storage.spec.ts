import { createServer, type Server, type Socket } from 'node:net';
import { Client } from 'minio';
import { MinioObjectStorage, parseEndpoint } from '../../src/storage/minio-object-storage';
import { startS3rver, type RunningS3rver } from '../support/s3rver';
import {
  CONTRACT_BUCKETS,
  bufferInput,
  describeObjectStorageContract,
  expectStorageError,
  sha256,
} from './object-storage.contract';

function adapterFor(s3: RunningS3rver, overrides: { secretKey?: string; pingTimeoutMs?: number } = {}) {
  return new MinioObjectStorage({
    endpoint: s3.endpoint,
    accessKey: s3.accessKey,
    secretKey: overrides.secretKey ?? s3.secretKey,
    region: s3.region,
    pingBucket: CONTRACT_BUCKETS[1],
    pingTimeoutMs: overrides.pingTimeoutMs,
  });
}

function rawClient(s3: RunningS3rver): Client {
  const { endPoint, port, useSSL } = parseEndpoint(s3.endpoint);
  return new Client({
    endPoint,
    port,
    useSSL,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    region: s3.region,
    pathStyle: true,
  });
}

describeObjectStorageContract('MinIO adapter on s3rver', async () => {
  const s3 = await startS3rver();
  return { storage: adapterFor(s3), dispose: () => s3.stop() };
});

describe('MinioObjectStorage specifics', () => {
  let s3: RunningS3rver;
  beforeEach(async () => {
    s3 = await startS3rver();
  });
  afterEach(async () => {
    await s3.stop();
  });

  it('ensureBuckets creates the buckets on the server (none exist before)', async () => {
    const client = rawClient(s3);
    expect(await client.bucketExists(CONTRACT_BUCKETS[0])).toBe(false);
    await adapterFor(s3).ensureBuckets([...CONTRACT_BUCKETS]);
    for (const bucket of CONTRACT_BUCKETS) expect(await client.bucketExists(bucket)).toBe(true);
  });

  it('stores sha256 as x-amz-meta-sha256, the content type, and percent-encoded Thai metadata', async () => {
    const storage = adapterFor(s3);
    await storage.ensureBuckets([...CONTRACT_BUCKETS]);
    const body = Buffer.from('%PDF');
    await storage.put(
      bufferInput(CONTRACT_BUCKETS[0], 'a/คำสั่ง.pdf', body, {
        contentType: 'application/pdf',
        metadata: { 'original-name': 'คำสั่ง.pdf' },
      }),
    );
    const stat = await rawClient(s3).statObject(CONTRACT_BUCKETS[0], 'a/คำสั่ง.pdf');
    expect(stat.metaData).toMatchObject({
      sha256: sha256(body),
      'content-type': 'application/pdf',
      'original-name': encodeURIComponent('คำสั่ง.pdf'),
    });
  });

  it('once the server stops, ping and every call reject with STORAGE_UNAVAILABLE', async () => {
    const storage = adapterFor(s3);
    await storage.ensureBuckets([...CONTRACT_BUCKETS]);
    await expect(storage.ping()).resolves.toBeUndefined();
    await s3.stop();
    const error = await expectStorageError(storage.ping(), 'STORAGE_UNAVAILABLE');
    expect(error.status).toBe(503);
    expect(error.details.reason).toMatch(/^E[A-Z]+/);
    await expectStorageError(storage.get(CONTRACT_BUCKETS[0], 'x'), 'STORAGE_UNAVAILABLE');
    await expectStorageError(storage.stat(CONTRACT_BUCKETS[0], 'x'), 'STORAGE_UNAVAILABLE');
    await expectStorageError(storage.remove(CONTRACT_BUCKETS[0], 'x'), 'STORAGE_UNAVAILABLE');
    await expectStorageError(
      storage.put(bufferInput(CONTRACT_BUCKETS[0], 'x', Buffer.from('x'))),
      'STORAGE_UNAVAILABLE',
    );
    await expectStorageError(storage.ensureBuckets(['another-bucket']), 'STORAGE_UNAVAILABLE');
  });

  it('wrong credentials make the store unavailable rather than "not found"', async () => {
    const storage = adapterFor(s3, { secretKey: 'not-the-secret' });
    await expectStorageError(storage.ping(), 'STORAGE_UNAVAILABLE');
    await expectStorageError(storage.ensureBuckets([...CONTRACT_BUCKETS]), 'STORAGE_UNAVAILABLE');
  });
});

describe('MinioObjectStorage.ping against a server that never answers', () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket); // accept and stay silent
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    endpoint = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('rejects with STORAGE_UNAVAILABLE after its timeout', async () => {
    const storage = new MinioObjectStorage({
      endpoint,
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
      region: 'us-east-1',
      pingBucket: 'dla-quarantine',
      pingTimeoutMs: 300,
    });
    const started = Date.now();
    const error = await expectStorageError(storage.ping(), 'STORAGE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.details.reason).toBe('no answer in 300 ms');
  });
});

describe('parseEndpoint', () => {
  it.each([
    ['http://127.0.0.1:9000', { endPoint: '127.0.0.1', port: 9000, useSSL: false }],
    ['http://minio', { endPoint: 'minio', port: 80, useSSL: false }],
    ['https://s3.example.go.th/', { endPoint: 's3.example.go.th', port: 443, useSSL: true }],
    ['http://[::1]:9000', { endPoint: '::1', port: 9000, useSSL: false }],
  ])('%s', (endpoint, expected) => {
    expect(parseEndpoint(endpoint)).toEqual(expected);
  });

  it.each(['http://minio:9000/bucket', 'ftp://minio', 'http://key:secret@minio'])(
    'refuses %s',
    (endpoint) => {
      expect(() => parseEndpoint(endpoint)).toThrow();
    },
  );
});
