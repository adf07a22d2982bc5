import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../../access/request-context';
import { accessibleFilter } from '../../access/rules-to-filter';
import { Lao } from '../entities/lao.entity';
import { Province } from '../entities/province.entity';

export interface ProvinceView {
  code: string;
  nameTh: string;
  nameEn: string;
  region: string;
  phase1Target: boolean;
  /** LAOs of the province the caller may read (an officer sees 0 elsewhere). */
  laoCount: number;
}

@Injectable()
export class ProvincesService {
  constructor(private readonly em: EntityManager) {}

  /** All 77 provinces; the counts come from one grouped query under the caller's LAO filter. */
  async list(caller: Caller): Promise<{ items: ProvinceView[]; nextCursor: null }> {
    const em = this.em.fork();
    const provinces = await em.find(Province, {}, { orderBy: { code: 'asc' } });
    const counts = new Map<string, number>();
    const visible = accessibleFilter<Lao>(caller.ability, 'read', 'Lao');
    if (visible) {
      const rows = await em
        .createQueryBuilder(Lao, 'l')
        .select(['l.province', raw('count(*)::int as lao_count')])
        .where({ $and: [visible] })
        .groupBy('l.province')
        .execute<{ province_code: string; lao_count: number }[]>('all', false);
      for (const row of rows) counts.set(row.province_code, row.lao_count);
    }
    return {
      items: provinces.map((p) => ({
        code: p.code,
        nameTh: p.nameTh,
        nameEn: p.nameEn,
        region: p.region,
        phase1Target: p.phase1Target,
        laoCount: counts.get(p.code) ?? 0,
      })),
      nextCursor: null,
    };
  }
}
