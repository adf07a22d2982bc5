import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { accessibleFilter } from '../../access/rules-to-filter';
import type { Caller } from '../../access/request-context';
import { decodeTimeIdCursor, encodeTimeIdCursor, pageSize } from '../../common/pagination/keyset-cursor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Finding } from '../../documents/entities/order-document.entity';
import type { AppointmentOrder } from '../entities/appointment-order.entity';
import { orderLabel } from '../order-number';
import { BusinessCalendar, MAX_SLA_DAYS, timestampArrayLiteral } from './business-days';
import type { ReviewQueueQueryDto } from './review-queue.dto';
import { queryReviewQueue, type QueueRow } from './review-queue.query';

export interface ReviewQueueItem {
  id: string;
  laoCode: string;
  laoName: string;
  provinceCode: string;
  orderNo: number;
  orderYear: number;
  orderLabel: string;
  subject: string;
  signedDate: string;
  effectiveDate: string;
  version: number;
  submittedAt: string;
  overdue: boolean;
  document: {
    id: string;
    state: string;
    sha256: string;
    pages: number | null;
    ocr: boolean;
    findings: Finding[];
  } | null;
}

/** The province officer's work list (API.md "Review queue"). */
@Injectable()
export class ReviewQueueService {
  private readonly calendar: BusinessCalendar;

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.calendar = new BusinessCalendar(config.holidays);
  }

  async list(
    caller: Caller,
    query: ReviewQueueQueryDto,
  ): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null }> {
    const allowed = accessibleFilter<AppointmentOrder>(caller.ability, 'verify', 'AppointmentOrder');
    if (!allowed) return { items: [], nextCursor: null };
    const limit = pageSize(query.limit);
    const cutoffs = this.calendar.overdueCutoffs();
    const after = query.cursor ? decodeTimeIdCursor(query.cursor) : null;
    const rows = await queryReviewQueue(this.em.fork(), {
      allowed,
      province: query.province,
      lao: query.lao,
      q: query.q,
      findings: query.findings,
      overdueCutoffs: query.overdue ? timestampArrayLiteral(cutoffs) : undefined,
      after: after ? { submittedAt: after.at, id: after.id } : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toItem(row, cutoffs)),
      nextCursor: rows.length > limit && last ? encodeTimeIdCursor(last.submitted_key, last.id) : null,
    };
  }
}

function toItem(row: QueueRow, cutoffs: Date[]): ReviewQueueItem {
  const submittedAt = new Date(row.submitted_at);
  const cutoff = cutoffs[Math.min(row.review_sla_days, MAX_SLA_DAYS)];
  return {
    id: row.id,
    laoCode: row.lao_code,
    laoName: row.lao_name,
    provinceCode: row.province_code,
    orderNo: row.order_no,
    orderYear: row.order_year,
    orderLabel: orderLabel({ orderNo: row.order_no, orderYear: row.order_year }),
    subject: row.subject,
    signedDate: row.signed_date,
    effectiveDate: row.effective_date,
    version: row.version,
    submittedAt: submittedAt.toISOString(),
    overdue: cutoff !== undefined && submittedAt < cutoff,
    document:
      row.document_id && row.document_state && row.document_sha256
        ? {
            id: row.document_id,
            state: row.document_state,
            sha256: row.document_sha256,
            pages: row.document_pages === null ? null : Number(row.document_pages),
            ocr: row.document_ocr ?? false,
            findings: (row.document_findings as Finding[] | null) ?? [],
          }
        : null,
  };
}
