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

const SUBMITTED = new Set(['uploaded', 'verified', 'active']);
const VERIFIED: ReadonlySet<GrantState> = new Set(['verified', 'active']);

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
      title: 'ข้อมูล อปท.',
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
      done: input.orders.some((o) => SUBMITTED.has(o.state)),
      next: 'สร้างคำสั่งแต่งตั้ง เลือกผู้ได้รับแต่งตั้ง และอัปโหลดไฟล์ PDF ที่ลงนามแล้ว',
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
