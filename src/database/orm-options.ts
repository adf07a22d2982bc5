import { join } from 'node:path';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';

/** The project root, whether running from src/ (tests) or dist/src/ (built). */
export const PROJECT_ROOT = join(
  __dirname,
  __dirname.includes(`${join('dist', 'src')}`) ? '../../..' : '../..',
);

/** MikroORM options shared by the API, the workers, the CLI and the tests. */
export function createOrmOptions(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    baseDir: PROJECT_ROOT,
    // Never touch the schema at runtime: migrations are a deploy step (`npm run db:migrate`).
    ensureDatabase: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: join(PROJECT_ROOT, 'dist/migrations'),
      pathTs: join(PROJECT_ROOT, 'migrations'),
      emit: 'ts',
      snapshot: true,
      snapshotName: '.snapshot-dla',
      transactional: true,
      allOrNothing: true,
    },
    pool: { min: 0, max: 10 },
    debug: false,
    ...overrides,
  });
}
