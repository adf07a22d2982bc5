import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import { Province } from '../entities/province.entity';
import { upsertLaos, type UpsertCounts } from '../laos/upsert-laos';
import { RegistryErrors } from '../registry-errors';
import { CsvSyntaxError, readCsvRecords, type CsvRecord } from './csv-records';
import { rowError, type CsvRowError } from './csv-row-errors';
import { checkLaoCsv } from './lao-csv-rows';

/** Enough to fix a file in one go without answering megabytes of errors for a wrong file. */
const MAX_REPORTED_ERRORS = 1000;

@Injectable()
export class LaoImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** All or nothing: any row error refuses the whole file; otherwise one transaction upserts it. */
  async import(caller: Caller, text: string): Promise<UpsertCounts> {
    const em = this.em.fork();
    const provinces = await em.find(Province, {}, { fields: ['code'] });
    const { records, errors } = checkLaoCsv(readOrReject(text), new Set(provinces.map((p) => p.code)));
    if (errors.length) throw invalid(errors);

    return em.transactional(async (tx) => {
      // Two imports at once would race on the same codes and miscount created/updated.
      await tx
        .getConnection()
        .execute(
          "select pg_advisory_xact_lock(hashtext('registry:lao-import'))",
          [],
          'all',
          tx.getTransactionContext(),
        );
      const { createdCodes, divisionsCreated, servicesCreated, ...counts } = await upsertLaos(tx, records);
      await this.audit.record(
        {
          action: 'lao.imported',
          actor: caller.principal,
          subjectType: 'Lao',
          details: {
            ...counts,
            divisionsCreated,
            servicesCreated,
            sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
            createdCodes: createdCodes.slice(0, 100),
          },
        },
        tx,
      );
      return counts;
    });
  }
}

function readOrReject(text: string): CsvRecord[] {
  // Thai Excel saves CSV as Windows-874 by default; read as UTF-8 its Thai becomes U+FFFD.
  const replaced = text.indexOf('\uFFFD');
  if (replaced !== -1) {
    const line = text.slice(0, replaced).split('\n').length;
    throw invalid([rowError(line, null, 'CSV_ENCODING')]);
  }
  try {
    return readCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw invalid([rowError(error.line, null, 'CSV_SYNTAX', { reason: error.reason })]);
    throw error;
  }
}

function invalid(errors: CsvRowError[]) {
  return RegistryErrors.CSV_INVALID({
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: errors.length,
    truncated: errors.length > MAX_REPORTED_ERRORS,
  });
}
