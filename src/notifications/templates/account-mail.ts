import type { MailContent } from '../mail-outbox.service';
import { htmlMail, thaiDateTime } from './layout';

/** Told to the old address: if the change was not expected, the person can say so before it matters. */
export function emailChangedMail(input: {
  to: string;
  fullName: string;
  username: string;
  newEmail: string;
  changedAt: Date;
}): MailContent {
  const paragraphs = [
    `เรียน ${input.fullName}`,
    `อีเมลของบัญชี ${input.username} ในระบบ Digital DLA ถูกเปลี่ยนเป็น ${maskEmail(input.newEmail)} เมื่อ ${thaiDateTime(input.changedAt)}`,
    'ต่อไประบบจะส่งลิงก์ตั้งรหัสผ่านและการแจ้งเตือนไปที่อีเมลใหม่ หากท่านไม่ได้ขอเปลี่ยน กรุณาติดต่อผู้ดูแลของท่านหรือ Helpdesk ทันที',
    '(The e-mail address of your Digital DLA account was changed. If you did not expect this, contact your administrator or the helpdesk.)',
  ];
  return {
    to: input.to,
    subject: 'อีเมลของบัญชี Digital DLA ของท่านถูกเปลี่ยน',
    text: `${paragraphs.join('\n\n')}\n`,
    html: htmlMail(paragraphs),
  };
}

/**
 * Forgot password by an e-mail address that two accounts share: no link (it could reach the wrong
 * person's account); the usernames are not listed either, only how to ask by username.
 */
export function forgotSharedEmailMail(input: { to: string }): MailContent {
  const paragraphs = [
    'มีการขอตั้งรหัสผ่านใหม่ในระบบ Digital DLA ด้วยอีเมลนี้',
    'อีเมลนี้ใช้กับบัญชีมากกว่าหนึ่งบัญชี ระบบจึงไม่ส่งลิงก์ กรุณาขอใหม่ที่หน้า "ลืมรหัสผ่าน" โดยกรอกชื่อผู้ใช้ (Username) แทนอีเมล',
    'หากท่านไม่ได้ร้องขอ กรุณาเพิกเฉยต่ออีเมลนี้',
    '(This address belongs to more than one account, so no link was sent: ask again with your username.)',
  ];
  return {
    to: input.to,
    subject: 'ตั้งรหัสผ่านใหม่: กรุณาระบุชื่อผู้ใช้',
    text: `${paragraphs.join('\n\n')}\n`,
    html: htmlMail(paragraphs),
  };
}

/** s******@example.go.th: enough to recognise, not enough to harvest from a forwarded mail. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}${'*'.repeat(Math.max(3, at - 1))}${email.slice(at)}`;
}
