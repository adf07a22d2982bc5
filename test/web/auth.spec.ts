import { EntityManager } from '@mikro-orm/postgresql';
import type { Browser } from 'playwright-core';
import { ensureWebBuild, launchBrowser, openPage } from '../support/browser';
import { ApiClient } from '../support/http';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createAccount } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { createLao } from '../support/workflow-factories';
import { linkToken } from '../orders/support/story-helpers';
import { endSessions, expectAccessible, heading, signIn, signedInPage } from './support/ui';

const PASSWORD = 'Khumuang-Admin-2569!';
const TEMPORARY = 'Temporary-Pass-2569';
const CHANGED = 'Changed-Pass-2569-xyz';

/**
 * Sign-in, the e-mailed set-password link, forced password change, session expiry (sign in again
 * without losing the form) and logout, in Chromium against the real API.
 */
jest.setTimeout(180_000);

describe('web console: signing in', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let browser: Browser;
  let worker: TestWorker;
  let api: ApiClient;
  let lao: { code: string; nameTh: string };
  let officer: { id: string; username: string; password: string };
  let adminId: string;
  let adminUsername: string;

  beforeAll(async () => {
    ensureWebBuild();
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    worker = await startTestWorker(t.env); // the outbox relay sends the set-password mail
    api = new ApiClient(t.baseUrl);
    browser = await launchBrowser();
    const em = t.app.get(EntityManager);
    lao = await createLao(em, { provinceCode: '36', nameTh: 'องค์การบริหารส่วนตำบลคูเมือง' });
    officer = await createAccount(em, { role: 'province_officer', provinceCode: '36' });
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  it('refuses a wrong password with the API message in Thai', async () => {
    const { page, context, problems } = await openPage(browser, t.baseUrl);
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('ชื่อผู้ใช้ (Username)').fill('nobody');
    await page.getByLabel('รหัสผ่าน (Password)').fill('wrong-password-123');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('alert').filter({ hasText: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' }).waitFor();
    await expectAccessible(page, 'sign-in');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the provincial officer creates the LAO admin in the console', async () => {
    const { page, context, problems } = await signedInPage(browser, t, officer.username, officer.password);
    await page.getByRole('menuitem', { name: 'อปท. และผู้ดูแลระบบ' }).click();
    await heading(page, 'อปท. และผู้ดูแลระบบ');
    await expectAccessible(page, 'officer LAO list');
    await page
      .getByRole('row')
      .filter({ hasText: lao.nameTh })
      .getByRole('button', { name: 'สร้างผู้ดูแลระบบ' })
      .click();
    const dialog = page.getByRole('dialog', { name: `สร้างผู้ดูแลระบบ: ${lao.nameTh}` });
    await dialog.getByLabel('ชื่อ', { exact: true }).fill('สมชาย');
    await dialog.getByLabel('นามสกุล').fill('ใจดี');
    await dialog.getByLabel('ตำแหน่ง').fill('นักวิชาการคอมพิวเตอร์');
    await dialog.getByLabel('อีเมล (รับลิงก์ตั้งรหัสผ่าน)').fill('somchai@khumuang.example');
    await dialog.getByRole('button', { name: 'สร้างบัญชีและส่งอีเมล' }).click();
    await page.getByText(/สร้างผู้ดูแลระบบ .+ แล้ว ระบบส่งลิงก์ตั้งรหัสผ่านไปที่ somchai@khumuang\.example/).waitFor();
    // The row now shows the admin instead of the button.
    await page.getByRole('row').filter({ hasText: lao.nameTh }).getByText('รอตั้งรหัสผ่าน').waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const token = await api.login(officer.username, officer.password);
    const accounts = await api.get<{ items: { id: string; username: string; role: string }[] }>(
      `/api/laos/${lao.code}/accounts`,
      token,
    );
    const created = accounts.body.items.find((a) => a.role === 'lao_admin');
    expect(created?.username).toBe(`${lao.code}admin01`);
    adminId = created?.id ?? '';
    adminUsername = created?.username ?? '';
  });

  it('the new LAO admin sets the password from the e-mailed link, then signs in', async () => {
    const mail = await sink.waitFor((m) => m.to.includes('somchai@khumuang.example'));

    const { page, context, problems } = await openPage(browser, t.baseUrl);
    await page.goto(`/set-password#token=${encodeURIComponent(linkToken(mail))}`);
    await heading(page, 'ตั้งรหัสผ่าน');
    await expectAccessible(page, 'set-password');
    await page.getByLabel('รหัสผ่านใหม่').fill(PASSWORD);
    await page.getByLabel('ยืนยันรหัสผ่าน').fill('something-else-123');
    await page.getByRole('button', { name: 'ตั้งรหัสผ่าน' }).click();
    await page.getByText('รหัสผ่านทั้งสองช่องไม่ตรงกัน').waitFor();
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(PASSWORD);
    await page.getByRole('button', { name: 'ตั้งรหัสผ่าน' }).click();
    await page.waitForURL('**/login?reason=password-set');
    await page.getByText('ตั้งรหัสผ่านเรียบร้อยแล้ว').waitFor();
    await signIn(page, adminUsername, PASSWORD);
    await heading(page, lao.nameTh);
    await page.getByText('ความคืบหน้าการตั้งค่า').waitFor();

    // The link is single use.
    await page.goto(`/set-password#token=${encodeURIComponent(linkToken(mail))}`);
    await page.getByLabel('รหัสผ่านใหม่').fill(`${PASSWORD}-2`);
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(`${PASSWORD}-2`);
    await page.getByRole('button', { name: 'ตั้งรหัสผ่าน' }).click();
    await page.getByRole('alert').filter({ hasText: 'ลิงก์ตั้งรหัสผ่านไม่ถูกต้อง' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a temporary password forces a change before anything else', async () => {
    // Temporary passwords are for staff without working e-mail, given by their (active) LAO admin.
    const em = t.app.get(EntityManager);
    const other = await createLao(em, { provinceCode: '36', nameTh: 'องค์การบริหารส่วนตำบลบ้านดู่' });
    const activeAdmin = await createAccount(em, { role: 'lao_admin', laoCode: other.code });
    const adminToken = await api.login(activeAdmin.username, activeAdmin.password);
    const staff = await api.post<{ username: string }>(
      `/api/laos/${other.code}/accounts`,
      {
        title: 'นาง',
        firstName: 'สมใจ',
        lastName: 'ไม่มีเมล',
        position: 'พนักงานจ้าง',
        divisionId: other.divisionIds[0],
        email: 'somjai@bandu.example',
        services: [],
        temporaryPassword: TEMPORARY,
      },
      adminToken,
    );
    expect(staff.status).toBe(201);

    const { page, context, problems } = await openPage(browser, t.baseUrl);
    await page.goto('/login');
    await signIn(page, staff.body.username, TEMPORARY);
    await heading(page, 'เปลี่ยนรหัสผ่าน');
    await page.getByText('รหัสผ่านชั่วคราว').waitFor();
    await expectAccessible(page, 'forced password change');
    await page.goto('/orders');
    await heading(page, 'เปลี่ยนรหัสผ่าน');
    await page.getByLabel('รหัสผ่านปัจจุบัน').fill(TEMPORARY);
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill(CHANGED);
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill(CHANGED);
    await page.getByRole('button', { name: 'บันทึกรหัสผ่านใหม่' }).click();
    // The change ends every session; the console signs in again with the new password.
    await heading(page, 'สวัสดี นางสมใจ ไม่มีเมล');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an ended session asks to sign in again and keeps the half-filled form', async () => {
    const { page, context, problems } = await signedInPage(browser, t, adminUsername, PASSWORD);
    await page.goto('/lao/details');
    await heading(page, 'ตั้งค่าข้อมูล อปท.');
    await page.getByLabel('ที่อยู่').fill('99 หมู่ 1 ตำบลคูเมือง อำเภอหนองบัวแดง จังหวัดชัยภูมิ 36210');
    await page.getByLabel('โทรศัพท์').fill('044-123456');
    await page.getByLabel('อีเมล').fill('saraban@khumuang.example');

    await endSessions(t, adminId);
    await page.getByRole('button', { name: 'บันทึกข้อมูล' }).click();
    const dialog = page.getByRole('dialog', { name: 'เซสชันหมดอายุ กรุณาเข้าสู่ระบบอีกครั้ง' });
    await dialog.waitFor();
    await dialog.getByLabel('รหัสผ่าน').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByText('บันทึกข้อมูล อปท. แล้ว').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('โทรศัพท์').inputValue()).toBe('044-123456');

    const token = await api.login(adminUsername, PASSWORD);
    const saved = await api.get<{ phone: string; detailsComplete: boolean }>(`/api/laos/${lao.code}`, token);
    expect(saved.body).toMatchObject({ phone: '044-123456', detailsComplete: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs out from the account menu', async () => {
    const { page, context } = await signedInPage(browser, t, adminUsername, PASSWORD);
    await heading(page, lao.nameTh);
    await page.getByRole('button', { name: `บัญชีผู้ใช้ ${adminUsername}` }).click();
    await page.getByRole('menuitem', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL('**/login');
    await page.goto('/staff');
    await page.waitForURL('**/login?next=%2Fstaff');
    await context.close();
  });
});
