import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_PG_ADMIN_URL, databaseUrl } from '../support/test-env';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

/** The deploy commands, compiled, against databases of this test's own. */
describe('migrations', () => {
  const name = `dla_test_${process.env.TEST_RUN_ID}_empty_${process.pid}`;
  let migrated: TestDatabase;

  beforeAll(async () => {
    migrated = await createTestDatabase();
  });
  afterAll(async () => {
    await migrated.drop();
    const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('creates a missing database and applies every migration, twice without change', async () => {
    const env = { ...process.env, DATABASE_URL: databaseUrl(name) };
    const first = await run(process.execPath, ['dist/src/database/cli/migrate.js'], { cwd: ROOT, env });
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\)/);
    const second = await run(process.execPath, ['dist/src/database/cli/migrate.js'], { cwd: ROOT, env });
    expect(second.stdout).toContain('Database is up to date');
  });

  it('has no entity change without a migration (mikro-orm migration:check)', async () => {
    const { stdout } = await run('npx', ['mikro-orm', 'migration:check'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: migrated.url },
    });
    expect(stdout).toMatch(/No changes required/i);
  });
});
