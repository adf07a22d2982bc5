import { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, type OpenPage } from '../support/browser';
import { createAccount, type CreatedAccount } from '../support/factories';
import { ApiClient } from '../support/http';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { orderTextLines, thaiOrderPdf } from '../orders/support/thai-pdf';
import { waitForBody } from '../orders/support/story-helpers';
import { seedOrder } from '../workflow/support/workflow-harness';
import { importLaos, provisionalAdmin, type SeededLao } from './support/seed';
import { bangkokBuddhistYear, expectAccessible, heading, signedInPage, waitForCount } from './support/ui';

const ORDER_NO = 12;
const ORDER_YEAR = bangkokBuddhistYear();

/**
 * The whole appointment-order story in the browser, with the worker in-process: the LAO admin
 * creates an order, uploads a broken and then the signed PDF and watches processing; the provincial
 * officer reviews it beside the rendered PDF and verifies; returns another with a reason; and
 * verifies two at once with per-item results.
 */
jest.setTimeout(180_000);

describe('web console: appointment orders and review', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let browser: Browser;
  let em: EntityManager;
  let lao: SeededLao;
  let admin: CreatedAccount;
  let officer: CreatedAccount;
  let adminPage: OpenPage;
  let officerPage: OpenPage;
  let orderUrl: string;

  beforeAll(async () => {
    ensureWebBuild();
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    worker = await startTestWorker(t.env);
    browser = await launchBrowser();
    em = t.app.get(EntityManager);
    [lao] = await importLaos(t, ['องค์การบริหารส่วนตำบลคูเมือง']);
    admin = await provisionalAdmin(t, lao.code);
    officer = await createAccount(em, { role: 'province_officer', provinceCode: '36' });
    const api = new ApiClient(t.baseUrl);
    const token = await api.login(admin.username, admin.password);
    const divisions = await api.get<{ items: { id: string }[] }>(`/api/laos/${lao.code}/divisions`, token);
    const staff = await api.post(
      `/api/laos/${lao.code}/accounts`,
      {
        title: 'นาง',
        firstName: 'มาลี',
        lastName: 'ศรีสุข',
        position: 'เจ้าพนักงานธุรการ',
        divisionId: divisions.body.items[0].id,
        email: 'malee@khumuang.example',
        services: [],
      },
      token,
    );
    expect(staff.status).toBe(201);
    adminPage = await signedInPage(browser, t, admin.username, admin.password);
  });
  afterAll(async () => {
    await adminPage?.context.close();
    await officerPage?.context.close();
    await browser?.close();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  /** The order's own state tag (its appointees' grant tags use the same state names). */
  const orderState = (page: Page, state: string) =>
    page.locator(`.ant-tag[data-kind="order"][data-state="${state}"]`);

  it('the admin creates an order with its appointees', async () => {
    const { page } = adminPage;
    await page.getByRole('menuitem', { name: 'คำสั่งแต่งตั้ง' }).click();
    await heading(page, 'คำสั่งแต่งตั้ง');
    await page.getByText('ยังไม่มีคำสั่งแต่งตั้ง').waitFor();
    await expectAccessible(page, 'orders (empty)');
    await page.getByRole('button', { name: 'สร้างคำสั่งแต่งตั้ง' }).click();
    await heading(page, 'สร้างคำสั่งแต่งตั้ง');
    await page.getByText('นางมาลี ศรีสุข').waitFor();
    await expectAccessible(page, 'new order');
    await page.getByLabel('เลขที่คำสั่ง (ที่)').fill('๑๒');
    expect(await page.getByLabel('ปี พ.ศ.').inputValue()).toBe(String(ORDER_YEAR));
    // Dates in Thai with the Buddhist Era, in the field and in the picker's header.
    const signed = page.getByLabel('ลงวันที่');
    expect(await signed.inputValue()).toMatch(new RegExp(`^\\d{1,2} [ก-๙]+ ${ORDER_YEAR}$`));
    await signed.click();
    const header = page.locator('.ant-picker-dropdown:visible .ant-picker-header-view');
    await header.waitFor();
    expect(await header.textContent()).toContain(String(ORDER_YEAR));
    await page.keyboard.press('Escape');
    // Both draft grants (the admin's own and the new staff member's) are offered and pre-selected.
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await page.getByRole('button', { name: 'สร้างคำสั่ง' }).click();
    await heading(page, `คำสั่ง ที่ ${ORDER_NO}/${ORDER_YEAR}`);
    orderUrl = page.url();
    await page.getByText('นางมาลี ศรีสุข').waitFor();
    await page.getByText('ยังไม่ได้อัปโหลดไฟล์คำสั่ง').waitFor();
  });

  it('a broken PDF is rejected by the worker with the reason in Thai', async () => {
    const { page } = adminPage;
    // Named .pdf but not one: refused at upload, with the API's reason and what to do about it.
    await page.locator('.uploader input[type=file]').setInputFiles({
      name: 'คำสั่ง.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('คำสั่งแต่งตั้ง (ข้อความ ไม่ใช่ PDF)'),
    });
    const notPdf = page.getByRole('alert').filter({ hasText: 'ไฟล์นี้ไม่ใช่เอกสาร PDF' });
    await notPdf.getByText(/^วิธีแก้: .*PDF/).waitFor();
    await page.locator('.uploader input[type=file]').setInputFiles({
      name: 'broken.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: 'ไฟล์ “broken.pdf” ไม่ผ่านการตรวจสอบ' })
      .waitFor({ timeout: 30_000 });
    await orderState(page, 'draft').waitFor();
  });

  it('the signed PDF is accepted: processing, then uploaded with its findings', async () => {
    const { page } = adminPage;
    const pdf = await thaiOrderPdf(
      orderTextLines({
        laoName: lao.nameTh,
        orderNo: ORDER_NO,
        orderYear: ORDER_YEAR,
        names: ['นายสมชาย ระบบ', 'นางมาลี ศรีสุข'],
      }),
    );
    await page
      .locator('.uploader input[type=file]')
      .setInputFiles({ name: 'คำสั่งแต่งตั้ง.pdf', mimeType: 'application/pdf', buffer: pdf });
    await orderState(page, 'uploaded').waitFor({ timeout: 30_000 });
    await page.getByText('ไฟล์ปัจจุบัน:').waitFor();
    await page
      .getByRole('list', { name: 'ข้อสังเกตจากการตรวจเอกสาร' })
      .or(page.getByText('ไม่พบข้อสังเกต'))
      .first()
      .waitFor();
    await page.getByText('อัปโหลดเอกสาร').first().waitFor();
    await page.getByRole('button', { name: 'ถอนคำสั่ง' }).waitFor();
    await expectAccessible(page, 'order detail');
    expect(adminPage.problems).toEqual([]);
  });

  it('the officer finds it in the queue, reviews it beside the rendered PDF and verifies', async () => {
    officerPage = await signedInPage(browser, t, officer.username, officer.password);
    const { page } = officerPage;
    await heading(page, 'คิวตรวจสอบคำสั่งแต่งตั้ง');
    await expectAccessible(page, 'review queue');
    const link = page.getByRole('link', {
      name: `ตรวจสอบคำสั่ง ที่ ${ORDER_NO}/${ORDER_YEAR} ของ ${lao.nameTh}`,
    });
    await link.focus();
    await page.keyboard.press('Enter');
    await heading(page, `ตรวจสอบคำสั่ง ที่ ${ORDER_NO}/${ORDER_YEAR}`);
    // Every page painted, not merely its canvas in place (pdf.js draws after the canvas is attached).
    await page
      .locator('.pdf-pages[data-rendered="true"] canvas.pdf-page')
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('.pdf-pages').getAttribute('data-pages')).toBe('1');
    // Browser-side code as a string: the test project has no DOM types.
    const inked = Number(
      await page.evaluate(`(() => {
        const c = document.querySelector('canvas.pdf-page');
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
        return dark;
      })()`),
    );
    expect(inked).toBeGreaterThan(500); // the Thai text was drawn
    await expectAccessible(page, 'review with PDF');
    await page.getByRole('button', { name: 'ผ่านการตรวจสอบ' }).click();
    await page.getByText(`คำสั่ง ที่ ${ORDER_NO}/${ORDER_YEAR} ผ่านการตรวจสอบแล้ว`).waitFor();
    await heading(page, 'คิวตรวจสอบคำสั่งแต่งตั้ง');
    await page.getByText('ไม่มีคำสั่งรอตรวจสอบ').waitFor();
    expect(officerPage.problems).toEqual([]);
  });

  it('without a reload the admin is no longer temporary, sees the order in effect and reads a notification', async () => {
    const { page } = adminPage;
    const api = new ApiClient(t.baseUrl);
    const token = await api.login(admin.username, admin.password);
    type Unread = { items: { kind: string }[] };
    // Effective today: the worker activates the order, and that notice is the last one coming.
    const unread = await waitForBody<Unread>(
      api,
      token,
      '/api/notifications?unread=true',
      (b) => b.items.some((n) => n.kind === 'order.activated'),
      30_000,
    );
    const count = unread.items.length;
    expect(count).toBeGreaterThanOrEqual(2); // verified and activated (and the broken upload's)

    // This page was loaded before the verification. The bell finds notices it had not seen and reloads
    // the account with them: the temporary-admin notice goes without a reload.
    await page.getByRole('menuitem', { name: 'หน้าหลัก' }).click();
    await heading(page, lao.nameTh);
    await page.getByRole('button', { name: /^การแจ้งเตือน ยังไม่อ่าน/ }).click();
    await page.getByRole('button', { name: `การแจ้งเตือน ยังไม่อ่าน ${count} รายการ` }).waitFor();
    await page.getByText('ท่านเป็นผู้ดูแลระบบชั่วคราว').waitFor({ state: 'detached' });

    // Opening a notification reads it and goes to the order, which is now in effect.
    await page.locator('.bell-item').first().click();
    await page.waitForURL(orderUrl);
    await page.getByRole('button', { name: `การแจ้งเตือน ยังไม่อ่าน ${count - 1} รายการ` }).waitFor();
    await orderState(page, 'active').waitFor();
    await page.getByText('ตรวจสอบแล้ว (ผ่าน)').waitFor();
    // Read on the server too: the API and, after a reload, the bell count one fewer.
    await waitForBody<Unread>(
      api,
      token,
      '/api/notifications?unread=true',
      (b) => b.items.length === count - 1,
    );
    await page.reload();
    await heading(page, `คำสั่ง ที่ ${ORDER_NO}/${ORDER_YEAR}`);
    await page.getByRole('button', { name: `การแจ้งเตือน ยังไม่อ่าน ${count - 1} รายการ` }).waitFor();
    expect(adminPage.problems).toEqual([]);
  });

  it('withdraws one order; the officer returns one with a required reason and verifies two at once', async () => {
    const holder = () => createAccount(em, { role: 'lao_user', laoCode: lao.code, grant: null });
    const seed = async () =>
      seedOrder(em, {
        laoCode: lao.code,
        provinceCode: '36',
        createdById: admin.id,
        holderIds: [(await holder()).id],
        state: 'uploaded',
        grantState: 'uploaded',
      });
    const toReturn = await seed();
    const good = await seed();
    const stale = await seed();
    const toWithdraw = await seed();

    // The LAO admin takes one back before review.
    const adminUi = adminPage.page;
    await adminUi.goto(`/orders/${toWithdraw.orderId}`);
    await adminUi.getByRole('button', { name: 'ถอนคำสั่ง' }).click();
    await adminUi.getByRole('tooltip').getByRole('button', { name: 'ถอนคำสั่ง' }).click();
    await adminUi.getByText('ถอนคำสั่งกลับมาแก้ไขแล้ว').waitFor();
    await orderState(adminUi, 'draft').waitFor();
    await adminUi.getByText('ถอนคำสั่งกลับมาแก้ไข').first().waitFor();
    const conn = em.fork().getConnection();
    await conn.execute(
      `update appointment_order set submitted_at = now() - interval '40 days' where id = ?`,
      [toReturn.orderId],
    );
    await conn.execute(`update order_document set findings = ?::jsonb where order_id = ?`, [
      JSON.stringify([{ code: 'ORDER_NUMBER_MISMATCH', severity: 'error', expected: '12', found: '13' }]),
      good.orderId,
    ]);

    // The officer's queue has been open since the last verification: the refresh button brings the new ones.
    const { page } = officerPage;
    await heading(page, 'คิวตรวจสอบคำสั่งแต่งตั้ง');
    await page.getByText('ไม่มีคำสั่งรอตรวจสอบ').waitFor();
    await page.getByRole('button', { name: 'รีเฟรช' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await waitForCount(rows, 3);
    // Oldest first, with the overdue tag; findings are badged.
    await rows.first().getByText('เกินกำหนด').waitFor();
    await page.getByText('ข้อสังเกตที่ต้องตรวจ').waitFor();
    await page.getByRole('checkbox', { name: 'เฉพาะที่มีข้อสังเกต' }).check();
    await rows.nth(1).waitFor({ state: 'detached' }); // only the order with findings is left
    await page.getByRole('checkbox', { name: 'เฉพาะที่มีข้อสังเกต' }).uncheck();
    await rows.nth(2).waitFor();

    // Return the overdue one.
    await rows.first().getByRole('link').click();
    await page.getByRole('button', { name: 'ส่งกลับแก้ไข' }).click();
    const dialog = page.getByRole('dialog', { name: 'ส่งกลับให้ อปท. แก้ไข' });
    await dialog.getByRole('button', { name: 'ส่งกลับ' }).click();
    await dialog.getByText('กรุณาระบุเหตุผล').waitFor();
    await dialog.getByLabel('เหตุผล').fill('เลขที่คำสั่งในเอกสารไม่ตรงกับที่กรอก');
    await dialog.getByRole('button', { name: 'ส่งกลับ' }).click();
    await page.getByText(/ส่งคำสั่ง .* กลับให้แก้ไขแล้ว/).waitFor();
    await heading(page, 'คิวตรวจสอบคำสั่งแต่งตั้ง');
    await waitForCount(rows, 2);

    // Bulk: one goes through, one went stale after the queue was loaded.
    for (const i of [0, 1]) await rows.nth(i).getByRole('checkbox').check();
    await conn.execute('update appointment_order set version = version + 1 where id = ?', [stale.orderId]);
    await page.getByRole('button', { name: 'ผ่านการตรวจสอบ (2 รายการ)' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'ยืนยัน' }).click();
    const results = page.getByRole('dialog', { name: 'ผลการตรวจสอบแบบกลุ่ม: ผ่าน 1 จาก 2 รายการ' });
    await results.waitFor();
    await results.getByText('ตรวจสอบแล้ว').waitFor();
    await results.getByText('ไม่สำเร็จ').waitFor();
    expect((await results.textContent()) ?? '').toMatch(/[ก-๙]{4,}/);
    await results.getByRole('button', { name: 'ตกลง' }).click();
    // The two rows stay on screen while the queue reloads: wait for the one that is left.
    await results.waitFor({ state: 'detached' });
    await waitForCount(rows, 1);
    expect(officerPage.problems).toEqual([]);
    expect(good.orderId).toBeTruthy();
  });
});
