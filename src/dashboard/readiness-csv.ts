import { GRANT_STATES, type GrantState } from '../accounts/entities/account-grant.entity';
import type { AccountStatus } from '../accounts/entities/account.entity';
import { ORDER_STATES, type OrderState } from '../orders/entities/appointment-order.entity';
import type { ReadinessLaoView } from './readiness.view';

const GRANT_STATE_TH: Readonly<Record<GrantState, string>> = {
  draft: 'ร่าง',
  uploaded: 'ส่งตรวจแล้ว',
  verified: 'ตรวจสอบแล้ว',
  active: 'ใช้งาน',
  revoked: 'เพิกถอน',
  superseded: 'ถูกแทนที่',
};
const ORDER_STATE_TH: Readonly<Record<OrderState, string>> = {
  draft: 'ร่าง',
  uploaded: 'รอตรวจสอบ',
  returned: 'ส่งกลับแก้ไข',
  verified: 'ตรวจสอบแล้ว',
  active: 'มีผลใช้บังคับ',
  revoked: 'เพิกถอน',
};
const ACCOUNT_STATUS_TH: Readonly<Record<AccountStatus, string>> = {
  invited: 'รอเข้าใช้งานครั้งแรก',
  active: 'ใช้งาน',
  disabled: 'ระงับ',
};
const yesNo = (value: boolean): string => (value ? 'ใช่' : 'ไม่ใช่');

const COLUMNS: ReadonlyArray<[header: string, value: (r: ReadinessLaoView) => string | number]> = [
  ['รหัส อปท.', (r) => r.code],
  ['ชื่อ อปท.', (r) => r.nameTh],
  ['ประเภท', (r) => r.typeLabel],
  ['รหัสจังหวัด', (r) => r.province.code],
  ['จังหวัด', (r) => r.province.nameTh],
  ['เป้าหมายระยะที่ 1', (r) => yesNo(r.phase1Target)],
  ['ขั้นความพร้อม', (r) => r.stageLabel],
  ['รหัสขั้นความพร้อม', (r) => r.stage],
  ['ชื่อผู้ใช้ผู้ดูแลระบบ', (r) => r.adminAccount.username ?? ''],
  ['สถานะบัญชีผู้ดูแลระบบ', (r) => (r.adminAccount.status ? ACCOUNT_STATUS_TH[r.adminAccount.status] : '')],
  [
    'ผู้ดูแลระบบเคยเข้าสู่ระบบ',
    (r) => (!r.adminAccount.exists ? '' : r.adminAccount.lastSignInAt ? 'เคย' : 'ยังไม่เคย'),
  ],
  ['สถานะสิทธิ์ผู้ดูแลระบบ', (r) => (r.adminGrantState ? GRANT_STATE_TH[r.adminGrantState] : '')],
  ...GRANT_STATES.map((s): [string, (r: ReadinessLaoView) => number] => [
    `สิทธิ์เจ้าหน้าที่ (${GRANT_STATE_TH[s]})`,
    (r) => r.staffGrants[s],
  ]),
  ...ORDER_STATES.map((s): [string, (r: ReadinessLaoView) => number] => [
    `คำสั่งแต่งตั้ง (${ORDER_STATE_TH[s]})`,
    (r) => r.orders[s],
  ]),
  ['บริการที่เปิดให้ประชาชน', (r) => r.servicesOpen],
  ['ข้อมูล อปท. ครบถ้วน', (r) => yesNo(r.detailsComplete)],
];

/**
 * RFC 4180 CSV with a UTF-8 BOM (Excel otherwise reads Thai as mojibake) and CRLF. A cell that
 * starts like a formula is prefixed with an apostrophe so a spreadsheet shows it instead of running it.
 */
export function readinessCsv(rows: readonly ReadinessLaoView[]): string {
  const lines = [COLUMNS.map(([header]) => cell(header)).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([, value]) => cell(value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
