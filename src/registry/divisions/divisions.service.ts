import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCan, assertCanCreate } from '../../access/assert-can';
import type { Caller } from '../../access/request-context';
import { accessibleFilter } from '../../access/rules-to-filter';
import { AuditService } from '../../audit/audit.service';
import { CommonErrors } from '../../common/errors/common-errors';
import { Division } from '../entities/division.entity';
import type { Lao } from '../entities/lao.entity';
import { findVisibleLao } from '../laos/visible-lao';
import { RegistryErrors } from '../registry-errors';
import { normalizeOptionalText, normalizeThaiText } from '../text/thai-name';
import { referencedDivisionIds } from './division-references';
import { presentDivision, type DivisionView } from './division.presenter';
import type { DivisionItemDto, ReplaceDivisionsDto } from './divisions.dto';

export interface DivisionList {
  items: DivisionView[];
  nextCursor: null;
}

@Injectable()
export class DivisionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, code: string, includeInactive = false): Promise<DivisionList> {
    const em = this.em.fork();
    const lao = await findVisibleLao(em, caller, code);
    const visible = accessibleFilter<Division>(caller.ability, 'read', 'Division');
    if (!visible) throw RegistryErrors.LAO_NOT_FOUND({ code });
    const divisions = await em.find(
      Division,
      { $and: [visible, { lao: lao.code }, includeInactive ? {} : { active: true }] },
      { orderBy: { active: 'desc', sortOrder: 'asc', nameTh: 'asc' } },
    );
    return { items: divisions.map(presentDivision), nextCursor: null };
  }

  /**
   * Replaces the LAO's list: listed ids are renamed and reordered, new names added (a name that
   * matches an unlisted division revives it instead of duplicating it), the rest removed or, when
   * staff or services still name them, deactivated.
   */
  async replace(caller: Caller, code: string, dto: ReplaceDivisionsDto): Promise<DivisionList> {
    const items = dto.items.map(normalizeItem);
    assertDistinct(items);
    return this.em.fork().transactional(async (em) => {
      const lao = await findVisibleLao(em, caller, code);
      const existing = await em.find(Division, { lao: lao.code });
      const byId = new Map(existing.map((d) => [d.id, d]));
      const claimed = new Set(items.flatMap((item) => (item.id ? [item.id] : [])));
      if (claimed.size !== items.filter((i) => i.id).length) {
        throw CommonErrors.VALIDATION_FAILED({ fields: [{ field: 'items.id', constraints: ['unique'] }] });
      }
      const unclaimedByName = new Map(
        existing.filter((d) => !claimed.has(d.id)).map((d) => [nameKey(d.nameTh), d]),
      );

      const kept: Division[] = [];
      items.forEach((item, sortOrder) => {
        const division = item.id ? byId.get(item.id) : unclaimedByName.get(nameKey(item.nameTh));
        if (item.id && !division) throw RegistryErrors.DIVISION_NOT_FOUND({ divisionId: item.id });
        if (division) {
          assertCan(caller.ability, 'update', division, () =>
            RegistryErrors.DIVISION_NOT_FOUND({ divisionId: division.id }),
          );
          claimed.add(division.id);
          Object.assign(division, { nameTh: item.nameTh, nameEn: item.nameEn, sortOrder, active: true });
          kept.push(division);
          return;
        }
        assertCanCreate(caller.ability, 'create', 'Division', { lao: { code: lao.code } });
        kept.push(em.create(Division, { lao, nameTh: item.nameTh, nameEn: item.nameEn, sortOrder }));
      });

      const dropped = existing.filter((d) => !claimed.has(d.id));
      const inUse = await referencedDivisionIds(
        em,
        dropped.map((d) => d.id),
      );
      for (const division of dropped) {
        assertCan(caller.ability, 'delete', division, () =>
          RegistryErrors.DIVISION_NOT_FOUND({ divisionId: division.id }),
        );
        if (inUse.has(division.id)) division.active = false;
        else em.remove(division);
      }
      await this.audit.record(
        {
          action: 'division.replaced',
          actor: caller.principal,
          subjectType: 'Lao',
          subjectId: lao.code,
          details: summary(lao, kept, dropped, inUse),
        },
        em,
      );
      await em.flush();
      return { items: kept.map(presentDivision), nextCursor: null };
    });
  }
}

interface NormalizedItem {
  id?: string;
  nameTh: string;
  nameEn: string | null;
}

function normalizeItem(item: DivisionItemDto): NormalizedItem {
  return { id: item.id, nameTh: normalizeThaiText(item.nameTh), nameEn: normalizeOptionalText(item.nameEn) };
}

function nameKey(name: string): string {
  return normalizeThaiText(name).toLowerCase();
}

function assertDistinct(items: NormalizedItem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (!item.nameTh)
      throw CommonErrors.VALIDATION_FAILED({
        fields: [{ field: 'items.nameTh', constraints: ['minLength'] }],
      });
    const key = nameKey(item.nameTh);
    if (seen.has(key)) throw RegistryErrors.DIVISION_NAME_DUPLICATE({ nameTh: item.nameTh });
    seen.add(key);
  }
}

function summary(
  lao: Lao,
  kept: Division[],
  dropped: Division[],
  inUse: Set<string>,
): Record<string, unknown> {
  return {
    laoCode: lao.code,
    divisions: kept.map((d) => ({ id: d.id, nameTh: d.nameTh })),
    deactivated: dropped.filter((d) => inUse.has(d.id)).map((d) => d.id),
    deleted: dropped.filter((d) => !inUse.has(d.id)).map((d) => d.id),
  };
}
