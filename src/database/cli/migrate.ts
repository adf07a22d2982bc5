import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../config/load-config';
import { createOrmOptions } from '../orm-options';
import { ensureDatabaseExists } from '../ensure-database';

/** `npm run db:migrate`: creates the database when missing, then applies pending migrations. */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabaseExists(config.databaseUrl);
  const orm = await MikroORM.init(createOrmOptions(config.databaseUrl, { preferTs: false }));
  try {
    const applied = await orm.getMigrator().up();
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
        : 'Database is up to date',
    );
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
