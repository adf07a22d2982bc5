import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CitizenService } from '../../src/registry/entities/citizen-service.entity';
import { Division } from '../../src/registry/entities/division.entity';
import { LaoService } from '../../src/registry/entities/lao-service.entity';
import { Lao } from '../../src/registry/entities/lao.entity';
import { Province } from '../../src/registry/entities/province.entity';
import { DEFAULT_DIVISIONS } from '../../src/registry/data/default-divisions';

/**
 * Registry rows the workflow tests need (LAOs with divisions, enabled services), written straight to
 * the test's database. Accounts come from `./factories` (createAccount).
 */
let laoSeq = 0;
const laoBase = Math.floor(Math.random() * 5000);

export interface LaoSpec {
  provinceCode: string;
  code?: string;
  nameTh?: string;
  reviewSlaDays?: number;
}

export async function createLao(
  em: EntityManager,
  spec: LaoSpec,
): Promise<{ code: string; nameTh: string; divisionIds: string[] }> {
  laoSeq += 1;
  const code = spec.code ?? `6${spec.provinceCode}${String((laoBase + laoSeq) % 10000).padStart(4, '0')}`;
  const nameTh = spec.nameTh ?? `องค์การบริหารส่วนตำบลทดสอบ${laoSeq}`;
  return em.fork().transactional(async (tx) => {
    const lao = tx.create(Lao, {
      code,
      nameTh,
      type: 'sao',
      districtTh: 'เมือง',
      province: tx.getReference(Province, spec.provinceCode),
      reviewSlaDays: spec.reviewSlaDays ?? 5,
    });
    const divisions = DEFAULT_DIVISIONS.map((d, i) =>
      tx.create(Division, { id: randomUUID(), lao, nameTh: d.nameTh, nameEn: d.nameEn, sortOrder: i }),
    );
    await tx.flush();
    return { code, nameTh, divisionIds: divisions.map((d) => d.id) };
  });
}

/** The fallback when PUT /api/laos/:code/services/:key is not available: enabled rows in the DB. */
export async function enableServicesInDb(em: EntityManager, laoCode: string, keys: string[]): Promise<void> {
  await em.fork().transactional(async (tx) => {
    for (const key of keys) {
      const existing = await tx.findOne(LaoService, { lao: laoCode, service: key });
      if (existing) existing.enabled = true;
      else
        tx.create(LaoService, {
          lao: tx.getReference(Lao, laoCode),
          service: tx.getReference(CitizenService, key),
          enabled: true,
        });
    }
  });
}
