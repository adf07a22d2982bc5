import { LAO_TYPE_LABELS } from '../data/lao-types';
import type { LaoType } from '../entities/lao.entity';
import type { Lao } from '../entities/lao.entity';

export interface LaoView {
  code: string;
  nameTh: string;
  type: LaoType;
  typeLabel: string;
  districtTh: string;
  provinceCode: string;
  province: { code: string; nameTh: string | null };
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  phase1Target: boolean;
  /** Address, phone and e-mail are all set: what the readiness dashboard checks. */
  detailsComplete: boolean;
  updatedAt: string;
}

export function presentLao(lao: Lao): LaoView {
  return {
    code: lao.code,
    nameTh: lao.nameTh,
    type: lao.type,
    typeLabel: LAO_TYPE_LABELS[lao.type].th,
    districtTh: lao.districtTh,
    provinceCode: lao.province.code,
    province: { code: lao.province.code, nameTh: lao.province.nameTh ?? null },
    address: lao.address ?? null,
    phone: lao.phone ?? null,
    email: lao.email ?? null,
    website: lao.website ?? null,
    phase1Target: lao.phase1Target,
    detailsComplete: Boolean(lao.address && lao.phone && lao.email),
    updatedAt: lao.updatedAt.toISOString(),
  };
}
