import { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, openPage } from '../support/browser';
import { createAccount, type CreatedAccount } from '../support/factories';
import { ApiClient } from '../support/http';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { uploadPdf, waitForBody } from '../orders/support/story-helpers';
import { orderTextLines, thaiOrderPdf } from '../orders/support/thai-pdf';
import type { A11yViolation } from '../support/browser';
import { importLaos, type SeededLao } from './support/seed';
import { bangkokBuddhistYear, capture, heading, signIn } from './support/ui';

interface Screen {
  name: string;
  path: string;
  /** The page's h1, to know it rendered. */
  title: string | RegExp;
  /** Also at 390 px (phones): the review queue and the dashboards. */
  phone?: boolean;
  /** Something to do after load (open a dialog, show errors). */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * Every main screen of each role at 1280 and 768 px (queue and dashboards also at 390 px): a
 * screenshot in test-artifacts/screenshots/, no horizontal overflow, no console errors or CSP
 * violations, and (at 1280 px) no serious or critical axe-core violation.
 */
jest.setTimeout(300_000);

describe('web console: screens, accessibility and layout', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let browser: Browser;
  let laos: SeededLao[];
  let admin: CreatedAccount;
  let officer: CreatedAccount;
  let orderId: string;
  const violations: Record<string, A11yViolation[]> = {};

  beforeAll(async () => {
    ensureWebBuild();
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    worker = await startTestWorker(t.env);
    browser = await launchBrowser();
    const em = t.app.get(EntityManager);
    laos = await importLaos(t, ['องค์การบริหารส่วนตำบลคูเมือง', 'เทศบาลตำบลตลาดแร้ง', 'องค์การบริหารส่วนตำบลบ้านเพชร']);
    const lao = laos[0];
    admin = await createAccount(em, {
      role: 'lao_admin',
      laoCode: lao.code,
      grant: { state: 'draft' },
      firstName: 'สมชาย',
    });
    officer = await createAccount(em, { role: 'province_officer', provinceCode: '36', firstName: 'สุดา' });
    const api = new ApiClient(t.baseUrl);
    const token = await api.login(admin.username, admin.password);
    await api.patch(
      `/api/laos/${lao.code}`,
      { address: '99 หมู่ 1 ตำบลคูเมือง', phone: '044-123456', email: 'saraban@khumuang.example' },
      token,
    );
    await api.put(`/api/laos/${lao.code}/services/waste-fee`, { enabled: true, fee: 20, slaDays: 7 }, token);
    const divisions = await api.get<{ items: { id: string }[] }>(`/api/laos/${lao.code}/divisions`, token);
    for (const [firstName, lastName] of [
      ['มาลี', 'ศรีสุข'],
      ['ประยุทธ', 'ขยันดี'],
    ]) {
      const res = await api.post(
        `/api/laos/${lao.code}/accounts`,
        {
          title: 'นาง',
          firstName,
          lastName,
          position: 'เจ้าพนักงานธุรการ',
          divisionId: divisions.body.items[0].id,
          email: `${firstName}@khumuang.example`,
          services: [{ serviceKey: 'waste-fee', actions: ['view', 'process'] }],
        },
        token,
      );
      expect(res.status).toBe(201);
    }
    const accounts = await api.get<{ items: { grant: { id: string; state: string } | null }[] }>(
      `/api/laos/${lao.code}/accounts`,
      token,
    );
    const grantIds = accounts.body.items.flatMap((a) => (a.grant?.state === 'draft' ? [a.grant.id] : []));
    const year = bangkokBuddhistYear();
    const order = await api.post<{ id: string }>(
      `/api/laos/${lao.code}/orders`,
      {
        orderNo: '7',
        orderYear: String(year),
        subject: 'แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ผู้ปฏิบัติงานระบบ Digital DLA',
        signedDate: '2026-01-05',
        effectiveDate: '2026-01-05',
        grantIds,
      },
      token,
    );
    expect(order.status).toBe(201);
    orderId = order.body.id;
    // A name that is not in the PDF gives the reviewer a finding to look at.
    const pdf = await thaiOrderPdf(
      orderTextLines({
        laoName: lao.nameTh,
        orderNo: 7,
        orderYear: year,
        names: ['นายสมชาย ระบบ', 'นางมาลี ศรีสุข'],
      }),
    );
    expect((await uploadPdf(api, token, orderId, pdf)).status).toBe(202);
    await waitForBody<{ state: string }>(
      api,
      token,
      `/api/orders/${orderId}`,
      (o) => o.state === 'uploaded',
      30_000,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  async function visit(role: string, username: string, password: string, screens: Screen[]): Promise<void> {
    for (const width of [1280, 768, 390]) {
      const list = screens.filter((s) => width !== 390 || s.phone);
      if (list.length === 0) continue;
      const { page, context, problems } = await openPage(
        browser,
        t.baseUrl,
        width,
        width === 390 ? 844 : 900,
      );
      await page.goto('/login');
      await signIn(page, username, password);
      for (const s of list) {
        // Client-side navigation (the console's router follows popstate): no reload per screen.
        await page.evaluate(
          `history.pushState(null, '', ${JSON.stringify(s.path)}); dispatchEvent(new PopStateEvent('popstate'))`,
        );
        await heading(page, s.title);
        await s.prepare?.(page);
        const name = `${role}-${s.name}-${width}`;
        const found = await capture(page, name, { axe: width === 1280 });
        if (found.length) violations[name] = found;
        const overflow = Number(
          await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
        );
        expect({ screen: name, overflow: overflow > 1 ? overflow : 0 }).toEqual({
          screen: name,
          overflow: 0,
        });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }

  it('public pages', async () => {
    for (const width of [1280, 768, 390]) {
      const { page, context, problems } = await openPage(browser, t.baseUrl, width);
      await page.goto('/login');
      await heading(page, 'เข้าสู่ระบบ Digital DLA');
      const login = await capture(page, `public-login-${width}`, { axe: width === 1280 });
      if (login.length) violations[`public-login-${width}`] = login;
      await page.goto('/set-password#token=0123456789abcdef');
      await heading(page, 'ตั้งรหัสผ่าน');
      const set = await capture(page, `public-set-password-${width}`, { axe: width === 1280 });
      if (set.length) violations[`public-set-password-${width}`] = set;
      await page.goto('/forgot-password');
      await heading(page, 'ลืมรหัสผ่าน');
      const forgot = await capture(page, `public-forgot-password-${width}`, { axe: width === 1280 });
      if (forgot.length) violations[`public-forgot-password-${width}`] = forgot;
      expect(problems).toEqual([]);
      await context.close();
    }
    expect(violations).toEqual({});
  });

  it('LAO admin screens', async () => {
    await visit('lao-admin', admin.username, admin.password, [
      { name: 'home', path: '/', title: laos[0].nameTh, phone: true },
      { name: 'details', path: '/lao/details', title: 'ตั้งค่าข้อมูล อปท.' },
      { name: 'divisions', path: '/lao/divisions', title: 'สำนัก/กอง' },
      { name: 'services', path: '/lao/services', title: 'ระบบจัดการงานบริการ' },
      { name: 'staff', path: '/staff', title: 'จัดการผู้ดูแลระบบ', phone: true },
      {
        name: 'staff-add',
        path: '/staff',
        title: 'จัดการผู้ดูแลระบบ',
        prepare: async (page) => {
          await page.getByRole('button', { name: 'เพิ่มเจ้าหน้าที่' }).click();
          await page.getByRole('dialog').getByLabel('นามสกุล').waitFor();
        },
      },
      { name: 'orders', path: '/orders', title: 'คำสั่งแต่งตั้ง' },
      { name: 'order-new', path: '/orders/new', title: 'สร้างคำสั่งแต่งตั้ง' },
      { name: 'order', path: `/orders/${orderId}`, title: /^คำสั่ง ที่ 7\// },
      { name: 'order-edit-locked', path: `/orders/${orderId}/edit`, title: /^แก้ไขคำสั่ง ที่ 7\// },
    ]);
    expect(violations).toEqual({});
  });

  it('provincial officer screens', async () => {
    await visit('officer', officer.username, officer.password, [
      { name: 'queue', path: '/review-queue', title: 'คิวตรวจสอบคำสั่งแต่งตั้ง', phone: true },
      {
        name: 'review',
        path: `/orders/${orderId}`,
        title: /^ตรวจสอบคำสั่ง ที่ 7\//,
        prepare: async (page) => {
          await page
            .locator('.pdf-pages[data-rendered="true"] canvas.pdf-page')
            .first()
            .waitFor({ timeout: 20_000 });
        },
      },
      { name: 'readiness', path: '/readiness', title: /^ความพร้อมของ อปท\. จังหวัด/, phone: true },
      { name: 'laos', path: '/laos', title: 'อปท. และผู้ดูแลระบบ' },
      {
        name: 'lao-admins',
        path: '/laos',
        title: 'อปท. และผู้ดูแลระบบ',
        prepare: async (page) => {
          await page.getByRole('button', { name: `จัดการผู้ดูแลระบบ ${laos[0].nameTh}` }).click();
          await page.getByRole('dialog').locator('.account-card').first().waitFor();
        },
      },
    ]);
    expect(violations).toEqual({});
  });

  it('staff member (lao_user) home', async () => {
    const staff = await createAccount(t.app.get(EntityManager), {
      role: 'lao_user',
      laoCode: laos[0].code,
      grant: { state: 'active', services: [{ serviceKey: 'waste-fee', actions: ['view', 'process'] }] },
      firstName: 'วิภา',
    });
    await visit('staff', staff.username, staff.password, [{ name: 'home', path: '/', title: /^สวัสดี / }]);
    expect(violations).toEqual({});
  });

  it('DLA central screens', async () => {
    await visit('dla', BOOTSTRAP.username, BOOTSTRAP.password, [
      { name: 'readiness', path: '/', title: 'ความพร้อมระดับประเทศ', phone: true },
      {
        name: 'import-errors',
        path: '/import',
        title: 'นำเข้าทะเบียน อปท.',
        prepare: async (page) => {
          await page
            .getByLabel('หรือวางข้อมูล CSV')
            .fill('code,name_th,type,district_th,province_code\n12,ก,xyz,,99');
          await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
          await page.locator('.import-errors .ant-table-row').first().waitFor();
        },
      },
      { name: 'officers', path: '/officers', title: 'เจ้าหน้าที่ สถ.จ.' },
      { name: 'dla-accounts', path: '/dla-accounts', title: 'บัญชี สถ. ส่วนกลาง' },
      { name: 'laos', path: '/laos', title: 'ทะเบียน อปท.' },
    ]);
    expect(violations).toEqual({});
  });

  it('DLA helpdesk screens', async () => {
    const helpdesk = await createAccount(t.app.get(EntityManager), {
      role: 'dla_helpdesk',
      firstName: 'สมศักดิ์',
    });
    await visit('helpdesk', helpdesk.username, helpdesk.password, [
      {
        name: 'search',
        path: '/',
        title: 'ค้นหา อปท. และบัญชีผู้ใช้',
        phone: true,
        prepare: async (page) => {
          await page.getByLabel('ชื่อหรือรหัส อปท.').fill('คูเมือง');
          await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
          await page.getByRole('button', { name: `บัญชีผู้ใช้ของ ${laos[0].nameTh}` }).click();
          // A table from 768 px, cards on phones.
          await page.locator(`[aria-label="บัญชีผู้ใช้ของ ${laos[0].nameTh}"]:not(button)`).waitFor();
        },
      },
      { name: 'officers', path: '/officers', title: 'เจ้าหน้าที่ สถ.จ.' },
    ]);
    expect(violations).toEqual({});
  });

  it('LAO admin without powers (every grant superseded)', async () => {
    const old = await createAccount(t.app.get(EntityManager), {
      role: 'lao_admin',
      laoCode: laos[1].code,
      grant: { state: 'superseded' },
      firstName: 'สมหมาย',
    });
    await visit('lao-admin-no-powers', old.username, old.password, [
      { name: 'home', path: '/', title: 'ท่านไม่มีสิทธิ์ผู้ดูแลระบบของ อปท. แล้ว', phone: true },
    ]);
    expect(violations).toEqual({});
  });
});
