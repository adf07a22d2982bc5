import type { Account, GrantState, Lao, LaoService, Order } from '../../api/types';

export type StepKey = 'details' | 'services' | 'staff' | 'orders' | 'verified';

export interface SetupStep {
  key: StepKey;
  title: string;
  done: boolean;
  next: string;
  path: string;
  action: string;
}

const SUBMITTED: ReadonlySet<GrantState> = new Set(['uploaded', 'verified', 'active']);
const VERIFIED: ReadonlySet<GrantState> = new Set(['verified', 'active']);
const ENDED: ReadonlySet<GrantState> = new Set(['revoked', 'superseded']);

const liveGrant = (a: Account): boolean =>
  (!!a.grant && !ENDED.has(a.grant.state)) || (!!a.pendingGrant && !ENDED.has(a.pendingGrant.state));

/** The admin and staff the orders must cover: not disabled, with a grant still in force or on its way. */
export function peopleToCover(accounts: Account[]): Account[] {
  return accounts.filter(
    (a) => (a.role === 'lao_admin' || a.role === 'lao_user') && a.status !== 'disabled' && liveGrant(a),
  );
}

/** Whether the person is on an order submitted to the province (or already verified or in force). */
export const onSubmittedOrder = (a: Account): boolean =>
  (!!a.grant && SUBMITTED.has(a.grant.state)) || (!!a.pendingGrant && SUBMITTED.has(a.pendingGrant.state));

/** Who is on no submitted order yet (on a draft order or none): the home page lists them. */
export function notOnOrder(accounts: Account[]): Account[] {
  return peopleToCover(accounts).filter((a) => !onSubmittedOrder(a));
}

/** The LAO admin's checklist: details → services → staff → orders → verified. */
export function setupSteps(input: {
  lao: Lao;
  services: LaoService[];
  accounts: Account[];
  orders: Order[];
  grantState: GrantState | null;
}): SetupStep[] {
  const staff = input.accounts.filter((a) => a.role === 'lao_user' && a.status !== 'disabled');
  return [
    {
      key: 'details',
      title: 'ตั้งค่า อปท.',
      done: input.lao.detailsComplete,
      next: 'กรอกที่อยู่ โทรศัพท์ และอีเมลของ อปท. ให้ครบ',
      path: '/lao/details',
      action: 'ตั้งค่าข้อมูล อปท.',
    },
    {
      key: 'services',
      title: 'งานบริการ',
      done: input.services.some((s) => s.enabled),
      next: 'เลือกงานบริการที่ อปท. จะให้บริการ กำหนดค่าธรรมเนียม สำนัก/กองที่รับผิดชอบ และระยะเวลา',
      path: '/lao/services',
      action: 'ตั้งค่างานบริการ',
    },
    {
      key: 'staff',
      title: 'เจ้าหน้าที่',
      done: staff.length > 0,
      next: 'เพิ่มเจ้าหน้าที่ผู้ปฏิบัติงาน และกำหนดงานบริการที่แต่ละคนรับผิดชอบ',
      path: '/staff',
      action: 'เพิ่มเจ้าหน้าที่',
    },
    {
      key: 'orders',
      title: 'คำสั่งแต่งตั้ง',
      // Everyone is covered: the admin and every active staff member are on a submitted order.
      done: peopleToCover(input.accounts).length > 0 && notOnOrder(input.accounts).length === 0,
      next:
        notOnOrder(input.accounts).length > 0 && input.orders.length > 0
          ? 'ยังมีผู้ที่ไม่อยู่ในคำสั่งแต่งตั้งที่ส่งตรวจแล้ว เพิ่มรายชื่อในคำสั่งแต่งตั้ง (ฉบับใหม่หรือฉบับร่าง) แล้วอัปโหลดไฟล์ PDF ที่ลงนามแล้ว'
          : 'สร้างคำสั่งแต่งตั้ง เลือกผู้ได้รับแต่งตั้ง และอัปโหลดไฟล์ PDF ที่ลงนามแล้ว',
      path: '/orders',
      action: 'จัดการคำสั่งแต่งตั้ง',
    },
    {
      key: 'verified',
      title: 'ผ่านการตรวจสอบ',
      done: input.grantState !== null && VERIFIED.has(input.grantState),
      next: 'รอสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดตรวจสอบคำสั่งแต่งตั้ง ระบบจะแจ้งเตือนเมื่อมีผล',
      path: '/orders',
      action: 'ดูสถานะคำสั่งแต่งตั้ง',
    },
  ];
}
