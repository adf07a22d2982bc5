import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../config/load-config';
import { createOrmOptions } from '../../database/orm-options';
import { verifyAuditChains } from '../audit-verifier';

/** `npm run audit:verify`: exit 1 and name the first broken row of any chain. */
async function main(): Promise<void> {
  const orm = await MikroORM.init(createOrmOptions(loadConfig().databaseUrl, { preferTs: false }));
  try {
    const reports = await verifyAuditChains(orm.em.fork());
    let broken = false;
    for (const r of reports) {
      if (r.firstBroken) {
        broken = true;
        console.log(
          `chain ${r.chain}: BROKEN at row id=${r.firstBroken.id} seq=${r.firstBroken.seq} (${r.firstBroken.reason})`,
        );
      } else {
        console.log(`chain ${r.chain}: ok (${r.rows} rows)`);
      }
    }
    if (reports.length === 0) console.log('audit log is empty');
    process.exitCode = broken ? 1 : 0;
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
