import { Client } from 'pg';
import { TEST_PG_ADMIN_URL } from './test-env';

/** Drops every database this run created (the template and the per-file clones). */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) return;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where datname like $1',
    [`dla_test_${runId}_%`],
  );
  for (const { datname } of rows) {
    await admin.query(`drop database if exists "${datname}" with (force)`);
  }
  await admin.end();
}
