import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** `npm run db:seed` is the compiled CLI (built by `npm test`), run here as a deploy step would run it. */
describe('db:seed (the four demo LAOs of the rollout letter)', () => {
  let db: TestDatabase;
  const seed = (): string =>
    execFileSync(process.execPath, [join(__dirname, '../../dist/src/database/cli/seed.js')], {
      env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'test' },
      encoding: 'utf8',
    });
  const counts = async (): Promise<Record<string, number>> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<Record<string, number>>(
      `select (select count(*) from lao)::int as laos, (select count(*) from division)::int as divisions,
              (select count(*) from lao_service)::int as services,
              (select count(*) from lao where phase1_target)::int as phase1,
              (select count(*) from audit_entry where action = 'lao.seeded')::int as audits`,
    );
    await client.end();
    return rows[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates the LAOs with their divisions and service rows, and a second run changes nothing', async () => {
    expect(seed()).toContain('created 4, updated 0, unchanged 0; added 24 divisions and 56 service settings');
    const first = await counts();
    expect(first).toEqual({ laos: 4, divisions: 24, services: 56, phase1: 4, audits: 1 });
    expect(seed()).toContain('created 0, updated 0, unchanged 4');
    expect(await counts()).toEqual(first);
  });
});
