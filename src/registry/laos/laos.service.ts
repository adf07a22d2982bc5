import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCan } from '../../access/assert-can';
import type { Caller } from '../../access/request-context';
import { accessibleFilter } from '../../access/rules-to-filter';
import { AuditService } from '../../audit/audit.service';
import { Lao } from '../entities/lao.entity';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../pagination/keyset-cursor';
import { RegistryErrors } from '../registry-errors';
import { escapeLike, toArabicDigits } from '../text/search-terms';
import { normalizeOptionalText, normalizeThaiText } from '../text/thai-name';
import { presentLao, type LaoView } from './lao.presenter';
import type { ListLaosQueryDto, UpdateLaoDto } from './laos.dto';
import { findVisibleLao, LAO_CODE_PATTERN } from './visible-lao';

const EDITABLE_FIELDS = ['nameTh', 'address', 'phone', 'email', 'website'] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];

@Injectable()
export class LaosService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** Visible LAOs by code, filtered in SQL by the caller's ability (never loaded and then filtered). */
  async list(caller: Caller, query: ListLaosQueryDto): Promise<Page<LaoView>> {
    const visible = accessibleFilter<Lao>(caller.ability, 'read', 'Lao');
    if (!visible) return { items: [], nextCursor: null };
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, LAO_CODE_PATTERN);
    const conditions: FilterQuery<Lao>[] = [visible];
    if (query.province) conditions.push({ province: query.province });
    if (after) conditions.push({ code: { $gt: after } });
    const search = query.q ? searchCondition(query.q) : null;
    if (search) conditions.push(search);
    const rows = await this.em
      .fork()
      .find(
        Lao,
        { $and: conditions },
        { orderBy: { code: 'asc' }, limit: limit + 1, populate: ['province'] },
      );
    return toPage(rows, limit, (lao) => lao.code, presentLao);
  }

  async get(caller: Caller, code: string): Promise<LaoView> {
    return presentLao(await findVisibleLao(this.em.fork(), caller, code));
  }

  /** Each field is checked against the ability: a LAO admin keeps its contact details, DLA its name. */
  async update(caller: Caller, code: string, dto: UpdateLaoDto): Promise<LaoView> {
    return this.em.fork().transactional(async (em) => {
      const lao = await findVisibleLao(em, caller, code);
      assertCan(caller.ability, 'update', lao, () => RegistryErrors.LAO_NOT_FOUND({ code }));
      const fields = EDITABLE_FIELDS.filter((field) => dto[field] !== undefined);
      for (const field of fields) {
        if (!caller.ability.can('update', lao, field)) throw RegistryErrors.LAO_FIELD_NOT_ALLOWED({ field });
      }
      if (!fields.length) return presentLao(lao);
      const before = pick(lao, fields);
      if (dto.nameTh !== undefined) lao.nameTh = normalizeThaiText(dto.nameTh);
      if (dto.address !== undefined) lao.address = normalizeOptionalText(dto.address);
      if (dto.phone !== undefined) lao.phone = normalizeOptionalText(dto.phone);
      if (dto.email !== undefined) lao.email = normalizeOptionalText(dto.email)?.toLowerCase() ?? null;
      if (dto.website !== undefined) lao.website = normalizeOptionalText(dto.website);
      await this.audit.record(
        {
          action: 'lao.updated',
          actor: caller.principal,
          subjectType: 'Lao',
          subjectId: lao.code,
          details: { before, after: pick(lao, fields) },
        },
        em,
      );
      await em.flush();
      return presentLao(lao);
    });
  }
}

/** Digits search the code by prefix (Thai digits too); anything else the Thai name (trigram index). */
function searchCondition(raw: string): FilterQuery<Lao> | null {
  const q = normalizeThaiText(raw);
  if (!q) return null;
  const digits = toArabicDigits(q);
  if (/^\d{1,7}$/.test(digits)) return { code: { $like: `${digits}%` } };
  return { nameTh: { $ilike: `%${escapeLike(q)}%` } };
}

function pick(lao: Lao, fields: readonly EditableField[]): Record<string, string | null> {
  return Object.fromEntries(fields.map((f) => [f, lao[f] ?? null]));
}
