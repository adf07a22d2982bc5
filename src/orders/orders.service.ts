import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCanCreate } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import { Account } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import { flushOrConflict } from '../workflow/transition-checks';
import { WorkflowErrors } from '../workflow/workflow-errors';
import type { CreateOrderDto, UpdateOrderDto } from './dto/order.dto';
import { AppointmentOrder } from './entities/appointment-order.entity';
import { parseOrderNo, parseOrderYear } from './order-fields';
import { assignGrants } from './order-grants';
import { loadOrder, loadVisibleLao } from './order-loader';
import { presentOrder, type OrderView } from './order.presenter';
import { OrdersErrors } from './orders-errors';
import { OrderDocument } from '../documents/entities/order-document.entity';
import { buildSearchText } from './search-text';

const EDITABLE_STATES = new Set<AppointmentOrder['state']>(['draft', 'returned']);

/** Creating and editing orders (metadata and grants). State changes go through the TransitionService. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, laoCode: string, dto: CreateOrderDto): Promise<OrderView> {
    return this.withUniqueNumber(async (em) => {
      const lao = await loadVisibleLao(em, caller.ability, laoCode);
      assertCanCreate(caller.ability, 'create', 'AppointmentOrder', {
        lao: { code: lao.code },
        provinceCode: lao.province.code,
      });
      const order = em.create(AppointmentOrder, {
        lao,
        provinceCode: lao.province.code,
        orderNo: parseOrderNo(dto.orderNo),
        orderYear: parseOrderYear(dto.orderYear),
        subject: dto.subject.normalize('NFC'),
        signedDate: dto.signedDate,
        effectiveDate: dto.effectiveDate,
        createdBy: em.getReference(Account, caller.principal.accountId),
      });
      const grants = await assignGrants(em, order, dto.grantIds);
      order.searchText = searchTextOf(order, grants);
      await flushOrConflict(em);
      await this.audit.record(
        {
          action: 'order.created',
          actor: caller.principal,
          subjectType: 'AppointmentOrder',
          subjectId: order.id,
          details: {
            laoCode: lao.code,
            orderNo: order.orderNo,
            orderYear: order.orderYear,
            grants: dto.grantIds,
          },
        },
        em,
      );
      return presentOrder(order, { grants });
    });
  }

  /** Metadata and grants, while draft or returned, against the version the client saw. */
  async update(caller: Caller, id: string, dto: UpdateOrderDto): Promise<OrderView> {
    return this.withUniqueNumber(async (em) => {
      const order = await loadOrder(em, caller.ability, id, 'update');
      if (!EDITABLE_STATES.has(order.state)) throw OrdersErrors.ORDER_NOT_EDITABLE({ state: order.state });
      if (dto.version !== order.version) {
        throw WorkflowErrors.ORDER_VERSION_CONFLICT({ state: order.state, currentVersion: order.version });
      }
      // The worker cross-checks the PDF against the order as it was when the upload came in.
      if (await em.count(OrderDocument, { order: order.id, state: { $in: ['received', 'processing'] } })) {
        throw OrdersErrors.ORDER_DOCUMENT_PROCESSING();
      }
      if (dto.orderNo !== undefined) order.orderNo = parseOrderNo(dto.orderNo);
      if (dto.orderYear !== undefined) order.orderYear = parseOrderYear(dto.orderYear);
      if (dto.subject !== undefined) order.subject = dto.subject.normalize('NFC');
      if (dto.signedDate !== undefined) order.signedDate = dto.signedDate;
      if (dto.effectiveDate !== undefined) order.effectiveDate = dto.effectiveDate;
      const grants = dto.grantIds
        ? await assignGrants(em, order, dto.grantIds)
        : await em.find(AccountGrant, { order: order.id }, { populate: ['account'] });
      order.searchText = searchTextOf(order, grants);
      order.updatedAt = new Date();
      await flushOrConflict(em);
      await this.audit.record(
        {
          action: 'order.updated',
          actor: caller.principal,
          subjectType: 'AppointmentOrder',
          subjectId: order.id,
          details: { fields: Object.keys(dto).filter((k) => k !== 'version') },
        },
        em,
      );
      return presentOrder(order, { grants });
    });
  }

  /** Runs a create/update in a transaction; a taken `ที่ n/ปี` of the LAO answers 409. */
  private async withUniqueNumber<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.em.fork().transactional(work);
    } catch (error) {
      if (
        error instanceof UniqueConstraintViolationException &&
        /appointment_order_number_unique/.test(error.message)
      ) {
        throw OrdersErrors.ORDER_NUMBER_TAKEN();
      }
      throw error;
    }
  }
}

function searchTextOf(order: AppointmentOrder, grants: AccountGrant[]): string {
  return buildSearchText({
    laoName: order.lao.nameTh,
    subject: order.subject,
    orderNo: order.orderNo,
    orderYear: order.orderYear,
    appointees: grants.map((g) => g.account),
  });
}
