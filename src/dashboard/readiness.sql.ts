import { GRANT_STATES } from '../accounts/entities/account-grant.entity';
import { ORDER_STATES } from '../orders/entities/appointment-order.entity';
import { READINESS_STAGES } from './readiness-stages';
import type { SqlFragment } from './readiness-scope';

/** `count(*) filter (where <column> = '<state>')` per state; states are constants, never user input. */
const countsBy = (alias: string, column: string, states: readonly string[], prefix: string): string =>
  states
    .map((s) => `count(*) filter (where ${alias}.${column} = '${s}')::int as ${prefix}_${s}`)
    .join(',\n       ');
const coalesced = (alias: string, states: readonly string[], prefix: string): string =>
  states.map((s) => `coalesce(${alias}.${prefix}_${s}, 0) as ${prefix}_${s}`).join(', ');

/**
 * One row per LAO in scope, computed with grouped aggregates (one pass over each table, never a
 * query per LAO). The stage is the CASE below: see readiness-stages.ts for what each stage means.
 */
function readinessCtes(scope: SqlFragment): SqlFragment {
  const sql = `
with scope as (${scope.sql}),
admin as (
  select distinct on (a.lao_code) a.lao_code, a.id, a.username, a.status, a.last_login_at
    from account a join scope s on s.code = a.lao_code
   where a.role = 'lao_admin' and a.status <> 'disabled'
   -- During a handover the admin in office (active grant) is the one shown, not the newcomer.
   order by a.lao_code,
         exists (select 1 from account_grant g where g.account_id = a.id and g.state = 'active') desc,
         (a.status = 'active') desc, a.created_at desc
),
admin_grant as (
  select distinct on (g.account_id) g.account_id, g.state
    from account_grant g join admin ad on ad.id = g.account_id and ad.lao_code = g.lao_code
   order by g.account_id, (g.state in ('revoked', 'superseded')), (g.state = 'active') desc, g.created_at desc
),
staff as (
  select g.lao_code,
       ${countsBy('g', 'state', GRANT_STATES, 'staff')},
       count(*) filter (where g.state not in ('revoked', 'superseded'))::int as staff_live,
       count(*) filter (where g.state in ('verified', 'active'))::int as staff_approved
    from account_grant g join scope s on s.code = g.lao_code
   where g.role = 'lao_user'
   group by g.lao_code
),
orders as (
  select o.lao_code,
       ${countsBy('o', 'state', ORDER_STATES, 'orders')}
    from appointment_order o join scope s on s.code = o.lao_code
   group by o.lao_code
),
open_services as (
  select ls.lao_code, count(*)::int as services_open
    from lao_service ls join scope s on s.code = ls.lao_code
   where ls.open
   group by ls.lao_code
),
readiness as (
  select l.code, l.name_th, l.type, l.province_code, p.name_th as province_name_th, l.phase1_target,
         ad.username as admin_username, ad.status as admin_status, ad.last_login_at as admin_last_login_at, ag.state as admin_grant_state,
         ${coalesced('st', GRANT_STATES, 'staff')},
         ${coalesced('od', ORDER_STATES, 'orders')},
         coalesce(os.services_open, 0) as services_open,
         (coalesce(btrim(l.address), '') <> '' and coalesce(btrim(l.phone), '') <> ''
           and coalesce(btrim(l.email), '') <> '') as details_complete,
         case
           when ad.id is null then 'no_admin'
           when ad.status <> 'active' then 'admin_invited'
           when coalesce(st.staff_live, 0) = 0 then 'admin_active'
           when coalesce(ag.state, '') not in ('verified', 'active') or coalesce(st.staff_approved, 0) = 0
             then 'staff_granted'
           when coalesce(os.services_open, 0) = 0 then 'orders_verified'
           else 'services_open'
         end as stage
    from lao l
    join scope s on s.code = l.code
    join province p on p.code = l.province_code
    left join admin ad on ad.lao_code = l.code
    left join admin_grant ag on ag.account_id = ad.id
    left join staff st on st.lao_code = l.code
    left join orders od on od.lao_code = l.code
    left join open_services os on os.lao_code = l.code
)`;
  return { sql, params: scope.params };
}

const stageCounts = (prefix: string, extra: string): string =>
  READINESS_STAGES.map((s) => `count(*) filter (where stage = '${s}'${extra})::int as ${prefix}_${s}`).join(
    ',\n       ',
  );

/**
 * One page of LAO rows and the totals of the whole scope (per province, and overall: the empty
 * grouping set), in one statement so the CTE above is computed once.
 */
export function readinessPageSql(scope: SqlFragment, after: string | null, limit: number): SqlFragment {
  const ctes = readinessCtes(scope);
  const sql = `${ctes.sql},
page as (select * from readiness where code > ? order by code limit ?),
totals as (
  select province_code, province_name_th,
         count(*)::int as laos,
         count(*) filter (where phase1_target)::int as phase1_target,
         count(*) filter (where details_complete)::int as details_complete,
         coalesce(sum(services_open), 0)::int as services_open,
       ${stageCounts('stage', '')},
       ${stageCounts('phase1_stage', ' and phase1_target')}
    from readiness
   group by grouping sets ((province_code, province_name_th), ())
)
select (select coalesce(json_agg(page order by page.code), '[]'::json) from page) as items,
       (select coalesce(json_agg(t order by t.province_code nulls first), '[]'::json) from totals t) as totals`;
  return { sql, params: [...ctes.params, after ?? '', limit] };
}

/** Every LAO row of the scope, by code (the CSV export). */
export function readinessRowsSql(scope: SqlFragment): SqlFragment {
  const ctes = readinessCtes(scope);
  return { sql: `${ctes.sql}\nselect * from readiness order by code`, params: ctes.params };
}
