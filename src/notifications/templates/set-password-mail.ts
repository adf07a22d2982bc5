import type { Role } from '../../accounts/entities/account.entity';
import type { SetPasswordPurpose } from '../../auth/entities/set-password-token.entity';
import type { MailContent } from '../mail-outbox.service';
import { htmlMail, thaiDateTime } from './layout';

export interface SetPasswordMailInput {
  to: string;
  fullName: string;
  username: string;
  link: string;
  expiresAt: Date;
  purpose: SetPasswordPurpose;
  laoName?: string | null;
  provinceName?: string | null;
  role?: Role;
}

/** "An account as <what>" in the invitation: officers are not LAO admins. */
function invitedAs(input: SetPasswordMailInput): string {
  if (input.role === 'province_officer') {
    return `เจ้าหน้าที่สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${input.provinceName ?? ''} (ผู้ตรวจสอบคำสั่งแต่งตั้ง)`;
  }
  if (input.role === 'dla_admin') return 'ผู้ดูแลระบบส่วนกลาง กรมส่งเสริมการปกครองท้องถิ่น';
  if (input.role === 'dla_helpdesk') return 'เจ้าหน้าที่ช่วยเหลือผู้ใช้ (Helpdesk) กรมส่งเสริมการปกครองท้องถิ่น';
  return `ผู้ดูแลระบบ${input.laoName ? ` ของ${input.laoName}` : ''}`;
}

const SUBJECTS: Record<SetPasswordMailInput['purpose'], string> = {
  invite: 'เชิญเข้าใช้งานระบบ Digital DLA: ตั้งรหัสผ่านของท่าน',
  activation: 'สิทธิ์การใช้งานระบบ Digital DLA ของท่านพร้อมแล้ว: ตั้งรหัสผ่าน',
  reset: 'ตั้งรหัสผ่านใหม่สำหรับระบบ Digital DLA',
  forgot: 'ตั้งรหัสผ่านใหม่สำหรับระบบ Digital DLA (ตามที่ท่านร้องขอ)',
};

const OPENINGS: Record<SetPasswordPurpose, (input: SetPasswordMailInput) => string> = {
  invite: (input) => `ท่านได้รับการสร้างบัญชี${invitedAs(input)} ในระบบบริการประชาชนและบริหารท้องถิ่นดิจิทัล`,
  activation: () => 'สิทธิ์การใช้งานระบบบริการประชาชนและบริหารท้องถิ่นดิจิทัลของท่านพร้อมใช้งานแล้ว',
  reset: () => 'ผู้ดูแลของท่านได้ออกลิงก์สำหรับตั้งรหัสผ่านใหม่ให้ท่าน',
  forgot: () => 'มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชีของท่าน (ลืมรหัสผ่าน)',
};

/** The invitation / activation mail: a one-time link, never a password. */
export function setPasswordMail(input: SetPasswordMailInput): MailContent {
  const paragraphs = [
    `เรียน ${input.fullName}`,
    OPENINGS[input.purpose](input),
    `ชื่อผู้ใช้ (Username): ${input.username}`,
    `กรุณาตั้งรหัสผ่านผ่านลิงก์ด้านล่าง ลิงก์นี้ใช้ได้ครั้งเดียวและหมดอายุ ${thaiDateTime(input.expiresAt)}`,
    'ระบบจะไม่ส่งรหัสผ่านทางอีเมล หากท่านไม่ได้ร้องขอ กรุณาเพิกเฉยต่ออีเมลนี้',
  ];
  return {
    to: input.to,
    subject: SUBJECTS[input.purpose],
    text: `${paragraphs.join('\n\n')}\n\nตั้งรหัสผ่าน: ${input.link}\n`,
    html: htmlMail(paragraphs, { href: input.link, label: 'ตั้งรหัสผ่าน (Set your password)' }),
  };
}
