import type { FilterQuery } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { AppointmentOrder } from '../entities/appointment-order.entity';
import { normalizeSearch } from '../search-text';

/** Findings an officer must look at (a bound parameter: the `?` of jsonpath would read as a placeholder). */
const FINDINGS_TO_CHECK = '$[*] ? (@.severity != "info")';

export interface QueueFilter {
  /** From accessibleFilter('verify', 'AppointmentOrder'): what the caller may verify. */
  allowed: FilterQuery<AppointmentOrder>;
  province?: string;
  lao?: string;
  q?: string;
  findings?: boolean;
  /** `timestamptz[]` literal of the overdue cut-offs, indexed by review_sla_days + 1. */
  overdueCutoffs?: string;
  after?: { submittedAt: string; id: string };
  limit: number;
}

export interface QueueRow {
  id: string;
  lao_code: string;
  lao_name: string;
  province_code: string;
  order_no: number;
  order_year: number;
  subject: string;
  signed_date: string;
  effective_date: string;
  version: number;
  submitted_at: Date;
  /** Exact to the microsecond, for the keyset cursor (a JS Date keeps milliseconds only). */
  submitted_key: string;
  review_sla_days: number;
  document_id: string | null;
  document_state: string | null;
  document_sha256: string | null;
  document_pages: number | string | null;
  document_ocr: boolean | null;
  document_findings: unknown;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${normalizeSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One SQL query for a page of the review queue: uploaded orders the caller may verify, oldest
 * `submitted_at` first, keyset on (submitted_at, id). The search uses the trigram index on
 * `search_text`; overdue compares with the cut-off of each order's own LAO SLA.
 */
export async function queryReviewQueue(em: EntityManager, filter: QueueFilter): Promise<QueueRow[]> {
  return buildReviewQueueQuery(em, filter).execute<QueueRow[]>('all', false);
}

/** The query itself, also used by the benchmark to time the raw SQL. */
export function buildReviewQueueQuery(
  em: EntityManager,
  filter: QueueFilter,
): QueryBuilder<AppointmentOrder> {
  const qb = em
    .createQueryBuilder(AppointmentOrder, 'o')
    .select([
      'o.id',
      'o.lao_code',
      raw('l.name_th as lao_name'),
      'o.province_code',
      'o.order_no',
      'o.order_year',
      'o.subject',
      raw(`to_char(o.signed_date, 'YYYY-MM-DD') as signed_date`),
      raw(`to_char(o.effective_date, 'YYYY-MM-DD') as effective_date`),
      'o.version',
      'o.submitted_at',
      raw(`to_char(o.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as submitted_key`),
      raw('l.review_sla_days as review_sla_days'),
      raw('d.id as document_id'),
      raw('d.state as document_state'),
      raw('d.sha256 as document_sha256'),
      raw('d.pages as document_pages'),
      raw('d.ocr as document_ocr'),
      raw('d.findings as document_findings'),
    ])
    .join('o.lao', 'l')
    .leftJoin('o.currentDocument', 'd')
    .where(filter.allowed)
    .andWhere({ state: 'uploaded' });
  if (filter.province) qb.andWhere({ provinceCode: filter.province });
  if (filter.lao) qb.andWhere({ lao: filter.lao });
  if (filter.q?.trim()) {
    // The LAO's current name too: search_text keeps the name the LAO had when the order was written.
    const pattern = likePattern(filter.q);
    qb.andWhere('(o.search_text ilike ? or l.name_th ilike ?)', [pattern, pattern]);
  }
  // Findings to look at: information-only ones (OCR used, a name matched loosely) do not count.
  if (filter.findings) qb.andWhere('jsonb_path_exists(d.findings, ?::jsonpath)', [FINDINGS_TO_CHECK]);
  if (filter.overdueCutoffs) {
    qb.andWhere('o.submitted_at < (?::timestamptz[])[l.review_sla_days + 1]', [filter.overdueCutoffs]);
  }
  if (filter.after) {
    qb.andWhere('(o.submitted_at, o.id) > (?::timestamptz, ?::uuid)', [
      filter.after.submittedAt,
      filter.after.id,
    ]);
  }
  qb.orderBy({ submittedAt: 'asc', id: 'asc' }).limit(filter.limit);
  return qb;
}
