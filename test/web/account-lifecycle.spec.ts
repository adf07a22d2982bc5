import { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, openPage, screenshot } from '../support/browser';
import { createAccount, type CreatedAccount } from '../support/factories';
import { ApiClient } from '../support/http';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { linkToken } from '../orders/support/story-helpers';
import { importLaos, type SeededLao } from './support/seed';
import { capture, expectAccessible, heading, signIn, signedInPage } from './support/ui';

const ADMIN_EMAIL = 'wanna@khokmuang.example';
const ADMIN_PASSWORD = 'KhokMuang-Admin-2569!';
const RESET_PASSWORD = 'KhokMuang-Reset-2569!x';
const HELPDESK_PASSWORD = 'Helpdesk-Phone-2569!';
const STAFF_PASSWORD = 'KhokMuang-Staff-2569!';
const JUNK = 'Junk/Spam';

/**
 * The account lifecycle in the console, against the real API, worker and an SMTP sink: an officer
 * resends an expired invitation and the admin signs in from the new link; forgot password from the
 * sign-in page; DLA creates a helpdesk account, which finds an LAO admin by the LAO's name and sends a
 * reset link; an active LAO admin on a phone adds a staff member with a temporary password.
 */
jest.setTimeout(240_000);

describe('web console: invitations, links and help', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let browser: Browser;
  let api: ApiClient;
  let lao: SeededLao;
  let officer: CreatedAccount;
  let adminId: string;
  let adminUsername: string;

  beforeAll(async () => {
    ensureWebBuild();
    sink = await startSmtpSink();
    t = await createTestApp({
      env: {
        SMTP_URL: sink.url,
        HELPDESK_PHONE: '02-241-9000 ต่อ 4119',
        HELPDESK_LINE: 'https://line.me/ti/g2/digital-dla-helpdesk',
        MANUAL_URL: 'https://dla.example/manual.pdf',
      },
    });
    worker = await startTestWorker(t.env);
    browser = await launchBrowser();
    api = new ApiClient(t.baseUrl);
    [lao] = await importLaos(t, ['องค์การบริหารส่วนตำบลโคกม่วง']);
    officer = await createAccount(t.app.get(EntityManager), {
      role: 'province_officer',
      provinceCode: '36',
      firstName: 'สุดา',
    });
    const token = await api.login(officer.username, officer.password);
    const created = await api.post<{ id: string; username: string }>(
      `/api/laos/${lao.code}/admins`,
      {
        title: 'นาง',
        firstName: 'วรรณา',
        lastName: 'มีสุข',
        position: 'นักวิชาการคอมพิวเตอร์',
        email: ADMIN_EMAIL,
      },
      token,
    );
    expect(created.status).toBe(201);
    adminId = created.body.id;
    adminUsername = created.body.username;
    await sink.waitFor((m) => m.to.includes(ADMIN_EMAIL));
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  const mailsTo = (to: string) => sink.messages.filter((m) => m.to.includes(to));

  async function setPasswordAt(page: Page, token: string, password: string): Promise<void> {
    await page.goto(`/set-password#token=${encodeURIComponent(token)}`);
    await heading(page, 'ตั้งรหัสผ่าน');
    await page.getByLabel('รหัสผ่านใหม่').fill(password);
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(password);
    await page.getByRole('button', { name: 'ตั้งรหัสผ่าน' }).click();
  }

  it('an officer sees the invitation expired, resends it, and the admin signs in from the new link', async () => {
    const firstMail = mailsTo(ADMIN_EMAIL)[0];
    await t.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(
        `update set_password_token set expires_at = now() - interval '1 minute' where account_id = ?`,
        [adminId],
      );

    const { page, context, problems } = await signedInPage(browser, t, officer.username, officer.password);
    await page.getByRole('menuitem', { name: 'อปท. และผู้ดูแลระบบ' }).click();
    await heading(page, 'อปท. และผู้ดูแลระบบ');
    const row = page.getByRole('row').filter({ hasText: lao.nameTh });
    await row.getByText('ยังไม่เคยเข้าสู่ระบบ').waitFor();
    await row.getByRole('button', { name: `จัดการผู้ดูแลระบบ ${lao.nameTh}` }).click();
    const drawer = page.getByRole('dialog', { name: `จัดการผู้ดูแลระบบ: ${lao.nameTh}` });
    await drawer.getByText(ADMIN_EMAIL).waitFor();
    await drawer.locator('[data-kind="invitation"][data-state="expired"]').waitFor();
    await drawer.getByText(/หมดอายุเมื่อ \d+ .+ 25\d\d/).waitFor();
    await expectAccessible(page, 'officer: LAO admins drawer');
    await screenshot(page, 'lifecycle-officer-expired-invitation');

    await drawer.getByRole('button', { name: `ส่งลิงก์ใหม่ ${adminUsername}` }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'ส่งลิงก์' }).click();
    await page.getByText(`ส่งลิงก์เชิญตั้งรหัสผ่านอีกครั้งไปที่ ${ADMIN_EMAIL} แล้ว`, { exact: false }).waitFor();
    await page.getByText(JUNK, { exact: false }).first().waitFor();
    await drawer.locator('[data-kind="invitation"][data-state="pending"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const second = await sink.waitFor((m) => m.to.includes(ADMIN_EMAIL) && m !== firstMail);
    const admin = await openPage(browser, t.baseUrl);
    // The expired link says what to do, with the helpdesk's contacts.
    await setPasswordAt(admin.page, linkToken(firstMail), ADMIN_PASSWORD);
    const refused = admin.page.getByRole('alert').filter({ hasText: 'ลิงก์ตั้งรหัสผ่านไม่ถูกต้อง' });
    await refused.getByText(/ขอลิงก์ใหม่/).waitFor();
    await refused.getByRole('link', { name: 'ลืมรหัสผ่าน?' }).waitFor();
    await admin.page.getByText('02-241-9000 ต่อ 4119').waitFor();
    await expectAccessible(admin.page, 'set-password: expired link');
    await screenshot(admin.page, 'lifecycle-set-password-expired');

    await setPasswordAt(admin.page, linkToken(second), ADMIN_PASSWORD);
    await admin.page.getByText('ตั้งรหัสผ่านเรียบร้อยแล้ว').waitFor();
    await signIn(admin.page, adminUsername, ADMIN_PASSWORD);
    await heading(admin.page, lao.nameTh);
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    const token = await api.login(officer.username, officer.password);
    const account = await api.get<{ invitation: { state: string }; lastSignInAt: string | null }>(
      `/api/accounts/${adminId}`,
      token,
    );
    expect(account.body.invitation.state).toBe('used');
    expect(account.body.lastSignInAt).not.toBeNull();
  });

  it('an officer corrects the admin’s e-mail, which sends a new link; disables and enables the admin', async () => {
    const { page, context, problems } = await signedInPage(browser, t, officer.username, officer.password);
    await page.goto('/laos');
    await heading(page, 'อปท. และผู้ดูแลระบบ');
    await page.getByRole('row').filter({ hasText: lao.nameTh }).getByText('เข้าสู่ระบบล่าสุด').waitFor();
    await page.getByRole('button', { name: `จัดการผู้ดูแลระบบ ${lao.nameTh}` }).click();
    const drawer = page.getByRole('dialog', { name: `จัดการผู้ดูแลระบบ: ${lao.nameTh}` });
    await drawer.getByRole('button', { name: `แก้ไขอีเมล ${adminUsername}` }).click();
    const dialog = page.getByRole('dialog', { name: `แก้ไขอีเมลและส่งลิงก์ใหม่: ${adminUsername}` });
    await dialog.getByLabel('อีเมลที่ถูกต้อง').fill('wanna.m@khokmuang.example');
    await dialog.getByRole('button', { name: 'บันทึกและส่งลิงก์ใหม่' }).click();
    await page.getByText('ส่งลิงก์ใหม่ไปที่ wanna.m@khokmuang.example แล้ว', { exact: false }).waitFor();
    await drawer.getByText('wanna.m@khokmuang.example').waitFor();
    await sink.waitFor((m) => m.to.includes('wanna.m@khokmuang.example'));

    // The only admin: disabling says the LAO is left without one.
    await drawer.getByRole('button', { name: `ระงับ ${adminUsername}` }).click();
    const confirm = page.getByRole('tooltip');
    await confirm.getByText('อปท. จะไม่มีผู้ดูแลระบบที่ทำงานได้', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'ระงับบัญชี' }).click();
    await drawer.locator('[data-kind="account"][data-state="disabled"]').waitFor();
    // Resending to a disabled account is not offered; enabling is.
    expect(await drawer.getByRole('button', { name: `ส่งลิงก์ใหม่ ${adminUsername}` }).count()).toBe(0);
    await drawer.getByRole('button', { name: `เปิดใช้งาน ${adminUsername}` }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'เปิดใช้งาน' }).click();
    await drawer.locator('[data-kind="account"][data-state="active"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('forgot password: the same answer for anyone; the link from the mail sets a new password', async () => {
    const { page, context, problems } = await openPage(browser, t.baseUrl);
    await page.goto('/login');
    await heading(page, 'เข้าสู่ระบบ Digital DLA');
    await page.getByText('02-241-9000 ต่อ 4119').waitFor();
    await page.getByRole('link', { name: 'คู่มือการใช้งาน' }).waitFor();
    await page.getByRole('link', { name: 'ลืมรหัสผ่าน?' }).click();
    await heading(page, 'ลืมรหัสผ่าน');
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill('nobody-at-all');
    await page.getByRole('button', { name: 'ส่งลิงก์ตั้งรหัสผ่านใหม่' }).click();
    await page.getByText('รับคำขอแล้ว').waitFor();
    const unknownAnswer = await page.locator('.ant-result').innerText();
    expect(unknownAnswer).toContain(JUNK);

    await page.goto('/forgot-password');
    await page.getByLabel('ชื่อผู้ใช้หรืออีเมล').fill('wanna.m@khokmuang.example');
    await page.getByRole('button', { name: 'ส่งลิงก์ตั้งรหัสผ่านใหม่' }).click();
    await page.getByText('รับคำขอแล้ว').waitFor();
    expect(await page.locator('.ant-result').innerText()).toBe(unknownAnswer);
    await screenshot(page, 'lifecycle-forgot-password-sent');

    const mail = await sink.waitFor(
      (m) => m.to.includes('wanna.m@khokmuang.example') && m.subject.includes('ตามที่ท่านร้องขอ'),
    );
    await setPasswordAt(page, linkToken(mail), RESET_PASSWORD);
    await page.getByText('ตั้งรหัสผ่านเรียบร้อยแล้ว').waitFor();
    await signIn(page, adminUsername, RESET_PASSWORD);
    await heading(page, lao.nameTh);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('DLA creates a helpdesk account; it finds the LAO admin by the LAO’s name and sends a reset link', async () => {
    const dla = await signedInPage(browser, t, BOOTSTRAP.username, BOOTSTRAP.password);
    await dla.page.getByRole('menuitem', { name: 'บัญชี สถ. ส่วนกลาง' }).click();
    await heading(dla.page, 'บัญชี สถ. ส่วนกลาง');
    await dla.page.getByLabel('ชื่อ-นามสกุล').fill('นายสมศักดิ์ ช่วยเหลือ');
    await dla.page.getByLabel('ชื่อผู้ใช้ (Username)').fill('dla.helpdesk01');
    await dla.page.getByLabel('อีเมล', { exact: true }).fill('helpdesk01@dla.example');
    await dla.page.getByRole('button', { name: 'สร้างบัญชีและส่งอีเมล' }).click();
    await dla.page.getByText('สร้างบัญชี dla.helpdesk01 แล้ว', { exact: false }).waitFor();
    await dla.page
      .getByRole('row')
      .filter({ hasText: 'dla.helpdesk01' })
      .getByText('Helpdesk', { exact: true })
      .waitFor();
    // The last active DLA admin stays.
    await dla.page.getByRole('button', { name: `ระงับ ${BOOTSTRAP.username}` }).click();
    await dla.page.getByRole('tooltip').getByRole('button', { name: 'ระงับบัญชี' }).click();
    await dla.page
      .locator('.ant-message')
      .getByText('ระงับไม่ได้: ต้องมีผู้ดูแลระบบส่วนกลางที่ใช้งานได้อย่างน้อยหนึ่งบัญชี')
      .waitFor();
    await expectAccessible(dla.page, 'DLA accounts');
    await screenshot(dla.page, 'lifecycle-dla-accounts');
    expect(dla.problems).toEqual([]);
    await dla.context.close();

    const { page, context, problems } = await openPage(browser, t.baseUrl);
    await setPasswordAt(
      page,
      linkToken(await sink.waitFor((m) => m.to.includes('helpdesk01@dla.example'))),
      HELPDESK_PASSWORD,
    );
    await page.getByText('ตั้งรหัสผ่านเรียบร้อยแล้ว').waitFor();
    await signIn(page, 'dla.helpdesk01', HELPDESK_PASSWORD);
    await heading(page, 'ค้นหา อปท. และบัญชีผู้ใช้');
    // Only its own tools in the menu.
    expect(await page.getByRole('menuitem').count()).toBe(2);
    await page.getByRole('menuitem', { name: 'เจ้าหน้าที่ สถ.จ.' }).waitFor();
    await page.getByLabel('ชื่อหรือรหัส อปท.').fill('โคกม่วง');
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await page.getByRole('button', { name: `บัญชีผู้ใช้ของ ${lao.nameTh}` }).click();
    const accounts = page.getByRole('table', { name: `บัญชีผู้ใช้ของ ${lao.nameTh}` });
    const adminRow = accounts.getByRole('row').filter({ hasText: adminUsername });
    await adminRow.getByText('ตั้งรหัสผ่านแล้ว').waitFor();
    // Links only: no e-mail change, no disabling.
    expect(await adminRow.getByRole('button', { name: `ระงับ ${adminUsername}` }).count()).toBe(0);
    expect(await adminRow.getByRole('button', { name: `แก้ไขอีเมล ${adminUsername}` }).count()).toBe(0);
    await expectAccessible(page, 'helpdesk search');
    await screenshot(page, 'lifecycle-helpdesk-search');
    const before = mailsTo('wanna.m@khokmuang.example').length;
    await adminRow.getByRole('button', { name: `ส่งลิงก์ใหม่ ${adminUsername}` }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'ส่งลิงก์' }).click();
    await page.getByText('ส่งลิงก์ตั้งรหัสผ่านใหม่ไปที่ wanna.m@khokmuang.example แล้ว', { exact: false }).waitFor();
    const reset = await sink.waitFor(
      (m) =>
        m.to.includes('wanna.m@khokmuang.example') &&
        mailsTo('wanna.m@khokmuang.example').indexOf(m) >= before,
    );
    expect(linkToken(reset).length).toBeGreaterThan(10);

    await page.getByRole('menuitem', { name: 'เจ้าหน้าที่ สถ.จ.' }).click();
    await heading(page, 'เจ้าหน้าที่ สถ.จ.');
    await page.getByLabel('ค้นหาเจ้าหน้าที่ สถ.จ.').fill(officer.username);
    await page.getByLabel('ค้นหาเจ้าหน้าที่ สถ.จ.').press('Enter');
    await page.getByRole('button', { name: `ส่งลิงก์ใหม่ ${officer.username}` }).waitFor();
    expect(await page.getByRole('button', { name: 'สร้างบัญชีและส่งอีเมล' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an active LAO admin on a phone adds staff with a temporary password, then sees who is on no order', async () => {
    const em = t.app.get(EntityManager);
    const [other] = await importLaos(t, ['องค์การบริหารส่วนตำบลหนองแวง']);
    const active = await createAccount(em, { role: 'lao_admin', laoCode: other.code, firstName: 'ประภา' });
    const token = await api.login(active.username, active.password);
    await api.put(
      `/api/laos/${other.code}/services/waste-fee`,
      { enabled: true, fee: 20, slaDays: 7 },
      token,
    );

    const { page, context, problems } = await signedInPage(browser, t, active.username, active.password, 390);
    await heading(page, other.nameTh);
    await page.goto('/staff');
    await heading(page, 'จัดการผู้ดูแลระบบ');
    await page.getByRole('button', { name: 'เพิ่มเจ้าหน้าที่' }).click();
    const dialog = page.getByRole('dialog', { name: 'เพิ่มเจ้าหน้าที่' });
    await dialog.getByLabel('ชื่อ', { exact: true }).fill('บุญมา');
    await dialog.getByLabel('นามสกุล').fill('ทองดี');
    await dialog.getByLabel('ตำแหน่ง').fill('พนักงานจ้างทั่วไป');
    await dialog.getByLabel('สำนัก/กอง').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dialog.getByLabel('อีเมล (สำหรับรับลิงก์ตั้งรหัสผ่าน)').fill('boonma@nongwaeng.example');
    await dialog.getByRole('group', { name: 'ค่าธรรมเนียมเก็บและขนขยะมูลฝอย' }).getByLabel('ดูข้อมูล').check();
    await dialog.getByLabel('กำหนดรหัสผ่านชั่วคราว (เจ้าหน้าที่ที่ไม่มีอีเมลใช้งาน)').check();
    const shown = (await dialog.getByTestId('temporary-password').innerText()).trim();
    expect(shown).toMatch(/^[A-Za-z3-9]{4}(-[A-Za-z3-9]{4}){3}$/);
    await capture(page, 'lao-admin-staff-add-temporary-390', { axe: false });
    await dialog.getByRole('button', { name: 'เพิ่มเจ้าหน้าที่' }).click();

    const added = page.getByRole('dialog', { name: 'เพิ่ม นายบุญมา ทองดี แล้ว' });
    expect((await added.getByTestId('temporary-password').innerText()).trim()).toBe(shown);
    await added.getByText('ต้องเปลี่ยนเป็นรหัสผ่านของตนเองเมื่อเข้าสู่ระบบครั้งแรก', { exact: false }).waitFor();
    await added.getByRole('button', { name: 'เพิ่มในคำสั่งแต่งตั้ง' }).waitFor();
    await expectAccessible(page, 'staff added with a temporary password');
    await capture(page, 'lao-admin-staff-added-temporary-390', { axe: false });
    await added.locator('.ant-modal-footer').getByRole('button', { name: 'ปิด' }).click();
    await added.waitFor({ state: 'hidden' });

    // Phones get cards, with the sign-in state of each account.
    const card = page.locator('.account-card').filter({ hasText: 'นายบุญมา ทองดี' });
    await card.getByText('ยังไม่เคยเข้าสู่ระบบ').waitFor();
    await capture(page, 'lao-admin-staff-cards-390', { axe: false });
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(1);

    // "รหัสผ่าน" offers both ways.
    const username = (await card.locator('.ant-descriptions-item-content').first().innerText()).trim();
    await card.getByRole('button', { name: `รหัสผ่าน ${username}` }).click();
    const creds = page.getByRole('dialog', { name: `รหัสผ่านของ ${username}` });
    await creds.getByText('ส่งลิงก์ตั้งรหัสผ่านทางอีเมล (boonma@nongwaeng.example)').waitFor();
    await capture(page, 'lao-admin-staff-password-390', { axe: false });
    await creds.getByRole('button', { name: 'ยกเลิก' }).click();

    // Home: the orders step lists who is on no submitted order yet.
    await page.goto('/');
    await heading(page, other.nameTh);
    const uncovered = page.locator('.not-on-order');
    await uncovered.getByText('ยังไม่อยู่ในคำสั่งแต่งตั้ง (1 คน)').waitFor();
    await uncovered.getByText('นายบุญมา ทองดี').waitFor();
    await capture(page, 'lao-admin-home-390', { axe: false });
    expect(problems).toEqual([]);
    await context.close();

    // The staff member signs in with the temporary password and must change it first.
    const staff = await openPage(browser, t.baseUrl);
    await staff.page.goto('/login');
    await signIn(staff.page, username, shown);
    await heading(staff.page, 'เปลี่ยนรหัสผ่าน');
    await staff.page.getByLabel('รหัสผ่านปัจจุบัน').fill(shown);
    await staff.page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(STAFF_PASSWORD);
    await staff.page.getByLabel('ยืนยันรหัสผ่านใหม่').fill(STAFF_PASSWORD);
    await staff.page.getByRole('button', { name: 'บันทึกรหัสผ่านใหม่' }).click();
    await heading(staff.page, /^สวัสดี /);
    await staff.context.close();
  });
});
