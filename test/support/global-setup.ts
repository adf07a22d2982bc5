import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_PG_ADMIN_URL, databaseUrl } from './test-env';

/**
 * Creates this run's template database and migrates it with the real deploy command
 * (`dist/src/database/cli/migrate.js`, built by `npm test`). Each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `dla_test_${runId}_tpl`;
  process.env.TEST_RUN_ID = runId;
  process.env.TEST_TEMPLATE_DB = template;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  await admin.end();
  execFileSync(process.execPath, [join(__dirname, '../../dist/src/database/cli/migrate.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl(template), NODE_ENV: 'test' },
    stdio: 'pipe',
  });
}
