import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../src/config/load-config';
import { nestLogLevels } from './log-levels';
import { WorkerModule } from './worker.module';

/**
 * Worker entry: a Nest application context (no HTTP). Boot fails (exit 1) when a job has no handler
 * or Redis may evict keys. SIGTERM/SIGINT: relay stops, workers finish in-flight jobs, connections
 * close, exit 0.
 */
async function main(): Promise<void> {
  const logger = new ConsoleLogger('Worker', { json: true, logLevels: nestLogLevels(loadConfig().logLevel) });
  // abortOnError false: a failing provider rejects here (clear message, exit 1) instead of abort().
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger, abortOnError: false });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  // The CI smoke test waits for this exact line, whatever LOG_LEVEL says.
  new ConsoleLogger('Worker', { json: true, logLevels: ['log'] }).log('worker ready');
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      level: 'fatal',
      context: 'Worker',
      message: `worker failed to start: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
  process.exit(1);
});
