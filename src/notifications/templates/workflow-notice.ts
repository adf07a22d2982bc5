import type { NoticeKind } from '../../workflow/transition-context';
import type { MailContent } from '../mail-outbox.service';
import { htmlMail } from './layout';

export interface NoticeOrder {
  id: string;
  label: string;
  laoName: string;
  subject: string;
}

export type NoticeAudience = 'officer' | 'admin' | 'holder';

export interface NoticeInput {
  kind: NoticeKind;
  audience: NoticeAudience;
  orders: NoticeOrder[];
  reason: string | null;
  to: string;
  fullName: string;
  baseUrl: string;
}

export interface RenderedNotice {
  title: string;
  body: string;
  link: string;
  mail: MailContent;
}

/** What happened, in Thai then English, for one order and for a summary of several. */
const HEADLINES: Record<NoticeKind, { one: string; many: (n: number) => string; en: string }> = {
  'order.uploaded': {
    one: 'มีคำสั่งแต่งตั้งรอการตรวจสอบ',
    many: (n) => `มีคำสั่งแต่งตั้งรอการตรวจสอบ ${n} รายการ`,
    en: 'Appointment order(s) waiting for review',
  },
  'order.rejected': {
    one: 'เอกสารคำสั่งแต่งตั้งไม่ผ่านการตรวจสอบ',
    many: (n) => `เอกสารคำสั่งแต่งตั้งไม่ผ่านการตรวจสอบ ${n} รายการ`,
    en: 'The order document was rejected',
  },
  'order.returned': {
    one: 'คำสั่งแต่งตั้งถูกส่งกลับให้แก้ไข',
    many: (n) => `คำสั่งแต่งตั้งถูกส่งกลับให้แก้ไข ${n} รายการ`,
    en: 'The appointment order was returned for correction',
  },
  'order.verified': {
    one: 'คำสั่งแต่งตั้งผ่านการตรวจสอบแล้ว',
    many: (n) => `คำสั่งแต่งตั้งผ่านการตรวจสอบแล้ว ${n} รายการ`,
    en: 'Appointment order(s) verified',
  },
  'order.activated': {
    one: 'คำสั่งแต่งตั้งมีผลใช้งานแล้ว',
    many: (n) => `คำสั่งแต่งตั้งมีผลใช้งานแล้ว ${n} รายการ`,
    en: 'Appointment order(s) now in effect',
  },
  'admin.handover': {
    one: 'เปลี่ยนผู้ดูแลระบบของ อปท. ตามคำสั่งแต่งตั้ง',
    many: (n) => `เปลี่ยนผู้ดูแลระบบของ อปท. ตามคำสั่งแต่งตั้ง ${n} รายการ`,
    en: 'The LAO admin changed with an appointment order',
  },
};

function linkFor(input: NoticeInput): string {
  if (input.audience === 'officer') return `${input.baseUrl}/review-queue`;
  // The previous admin of a handover may read nothing of the LAO any more: the home page explains.
  if (input.audience === 'holder' || input.kind === 'admin.handover') return `${input.baseUrl}/`;
  return input.orders.length === 1
    ? `${input.baseUrl}/orders/${input.orders[0].id}`
    : `${input.baseUrl}/orders`;
}

/** One notice (in-app title/body and the e-mail) for one recipient. */
export function renderNotice(input: NoticeInput): RenderedNotice {
  const headline = HEADLINES[input.kind];
  const title =
    input.audience === 'holder'
      ? 'สิทธิ์การใช้งานระบบ Digital DLA ของท่านมีผลแล้ว'
      : input.orders.length === 1
        ? `${headline.one}: ${input.orders[0].label}`
        : headline.many(input.orders.length);
  const lines = input.orders.map((o) => `• คำสั่ง ${o.laoName} ${o.label} เรื่อง ${o.subject}`);
  // A handover's "reason" says who hands over to whom; it is not a reviewer's reason.
  const reason = input.reason
    ? [input.kind === 'admin.handover' ? input.reason : `เหตุผล: ${input.reason}`]
    : [];
  const body = [...lines, ...reason].join('\n');
  const link = linkFor(input);
  const paragraphs = [`เรียน ${input.fullName}`, title, ...lines, ...reason, `(${headline.en})`];
  return {
    title,
    body,
    link,
    mail: {
      to: input.to,
      subject: `[Digital DLA] ${title}`,
      text: `${paragraphs.join('\n\n')}\n\nดูรายละเอียด: ${link}\n`,
      html: htmlMail(paragraphs, { href: link, label: 'ดูรายละเอียด (View details)' }),
    },
  };
}
