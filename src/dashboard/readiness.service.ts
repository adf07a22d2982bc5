import { subject } from '@casl/ability';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../access/request-context';
import { Province } from '../registry/entities/province.entity';
import { LAO_CODE_PATTERN } from '../registry/laos/visible-lao';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE } from '../registry/pagination/keyset-cursor';
import { RegistryErrors } from '../registry/registry-errors';
import { readinessCsv } from './readiness-csv';
import type { ReadinessCsvQueryDto, ReadinessQueryDto } from './readiness-query.dto';
import { readinessScope, type SqlFragment } from './readiness-scope';
import { readinessPageSql, readinessRowsSql } from './readiness.sql';
import {
  presentProvinceTotals,
  presentReadinessRow,
  presentTotals,
  type ReadinessReport,
  type ReadinessRow,
  type TotalsRow,
} from './readiness.view';

@Injectable()
export class ReadinessService {
  constructor(private readonly em: EntityManager) {}

  /** A page of LAO rows plus the totals of the caller's whole scope, from one SQL statement. */
  async report(caller: Caller, query: ReadinessQueryDto): Promise<ReadinessReport> {
    const em = this.em.fork();
    const scope = await this.scopeOf(em, caller, query.province);
    const limit = query.limit ?? MAX_PAGE_SIZE;
    const after = decodeCursor(query.cursor, LAO_CODE_PATTERN);
    if (!scope) return { items: [], nextCursor: null, provinces: [], totals: presentTotals(undefined) };

    const { sql, params } = readinessPageSql(scope, after, limit + 1);
    const [result] = await em
      .getConnection()
      .execute<{ items: ReadinessRow[]; totals: TotalsRow[] }[]>(sql, params);
    const rows = result?.items ?? [];
    const totals = result?.totals ?? [];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(presentReadinessRow),
      nextCursor: rows.length > limit && last ? encodeCursor(last.code) : null,
      provinces: totals
        .filter((t): t is TotalsRow & { province_code: string } => t.province_code !== null)
        .map(presentProvinceTotals),
      totals: presentTotals(totals.find((t) => t.province_code === null)),
    };
  }

  /** Every LAO row of the scope as CSV (UTF-8 with BOM, Thai headers). */
  async csv(caller: Caller, query: ReadinessCsvQueryDto): Promise<string> {
    const em = this.em.fork();
    const scope = await this.scopeOf(em, caller, query.province);
    if (!scope) return readinessCsv([]);
    const { sql, params } = readinessRowsSql(scope);
    const rows = await em.getConnection().execute<ReadinessRow[]>(sql, params);
    return readinessCsv(rows.map(presentReadinessRow));
  }

  /** A province the caller's dashboard does not cover answers like an unknown one. */
  private async scopeOf(
    em: EntityManager,
    caller: Caller,
    provinceCode?: string,
  ): Promise<SqlFragment | null> {
    if (provinceCode) {
      const allowed = caller.ability.can('read', subject('Dashboard', { provinceCode }) as never);
      if (!allowed || !(await em.count(Province, { code: provinceCode }))) {
        throw RegistryErrors.PROVINCE_NOT_FOUND({ provinceCode });
      }
    }
    return readinessScope(em, caller.ability, provinceCode);
  }
}
