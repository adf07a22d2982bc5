import { Test, type TestingModule } from '@nestjs/testing';
import { APP_CONFIG } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { WorkerModule } from '../../workers/worker.module';

export interface TestWorker {
  module: TestingModule;
  close(): Promise<void>;
}

/**
 * The real WorkerModule in this process (BullMQ workers, outbox relay, handlers), configured with the
 * same environment as the test's API (`TestApp.env`: database, queue prefix, storage folder, SMTP).
 */
export async function startTestWorker(env: Record<string, string>): Promise<TestWorker> {
  const module = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(loadConfig(env))
    .compile();
  await module.init();
  return { module, close: () => module.close() };
}
