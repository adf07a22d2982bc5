import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { accessibleFilter } from '../access/rules-to-filter';
import type { Caller } from '../access/request-context';
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import { AuditService } from '../audit/audit.service';
import { decodeTimeIdCursor, encodeTimeIdCursor, pageSize } from '../common/pagination/keyset-cursor';
import { OrderDocument } from '../documents/entities/order-document.entity';
import { WorkflowHistory } from '../workflow/entities/workflow-history.entity';
import { presentHistory, type HistoryEntryView } from '../workflow/history.presenter';
import type { ListOrdersDto } from './dto/order.dto';
import { AppointmentOrder } from './entities/appointment-order.entity';
import { loadOrder, loadVisibleLao } from './order-loader';
import { presentOrder, type OrderView } from './order.presenter';

/** Reads of orders. Lists are filtered in SQL by the caller's ability (never load-then-filter). */
@Injectable()
export class OrderQueries {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async listForLao(
    caller: Caller,
    laoCode: string,
    query: ListOrdersDto,
  ): Promise<{ items: OrderView[]; nextCursor: string | null }> {
    const em = this.em.fork();
    const lao = await loadVisibleLao(em, caller.ability, laoCode);
    const visible = accessibleFilter<AppointmentOrder>(caller.ability, 'read', 'AppointmentOrder');
    if (!visible) return { items: [], nextCursor: null };
    const limit = pageSize(query.limit);
    const where: FilterQuery<AppointmentOrder>[] = [visible, { lao: lao.code }];
    if (query.state) where.push({ state: query.state });
    if (query.cursor) {
      const { date: at, id } = decodeTimeIdCursor(query.cursor);
      where.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] });
    }
    const rows = await em.find(
      AppointmentOrder,
      { $and: where },
      { populate: ['lao', 'currentDocument'], orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((o) => presentOrder(o)),
      nextCursor: rows.length > limit && last ? encodeTimeIdCursor(last.createdAt, last.id) : null,
    };
  }

  /** The order with grants, documents and history; appointees are personal data, so the read is logged. */
  async get(caller: Caller, id: string): Promise<OrderView> {
    const em = this.em.fork();
    const order = await loadOrder(em, caller.ability, id);
    const grants = await em.find(
      AccountGrant,
      { order: order.id },
      { populate: ['account', 'lao'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const latestUpload = await em.findOne(
      OrderDocument,
      { order: order.id },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    const history = await this.historyRows(em, order.id);
    await this.audit.record({
      action: 'read.order',
      actor: caller.principal,
      subjectType: 'AppointmentOrder',
      subjectId: order.id,
    });
    return presentOrder(order, { grants, latestUpload, history });
  }

  async history(caller: Caller, id: string): Promise<{ items: HistoryEntryView[] }> {
    const em = this.em.fork();
    const order = await loadOrder(em, caller.ability, id);
    return { items: (await this.historyRows(em, order.id)).map(presentHistory) };
  }

  private historyRows(em: EntityManager, orderId: string): Promise<WorkflowHistory[]> {
    return em.find(
      WorkflowHistory,
      { itemType: 'order', itemId: orderId },
      { populate: ['actor'], orderBy: { at: 'asc', id: 'asc' } },
    );
  }
}
