import type { LaoService } from '../entities/lao-service.entity';

export interface LaoServiceView {
  serviceKey: string;
  nameTh: string;
  nameEn: string;
  divisionHint: string | null;
  enabled: boolean;
  open: boolean;
  /** Baht; decimal(12,2) in the database. */
  fee: number | null;
  division: { id: string; nameTh: string; active: boolean } | null;
  slaDays: number;
  note: string | null;
  updatedAt: string;
}

/** Expects `service` and `division` populated. */
export function presentLaoService(setting: LaoService): LaoServiceView {
  const division = setting.division ?? null;
  return {
    serviceKey: setting.service.key,
    nameTh: setting.service.nameTh,
    nameEn: setting.service.nameEn,
    divisionHint: setting.service.divisionHint ?? null,
    enabled: setting.enabled,
    open: setting.open,
    fee: setting.fee === null || setting.fee === undefined ? null : Number(setting.fee),
    division: division ? { id: division.id, nameTh: division.nameTh, active: division.active } : null,
    slaDays: setting.slaDays,
    note: setting.note ?? null,
    updatedAt: setting.updatedAt.toISOString(),
  };
}
