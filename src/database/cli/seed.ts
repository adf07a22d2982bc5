import { MikroORM } from '@mikro-orm/postgresql';
import { AuditService } from '../../audit/audit.service';
import { loadConfig } from '../../config/load-config';
import { DEMO_LAOS } from '../../registry/data/demo-laos';
import { upsertLaos, type LaoRecord } from '../../registry/laos/upsert-laos';
import { createOrmOptions } from '../orm-options';

/**
 * `npm run db:seed`: the four Chaiyaphum LAOs named in the rollout letter, with their default
 * divisions and service settings, through the same upsert as the CSV import. Idempotent: a second
 * run finds them unchanged and writes nothing (not even an audit entry).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await MikroORM.init(createOrmOptions(config.databaseUrl, { preferTs: false }));
  try {
    // Named in the letter, so they are phase-1 targets.
    const records: LaoRecord[] = DEMO_LAOS.map((lao) => ({ ...lao, phase1Target: true }));
    const result = await orm.em.fork().transactional(async (em) => {
      const upserted = await upsertLaos(em, records);
      if (upserted.created || upserted.updated) {
        const { createdCodes, ...counts } = upserted;
        await new AuditService(em).record(
          {
            action: 'lao.seeded',
            actorUsername: 'system',
            subjectType: 'Lao',
            details: { ...counts, createdCodes },
          },
          em,
        );
      }
      return upserted;
    });
    console.log(
      `Demo LAOs (${result.total}): created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}` +
        (result.created
          ? `; added ${result.divisionsCreated} divisions and ${result.servicesCreated} service settings`
          : ''),
    );
    for (const lao of DEMO_LAOS)
      console.log(`  ${lao.code} ${lao.nameTh} (${lao.districtTh}, ${lao.provinceCode})`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
