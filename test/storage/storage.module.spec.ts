import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { LocalFolderObjectStorage } from '../../src/storage/local-folder-object-storage';
import { MinioObjectStorage } from '../../src/storage/minio-object-storage';
import { ObjectStorage } from '../../src/storage/object-storage';
import { StorageHealth } from '../../src/storage/storage.health';
import { StorageModule } from '../../src/storage/storage.module';
import { startS3rver, type RunningS3rver } from '../support/s3rver';
import { collect } from './object-storage.contract';

/** Stands in for the global ConfigModule with a config built from an explicit environment. */
@Module({})
class TestConfigModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: TestConfigModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

const BUCKETS = { S3_BUCKET_QUARANTINE: 'module-quarantine', S3_BUCKET_DOCUMENTS: 'module-documents' };

async function boot(env: Record<string, string>): Promise<TestingModule> {
  const config = loadConfig({ NODE_ENV: 'test', ...BUCKETS, ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [TestConfigModule.with(config), StorageModule],
  }).compile();
  await moduleRef.init(); // runs onApplicationBootstrap, which ensures the buckets
  return moduleRef;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('StorageModule', () => {
  it('uses the local folder when no S3 endpoint is set, with buckets made at boot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dla-storage-module-'));
    const moduleRef = await boot({ STORAGE_DIR: dir });
    try {
      const storage = moduleRef.get(ObjectStorage);
      expect(storage).toBeInstanceOf(LocalFolderObjectStorage);
      await expect(collect(storage.list('module-quarantine'))).resolves.toEqual([]);
      await expect(collect(storage.list('module-documents'))).resolves.toEqual([]);
      await expect(moduleRef.get(StorageHealth).check()).resolves.toEqual({ ok: true });
    } finally {
      await moduleRef.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('with an S3 endpoint', () => {
    let s3: RunningS3rver;
    beforeEach(async () => {
      s3 = await startS3rver();
    });
    afterEach(async () => {
      await s3.stop();
    });

    it('uses MinIO, creates the buckets at boot and reports health', async () => {
      const moduleRef = await boot(s3.env);
      try {
        const storage = moduleRef.get(ObjectStorage);
        expect(storage).toBeInstanceOf(MinioObjectStorage);
        await expect(collect(storage.list('module-quarantine'))).resolves.toEqual([]);
        await expect(collect(storage.list('module-documents'))).resolves.toEqual([]);
        const health = moduleRef.get(StorageHealth);
        await expect(health.check()).resolves.toEqual({ ok: true });
        await s3.stop();
        const down = await health.check();
        expect(down.ok).toBe(false);
        expect(down.error).toMatch(/^STORAGE_UNAVAILABLE \(E[A-Z]+\)$/);
      } finally {
        await moduleRef.close();
      }
    });
  });

  it('fails the boot when the S3 endpoint does not answer', async () => {
    const port = await closedPort();
    await expect(
      boot({ S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_ACCESS_KEY: 'x', S3_SECRET_KEY: 'y' }),
    ).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});
