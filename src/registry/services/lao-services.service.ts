import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCan } from '../../access/assert-can';
import type { Caller } from '../../access/request-context';
import { accessibleFilter } from '../../access/rules-to-filter';
import { AuditService } from '../../audit/audit.service';
import { recordChangeEvent } from '../../outbox/change-events';
import { CitizenService } from '../entities/citizen-service.entity';
import { Division } from '../entities/division.entity';
import { LaoService } from '../entities/lao-service.entity';
import type { Lao } from '../entities/lao.entity';
import { findVisibleLao } from '../laos/visible-lao';
import { RegistryErrors } from '../registry-errors';
import { normalizeOptionalText } from '../text/thai-name';
import { presentLaoService, type LaoServiceView } from './lao-service.presenter';
import type { UpdateLaoServiceDto } from './lao-services.dto';

@Injectable()
export class LaoServicesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** The catalog with this LAO's settings, limited in SQL to what the caller may read (staff: their services). */
  async list(caller: Caller, code: string): Promise<{ items: LaoServiceView[]; nextCursor: null }> {
    const em = this.em.fork();
    const lao = await findVisibleLao(em, caller, code);
    const visible = accessibleFilter<LaoService>(caller.ability, 'read', 'LaoService');
    if (!visible) return { items: [], nextCursor: null };
    const settings = await em.find(
      LaoService,
      { $and: [visible, { lao: lao.code }] },
      { populate: ['service', 'division'], orderBy: { service: { sortOrder: 'asc', key: 'asc' } } },
    );
    return { items: settings.map(presentLaoService), nextCursor: null };
  }

  /**
   * Opening a service to the public is the `publish` ability (an admin whose own appointment is not
   * yet verified may prepare but not open); `open` always needs `enabled`.
   */
  async update(
    caller: Caller,
    code: string,
    serviceKey: string,
    dto: UpdateLaoServiceDto,
  ): Promise<LaoServiceView> {
    return this.em.fork().transactional(async (em) => {
      const lao = await findVisibleLao(em, caller, code);
      const setting = await this.settingOf(em, lao, serviceKey);
      assertCan(caller.ability, 'update', setting, () => RegistryErrors.SERVICE_NOT_FOUND({ serviceKey }));
      const before = snapshot(setting);

      if (dto.divisionId !== undefined) {
        setting.division = dto.divisionId === null ? null : await activeDivisionOf(em, lao, dto.divisionId);
      }
      const enabled = dto.enabled ?? setting.enabled;
      const open = dto.open ?? setting.open;
      if (open && !enabled) throw RegistryErrors.SERVICE_OPEN_REQUIRES_ENABLED({ serviceKey });
      if (open && !setting.open && !caller.ability.can('publish', setting)) {
        throw RegistryErrors.SERVICE_OPEN_NOT_ALLOWED({ serviceKey });
      }
      if (open !== setting.open) {
        recordChangeEvent(em, open ? 'lao_service.opened' : 'lao_service.closed', {
          laoCode: lao.code,
          serviceKey,
        });
      }
      setting.enabled = enabled;
      setting.open = open;
      if (dto.fee !== undefined) setting.fee = dto.fee === null ? null : dto.fee.toFixed(2);
      if (dto.slaDays !== undefined) setting.slaDays = dto.slaDays;
      if (dto.note !== undefined) setting.note = normalizeOptionalText(dto.note);

      await this.audit.record(
        {
          action: 'lao_service.updated',
          actor: caller.principal,
          subjectType: 'LaoService',
          subjectId: setting.id,
          details: { laoCode: lao.code, serviceKey, before, after: snapshot(setting) },
        },
        em,
      );
      await em.flush();
      return presentLaoService(setting);
    });
  }

  /** The LAO's row for a catalog service; created (disabled) when the catalog grew after the LAO was. */
  private async settingOf(em: EntityManager, lao: Lao, serviceKey: string): Promise<LaoService> {
    const service = await em.findOne(CitizenService, { key: serviceKey });
    if (!service) throw RegistryErrors.SERVICE_NOT_FOUND({ serviceKey });
    const found = await em.findOne(
      LaoService,
      { lao: lao.code, service: service.key },
      { populate: ['division'] },
    );
    return found ?? em.create(LaoService, { lao, service });
  }
}

async function activeDivisionOf(em: EntityManager, lao: Lao, divisionId: string): Promise<Division> {
  const division = await em.findOne(Division, { id: divisionId, lao: lao.code, active: true });
  if (!division) throw RegistryErrors.DIVISION_NOT_FOUND({ divisionId });
  return division;
}

function snapshot(s: LaoService): Record<string, unknown> {
  return {
    enabled: s.enabled,
    open: s.open,
    fee: s.fee ?? null,
    divisionId: s.division?.id ?? null,
    slaDays: s.slaDays,
    note: s.note ?? null,
  };
}
