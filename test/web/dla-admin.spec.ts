import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, type OpenPage } from '../support/browser';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { expectAccessible, heading, signedInPage } from './support/ui';

const BAD_CSV = [
  'code,name_th,type,district_th,province_code',
  '123,องค์การบริหารส่วนตำบลผิดรหัส,อบต.,เมือง,36',
  '3601099,องค์การบริหารส่วนตำบลผิดประเภท,xyz,เมือง,36',
  '3601098,องค์การบริหารส่วนตำบลผิดจังหวัด,อบต.,เมือง,99',
].join('\n');

const GOOD_CSV = [
  'code,name_th,type,district_th,province_code,phase1_target',
  '6360901,องค์การบริหารส่วนตำบลนำเข้าหนึ่ง,อบต.,หนองบัวแดง,36,1',
  '5360902,เทศบาลตำบลนำเข้าสอง,เทศบาลตำบล,ภักดีชุมพล,36,0',
].join('\n');

/** Picks a province by typing part of its name, then the option that is that province (not merely the first). */
async function pickProvince(page: Page, name: string): Promise<void> {
  await page.getByLabel('จังหวัด').click();
  await page.keyboard.type(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${name}(?: \\(Phase 1\\))?$`) })
    .click();
  // Chosen: the field shows the province (typed search text is an input value, not text).
  await page.locator('.ant-form-item').filter({ hasText: 'จังหวัด' }).filter({ hasText: name }).waitFor();
}

/** DLA central: CSV import with per-row errors, provincial officers, national readiness and its CSV export. */
jest.setTimeout(180_000);

describe('web console: DLA central', () => {
  let t: TestApp;
  let browser: Browser;
  let session: OpenPage;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    t = await createTestApp();
    browser = await launchBrowser();
    session = await signedInPage(browser, t, BOOTSTRAP.username, BOOTSTRAP.password);
    page = session.page;
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await t?.close();
  });
  afterEach(() => expect(session.problems).toEqual([]));

  it('imports a CSV with errors: nothing is imported and every row problem is listed', async () => {
    await heading(page, 'ความพร้อมระดับประเทศ');
    await page.getByRole('menuitem', { name: 'นำเข้าทะเบียน อปท.' }).click();
    await heading(page, 'นำเข้าทะเบียน อปท.');
    await page.getByLabel('หรือวางข้อมูล CSV').fill(BAD_CSV);
    await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    const errors = page.locator('.import-errors');
    await errors.getByText('ไฟล์ CSV มีข้อผิดพลาด ไม่มีการนำเข้าข้อมูลใด ๆ').waitFor();
    const rows = errors.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(3);
    await errors
      .getByRole('row')
      .filter({ hasText: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' })
      .getByRole('cell', { name: '2', exact: true })
      .waitFor();
    await errors.getByRole('row').filter({ hasText: 'ประเภท อปท. ไม่ถูกต้อง' }).getByText('xyz').waitFor();
    await errors.getByRole('row').filter({ hasText: 'ไม่พบรหัสจังหวัดนี้' }).getByText('province_code').waitFor();
    await expectAccessible(page, 'import with errors');
  });

  it('imports a good file chosen from disk', async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'laos.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${GOOD_CSV}`) });
    await page.getByText('ไฟล์: laos.csv').waitFor();
    await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    const ok = page.getByRole('status').filter({ hasText: 'นำเข้าสำเร็จ' });
    await ok.waitFor();
    expect(await ok.textContent()).toMatch(/เพิ่มใหม่\s*:?\s*2/);
    expect(await page.locator('.import-errors').count()).toBe(0);
  });

  it('creates a provincial officer', async () => {
    await page.getByRole('menuitem', { name: 'เจ้าหน้าที่ สถ.จ.' }).click();
    await heading(page, 'เจ้าหน้าที่ สถ.จ.');
    await expectAccessible(page, 'province officers');
    await pickProvince(page, 'ชัยภูมิ');
    await page.getByLabel('ชื่อ-นามสกุล').fill('นางสาวสุดา ตรวจดี');
    await page.getByLabel('ชื่อผู้ใช้ (Username)').fill('cpm.officer01');
    await page.getByLabel('อีเมล', { exact: true }).fill('suda@cpm.example');
    await page.getByRole('button', { name: 'สร้างบัญชีและส่งอีเมล' }).click();
    await page.getByText('สร้างบัญชี cpm.officer01 แล้ว').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'cpm.officer01' });
    await row.getByText('suda@cpm.example').waitFor();
    await row.getByRole('cell', { name: 'ชัยภูมิ', exact: true }).waitFor();
    // The same username again: the API's Thai message is shown.
    await pickProvince(page, 'ชัยภูมิ');
    await page.getByLabel('ชื่อ-นามสกุล').fill('นายซ้ำ ซ้ำ');
    await page.getByLabel('ชื่อผู้ใช้ (Username)').fill('cpm.officer01');
    await page.getByLabel('อีเมล', { exact: true }).fill('dup@cpm.example');
    await page.getByRole('button', { name: 'สร้างบัญชีและส่งอีเมล' }).click();
    await page.getByRole('alert').filter({ hasText: 'ชื่อผู้ใช้นี้มีผู้ใช้งานแล้ว' }).waitFor();
    // DLA disables an officer from the list.
    await page.getByRole('button', { name: 'ระงับ cpm.officer01' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'ระงับบัญชี' }).click();
    await page.getByRole('button', { name: 'ระงับ cpm.officer01' }).waitFor({ state: 'detached' });
    await row.locator('.ant-tag').getByText('ระงับ', { exact: true }).waitFor();
  });

  it('national readiness by province, phase-1 marked, with the province LAOs and a CSV export', async () => {
    await page.getByRole('menuitem', { name: 'ความพร้อมระดับประเทศ' }).click();
    await heading(page, 'ความพร้อมระดับประเทศ');
    const row = page.getByRole('row').filter({ hasText: 'ชัยภูมิ' }).first();
    await row.getByText('Phase 1').waitFor();
    await row.getByRole('button').first().click(); // expand
    // The LAO's own row in the province's table (the stage bars above use the same labels).
    const laoRow = page.locator('.ant-table-row').filter({ hasText: 'องค์การบริหารส่วนตำบลนำเข้าหนึ่ง' });
    await laoRow.getByText('ยังไม่มีผู้ดูแลระบบ').waitFor();
    await expectAccessible(page, 'national readiness');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ส่งออก CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('readiness.csv');
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('องค์การบริหารส่วนตำบลนำเข้าหนึ่ง');
  });

  it('opens the job queue dashboard in a tab of its own', async () => {
    await page.getByRole('menuitem', { name: 'ความพร้อมระดับประเทศ' }).click();
    const [board] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: /แดชบอร์ดคิวงาน/ }).click(),
    ]);
    await board.waitForURL((url) => url.pathname === '/api/queues');
    // bull-board's own UI, served through the guard with the dashboard cookie.
    await board.getByText('documents', { exact: true }).first().waitFor();
    await board.close();
  });
});
