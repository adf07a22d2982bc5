import { GRANT_STATES, type GrantState } from '../accounts/entities/account-grant.entity';
import type { AccountStatus } from '../accounts/entities/account.entity';
import { ORDER_STATES, type OrderState } from '../orders/entities/appointment-order.entity';
import { LAO_TYPE_LABELS } from '../registry/data/lao-types';
import type { LaoType } from '../registry/entities/lao.entity';
import { READINESS_STAGES, STAGE_LABELS, type ReadinessStage } from './readiness-stages';

/** A row of the `readiness` CTE as PostgreSQL's json_agg spells it. */
export type ReadinessRow = {
  code: string;
  name_th: string;
  type: LaoType;
  province_code: string;
  province_name_th: string;
  phase1_target: boolean;
  admin_username: string | null;
  admin_status: AccountStatus | null;
  admin_last_login_at: Date | string | null;
  admin_grant_state: GrantState | null;
  services_open: number;
  details_complete: boolean;
  stage: ReadinessStage;
} & Record<`staff_${GrantState}` | `orders_${OrderState}`, number>;

export type TotalsRow = {
  province_code: string | null;
  province_name_th: string | null;
  laos: number;
  phase1_target: number;
  details_complete: number;
  services_open: number;
} & Record<`stage_${ReadinessStage}` | `phase1_stage_${ReadinessStage}`, number>;

export interface ReadinessLaoView {
  code: string;
  nameTh: string;
  type: LaoType;
  typeLabel: string;
  province: { code: string; nameTh: string };
  phase1Target: boolean;
  stage: ReadinessStage;
  stageLabel: string;
  adminAccount: {
    exists: boolean;
    username: string | null;
    status: AccountStatus | null;
    /** Whether the admin ever signed in (an invitation used is not yet a person at work). */
    lastSignInAt: string | null;
  };
  adminGrantState: GrantState | null;
  staffGrants: Record<GrantState, number>;
  orders: Record<OrderState, number>;
  servicesOpen: number;
  detailsComplete: boolean;
}

export interface ReadinessTotals {
  laos: number;
  phase1Target: number;
  detailsComplete: number;
  servicesOpen: number;
  /** LAOs at each stage. */
  stages: Record<ReadinessStage, number>;
  /** The same, counting only LAOs marked as phase-1 targets. */
  phase1Stages: Record<ReadinessStage, number>;
}

export interface ProvinceTotals extends ReadinessTotals {
  province: { code: string; nameTh: string };
}

export interface ReadinessReport {
  items: ReadinessLaoView[];
  nextCursor: string | null;
  /** Totals of every province in the caller's scope (not just this page). */
  provinces: ProvinceTotals[];
  /** Totals of the whole scope: the country for DLA, the province for its officer. */
  totals: ReadinessTotals;
}

const byState = <S extends string>(states: readonly S[], value: (state: S) => number): Record<S, number> =>
  Object.fromEntries(states.map((s) => [s, value(s)])) as Record<S, number>;

export function presentReadinessRow(row: ReadinessRow): ReadinessLaoView {
  return {
    code: row.code,
    nameTh: row.name_th,
    type: row.type,
    typeLabel: LAO_TYPE_LABELS[row.type].th,
    province: { code: row.province_code, nameTh: row.province_name_th },
    phase1Target: row.phase1_target,
    stage: row.stage,
    stageLabel: STAGE_LABELS[row.stage],
    adminAccount: {
      exists: row.admin_username !== null,
      username: row.admin_username,
      status: row.admin_status,
      lastSignInAt: row.admin_last_login_at ? new Date(row.admin_last_login_at).toISOString() : null,
    },
    adminGrantState: row.admin_grant_state,
    staffGrants: byState(GRANT_STATES, (s) => row[`staff_${s}`]),
    orders: byState(ORDER_STATES, (s) => row[`orders_${s}`]),
    servicesOpen: row.services_open,
    detailsComplete: row.details_complete,
  };
}

export function presentTotals(row: TotalsRow | undefined): ReadinessTotals {
  return {
    laos: row?.laos ?? 0,
    phase1Target: row?.phase1_target ?? 0,
    detailsComplete: row?.details_complete ?? 0,
    servicesOpen: row?.services_open ?? 0,
    stages: byState(READINESS_STAGES, (s) => row?.[`stage_${s}`] ?? 0),
    phase1Stages: byState(READINESS_STAGES, (s) => row?.[`phase1_stage_${s}`] ?? 0),
  };
}

export function presentProvinceTotals(row: TotalsRow & { province_code: string }): ProvinceTotals {
  return { province: { code: row.province_code, nameTh: row.province_name_th ?? '' }, ...presentTotals(row) };
}
