import { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, openPage, type OpenPage } from '../support/browser';
import { createAccount, type CreatedAccount } from '../support/factories';
import { ApiClient } from '../support/http';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { setPasswordFromMail, uploadPdf, waitForBody } from '../orders/support/story-helpers';
import { orderTextLines, thaiOrderPdf } from '../orders/support/thai-pdf';
import { importLaos, type SeededLao } from './support/seed';
import { bangkokBuddhistYear, capture, expectAccessible, heading, signIn, signedInPage } from './support/ui';

const NEW_EMAIL = 'wichai@nonthong.example';
const NEW_PASSWORD = 'NonThong-Admin02-2569!';
const HANDOVER = 'เปลี่ยนผู้ดูแลระบบของ อปท. ตามคำสั่งแต่งตั้ง';

interface Notice {
  kind: string;
  title: string;
}

/**
 * An LAO admin changes job: the officer creates the next admin (admin02) while admin01 still works; a
 * second handover waits its turn (409); admin02's order is uploaded, verified and takes effect; admin01
 * is left with no admin powers, and admin01, admin02 and the officer are told in the console.
 */
jest.setTimeout(240_000);

describe('web console: handing an LAO over to a new admin', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let browser: Browser;
  let api: ApiClient;
  let lao: SeededLao;
  let officer: CreatedAccount;
  let admin01: CreatedAccount;
  let officerPage: OpenPage;
  const admin02 = () => `${lao.code}admin02`;

  beforeAll(async () => {
    ensureWebBuild();
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    worker = await startTestWorker(t.env);
    browser = await launchBrowser();
    api = new ApiClient(t.baseUrl);
    [lao] = await importLaos(t, ['องค์การบริหารส่วนตำบลโนนทอง']);
    const em = t.app.get(EntityManager);
    officer = await createAccount(em, { role: 'province_officer', provinceCode: '36', firstName: 'สุดา' });
    admin01 = await createAccount(em, {
      role: 'lao_admin',
      laoCode: lao.code,
      username: `${lao.code}admin01`,
      firstName: 'สมชาย',
    });
    officerPage = await signedInPage(browser, t, officer.username, officer.password);
  });
  afterAll(async () => {
    await officerPage?.context.close();
    await browser?.close();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  async function waitForNotice(username: string, password: string): Promise<void> {
    const token = await api.login(username, password);
    await waitForBody<{ items: Notice[] }>(
      api,
      token,
      '/api/notifications?unread=true',
      (b) => b.items.some((n) => n.kind === 'admin.handover'),
      30_000,
    );
  }

  async function bellShowsHandover(page: Page): Promise<void> {
    await page.getByRole('button', { name: /^การแจ้งเตือน ยังไม่อ่าน [1-9]/ }).click();
    await page.locator('.bell-panel').getByText(HANDOVER, { exact: false }).first().waitFor();
  }

  it('the officer creates the next admin as a handover; a second one waits its turn', async () => {
    const { page } = officerPage;
    await page.getByRole('menuitem', { name: 'อปท. และผู้ดูแลระบบ' }).click();
    await heading(page, 'อปท. และผู้ดูแลระบบ');
    await page.getByRole('button', { name: `จัดการผู้ดูแลระบบ ${lao.nameTh}` }).click();
    const drawer = page.getByRole('dialog', { name: `จัดการผู้ดูแลระบบ: ${lao.nameTh}` });
    await drawer.getByText(admin01.username).first().waitFor();
    await drawer.getByRole('button', { name: 'สร้างผู้ดูแลระบบคนใหม่ / โอนงาน' }).click();

    const dialog = page.getByRole('dialog', { name: `สร้างผู้ดูแลระบบคนใหม่ (โอนงาน): ${lao.nameTh}` });
    await dialog.getByText('ผู้ดูแลระบบคนใหม่จะรับงานต่อเมื่อคำสั่งแต่งตั้งมีผล').waitFor();
    await expectAccessible(page, 'handover dialog');
    await dialog.getByLabel('ชื่อ', { exact: true }).fill('วิชัย');
    await dialog.getByLabel('นามสกุล').fill('ใหม่ใจ');
    await dialog.getByLabel('ตำแหน่ง').fill('นักวิชาการคอมพิวเตอร์');
    await dialog.getByLabel('อีเมล (รับลิงก์ตั้งรหัสผ่าน)').fill(NEW_EMAIL);
    await dialog.getByRole('button', { name: 'สร้างบัญชีและส่งอีเมล' }).click();
    await page.getByText(`สร้างผู้ดูแลระบบ ${admin02()} แล้ว`, { exact: false }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const card = drawer.locator('.account-card').filter({ hasText: admin02() });
    await card.getByText('ผู้ดูแลระบบคนใหม่ (รอคำสั่งแต่งตั้งมีผล)').waitFor();
    await card.locator('[data-kind="invitation"][data-state="pending"]').waitFor();
    await capture(page, 'handover-officer-drawer', { axe: false });

    // One handover at a time: the API's Thai message in the dialog.
    await drawer.getByText('มีผู้ดูแลระบบที่รอคำสั่งแต่งตั้งมีผลอยู่แล้ว').waitFor();
    await drawer.getByRole('button', { name: 'สร้างผู้ดูแลระบบคนใหม่ / โอนงาน' }).click();
    const again = page.getByRole('dialog', { name: `สร้างผู้ดูแลระบบคนใหม่ (โอนงาน): ${lao.nameTh}` });
    await again.getByLabel('ชื่อ', { exact: true }).fill('มานะ');
    await again.getByLabel('นามสกุล').fill('อีกคน');
    await again.getByLabel('ตำแหน่ง').fill('นักวิชาการคอมพิวเตอร์');
    await again.getByLabel('อีเมล (รับลิงก์ตั้งรหัสผ่าน)').fill('mana@nonthong.example');
    await again.getByRole('button', { name: 'สร้างบัญชีและส่งอีเมล' }).click();
    await again.getByRole('alert').filter({ hasText: 'อปท. นี้มีผู้ดูแลระบบใหม่ที่รอคำสั่งแต่งตั้งอยู่แล้ว' }).waitFor();
    await again.getByRole('button', { name: 'ยกเลิก' }).click();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(officerPage.problems).toEqual([]);
  });

  it('admin02 sets a password; its order is uploaded, verified and takes effect', async () => {
    await setPasswordFromMail(api, await sink.waitFor((m) => m.to.includes(NEW_EMAIL)), NEW_PASSWORD);
    const token = await api.login(admin02(), NEW_PASSWORD);
    const accounts = await api.get<{ items: { username: string; grant: { id: string } | null }[] }>(
      `/api/laos/${lao.code}/accounts`,
      token,
    );
    const grantId = accounts.body.items.find((a) => a.username === admin02())?.grant?.id;
    const year = bangkokBuddhistYear();
    const order = await api.post<{ id: string }>(
      `/api/laos/${lao.code}/orders`,
      {
        orderNo: '21',
        orderYear: String(year),
        subject: 'แต่งตั้งผู้ดูแลระบบ Digital DLA (แทนคนเดิม)',
        signedDate: '2026-01-05',
        effectiveDate: '2026-01-05',
        grantIds: [grantId],
      },
      token,
    );
    expect(order.status).toBe(201);
    const pdf = await thaiOrderPdf(
      orderTextLines({ laoName: lao.nameTh, orderNo: 21, orderYear: year, names: ['นายวิชัย ใหม่ใจ'] }),
    );
    expect((await uploadPdf(api, token, order.body.id, pdf)).status).toBe(202);
    const uploaded = await waitForBody<{ state: string; version: number; document: { sha256: string } }>(
      api,
      token,
      `/api/orders/${order.body.id}`,
      (o) => o.state === 'uploaded',
      30_000,
    );
    const officerToken = await api.login(officer.username, officer.password);
    const verified = await api.post(
      `/api/orders/${order.body.id}/verify`,
      { version: uploaded.version, documentSha256: uploaded.document.sha256 },
      officerToken,
    );
    expect(verified.status).toBeLessThan(300);
    await waitForBody<{ state: string }>(
      api,
      token,
      `/api/orders/${order.body.id}`,
      (o) => o.state === 'active',
      30_000,
    );
  });

  it('admin01 has no admin powers left and is told; admin02 and the officer are told too', async () => {
    await waitForNotice(admin01.username, admin01.password);
    const old = await openPage(browser, t.baseUrl);
    await old.page.goto('/login');
    await signIn(old.page, admin01.username, admin01.password);
    await heading(old.page, 'ท่านไม่มีสิทธิ์ผู้ดูแลระบบของ อปท. แล้ว');
    await old.page.getByText('กรุณาติดต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', { exact: false }).waitFor();
    // Nothing of the LAO in the menu.
    expect(await old.page.getByRole('menuitem').count()).toBe(1);
    await expectAccessible(old.page, 'admin without powers');
    await bellShowsHandover(old.page);
    await capture(old.page, 'handover-old-admin', { axe: false });
    await old.page.goto('/staff');
    await old.page.getByText('ไม่พบหน้านี้').waitFor();
    expect(old.problems).toEqual([]);
    await old.context.close();

    await waitForNotice(admin02(), NEW_PASSWORD);
    const next = await signedInPage(browser, t, admin02(), NEW_PASSWORD);
    await heading(next.page, lao.nameTh);
    expect(await next.page.getByText('ท่านเป็นผู้ดูแลระบบชั่วคราว').count()).toBe(0);
    await bellShowsHandover(next.page);
    expect(next.problems).toEqual([]);
    await next.context.close();

    await waitForNotice(officer.username, officer.password);
    const { page } = officerPage;
    await page.reload();
    await heading(page, 'อปท. และผู้ดูแลระบบ');
    await bellShowsHandover(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `จัดการผู้ดูแลระบบ ${lao.nameTh}` }).click();
    const drawer = page.getByRole('dialog', { name: `จัดการผู้ดูแลระบบ: ${lao.nameTh}` });
    const oldCard = drawer.locator('.account-card').filter({ hasText: admin01.username });
    await oldCard.locator('[data-kind="grant"][data-state="ended"]').waitFor();
    const newCard = drawer.locator('.account-card').filter({ hasText: admin02() });
    await newCard.locator('[data-kind="grant"][data-state="active"]').waitFor();
    await capture(page, 'handover-officer-after', { axe: false });
    expect(officerPage.problems).toEqual([]);
  });
});
