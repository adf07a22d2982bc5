import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { configureApp } from '../../src/http/configure-app';
import { MailSecretBox } from '../../src/notifications/mail-secret';
import { registerMailSecretBox } from './mail-secrets';
import { deleteKeysWithPrefix } from './redis-keys';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_REDIS_URL } from './test-env';

export interface TestAppOptions {
  /** Extra environment for loadConfig (e.g. S3_ENDPOINT of an s3rver, SMTP_URL of a sink). */
  env?: Record<string, string>;
  /** Reuse a database (e.g. shared with a worker); a fresh one is created otherwise. */
  database?: TestDatabase;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  config: AppConfig;
  database: TestDatabase;
  env: Record<string, string>;
  close(): Promise<void>;
}

export const BOOTSTRAP = { username: 'dla.admin', password: 'Bootstrap-Admin-2569' } as const;

/** The environment a test's API and worker share: own database, queue prefix and storage folder. */
export async function testEnv(
  database: TestDatabase,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const storageDir = await mkdtemp(join(tmpdir(), 'dla-storage-'));
  return {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    STORAGE_DIR: storageDir,
    SMTP_URL: 'smtp://127.0.0.1:1',
    PUBLIC_BASE_URL: 'http://localhost:3000',
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_USERNAME: BOOTSTRAP.username,
    BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP.password,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '50',
    ...extra,
  };
}

/** The real AppModule on a random loopback port, over a fresh database of its own. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const env = await testEnv(database, options.env);
  const config = loadConfig(env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app);
  registerMailSecretBox(database.url, app.get(MailSecretBox));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    config,
    database,
    env,
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
      await rm(env.STORAGE_DIR, { recursive: true, force: true });
      await deleteKeysWithPrefix(env.QUEUE_PREFIX);
    },
  };
}
