import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild, launchBrowser, type OpenPage } from '../support/browser';
import type { CreatedAccount } from '../support/factories';
import { ApiClient } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { importLaos, provisionalAdmin, type SeededLao } from './support/seed';
import { expectAccessible, heading, signedInPage } from './support/ui';

const WASTE = 'ค่าธรรมเนียมเก็บและขนขยะมูลฝอย';

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

/** A provisional LAO admin sets the LAO up: details, divisions, services and staff. */
jest.setTimeout(180_000);

describe('web console: LAO admin setup', () => {
  let t: TestApp;
  let browser: Browser;
  let lao: SeededLao;
  let admin: CreatedAccount;
  let session: OpenPage;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    t = await createTestApp();
    browser = await launchBrowser();
    [lao] = await importLaos(t, ['องค์การบริหารส่วนตำบลโนนสะอาด']);
    admin = await provisionalAdmin(t, lao.code);
    session = await signedInPage(browser, t, admin.username, admin.password);
    page = session.page;
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await t?.close();
  });
  afterEach(() => expect(session.problems).toEqual([]));

  it('home shows the setup progress and the next thing to do', async () => {
    await heading(page, lao.nameTh);
    await page.getByText('ท่านเป็นผู้ดูแลระบบชั่วคราว').waitFor();
    await expectAccessible(page, 'LAO admin home');
    await page.getByRole('button', { name: 'ตั้งค่าข้อมูล อปท.' }).click();
    await heading(page, 'ตั้งค่าข้อมูล อปท.');
    await expectAccessible(page, 'LAO details');
  });

  it('fills in the LAO details', async () => {
    await page.getByLabel('ที่อยู่').fill('1 หมู่ 2 ตำบลโนนสะอาด อำเภอหนองบัวแดง จังหวัดชัยภูมิ');
    await page.getByLabel('โทรศัพท์').fill('044-000111');
    await page.getByLabel('อีเมล').fill('not-an-email');
    await page.getByRole('button', { name: 'บันทึกข้อมูล' }).click();
    await page.getByText('รูปแบบอีเมลไม่ถูกต้อง').waitFor();
    await page.getByLabel('อีเมล').fill('saraban@nonsaat.example');
    await page.getByLabel('เว็บไซต์').fill('https://www.nonsaat.example');
    await page.getByRole('button', { name: 'บันทึกข้อมูล' }).click();
    await page.getByText('บันทึกข้อมูล อปท. แล้ว').waitFor();
  });

  it('adds a division', async () => {
    await page.getByRole('menuitem', { name: 'สำนัก/กอง' }).click();
    await heading(page, 'สำนัก/กอง');
    await page.locator('.division-row').first().waitFor();
    const before = await page.locator('.division-row').count();
    await expectAccessible(page, 'divisions');
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'เพิ่มสำนัก/กอง' }).click();
    await page.getByLabel(`ชื่อสำนัก/กอง ลำดับที่ ${before + 1}`).fill('กองยุทธศาสตร์และงบประมาณ');
    await page.getByRole('button', { name: 'บันทึกทั้งหมด' }).click();
    await page.getByText('บันทึกสำนัก/กองแล้ว').waitFor();
    expect(await page.locator('.division-row').count()).toBe(before + 1);
  });

  it('enables a service and sets its fee; opening to the public waits for verification', async () => {
    await page.getByRole('menuitem', { name: 'งานบริการ' }).click();
    await heading(page, 'ระบบจัดการงานบริการ');
    const open = page.getByRole('switch', { name: `เปิดให้บริการประชาชน ${WASTE}` });
    await open.waitFor();
    await expectAccessible(page, 'services');
    expect(await open.isDisabled()).toBe(true);
    await page.getByRole('switch', { name: `เปิดใช้งาน ${WASTE}` }).click();
    await page.getByText(`บันทึก “${WASTE}” แล้ว`).waitFor();
    expect(await page.getByRole('switch', { name: `เปิดใช้งาน ${WASTE}` }).getAttribute('aria-checked')).toBe(
      'true',
    );
    // Still disabled: a provisional admin may not publish (the API would answer SERVICE_OPEN_NOT_ALLOWED).
    expect(await open.isDisabled()).toBe(true);

    await page.getByRole('button', { name: `ตั้งค่า ${WASTE}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ค่าธรรมเนียม (บาท)').fill('20');
    await dialog.getByLabel('ระยะเวลาดำเนินการ (วัน)').fill('7');
    await pickOption(page, 'สำนัก/กองที่รับผิดชอบ', 'กองสาธารณสุขและสิ่งแวดล้อม');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: WASTE });
    await row.getByText('7 วัน').waitFor();
    await row.getByText('กองสาธารณสุขและสิ่งแวดล้อม').waitFor();
    expect(await row.textContent()).toMatch(/20\.00/);
  });

  it('adds a staff member with service permissions, edits and disables one', async () => {
    await page.getByRole('menuitem', { name: 'จัดการผู้ดูแลระบบ' }).click();
    await heading(page, 'จัดการผู้ดูแลระบบ');
    for (const [first, last, email] of [
      ['มาลี', 'ศรีสุข', 'malee@nonsaat.example'],
      ['ประยุทธ', 'ขยันดี', 'prayut@nonsaat.example'],
    ]) {
      await page.getByRole('button', { name: 'เพิ่มเจ้าหน้าที่' }).click();
      const dialog = page.getByRole('dialog', { name: 'เพิ่มเจ้าหน้าที่' });
      if (first === 'มาลี') await expectAccessible(page, 'add staff dialog');
      await pickOption(page, 'คำนำหน้า', 'นาง');
      await dialog.getByLabel('ชื่อ', { exact: true }).fill(first);
      await dialog.getByLabel('นามสกุล').fill(last);
      await dialog.getByLabel('ตำแหน่ง').fill('เจ้าพนักงานธุรการ');
      await pickOption(page, 'สำนัก/กอง', 'สำนักปลัด');
      await dialog.getByLabel('อีเมล (สำหรับรับลิงก์ตั้งรหัสผ่าน)').fill(email);
      await dialog.getByRole('group', { name: WASTE }).getByLabel('ดำเนินการ').check();
      await dialog.getByRole('button', { name: 'เพิ่มเจ้าหน้าที่' }).click();
      await page
        .getByText(/เพิ่มเจ้าหน้าที่แล้ว ชื่อผู้ใช้/)
        .first()
        .waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByRole('row')
        .filter({ hasText: `นาง${first} ${last}` })
        .waitFor();
    }
    await expectAccessible(page, 'staff list');
    const rows = page.getByRole('row').filter({ hasText: 'นางประยุทธ ขยันดี' });
    const username = (await rows.getByRole('cell').nth(1).textContent()) ?? '';
    await page.getByRole('button', { name: `แก้ไข ${username}` }).click();
    const edit = page.getByRole('dialog', { name: `แก้ไขข้อมูล ${username}` });
    await pickOption(page, 'คำนำหน้า', 'นาย');
    await edit.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByRole('row').filter({ hasText: 'นายประยุทธ ขยันดี' }).waitFor();
    await page.getByRole('button', { name: `ระงับ ${username}` }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'ระงับบัญชี' }).click();
    await page.getByRole('button', { name: `ระงับ ${username}` }).waitFor({ state: 'detached' });
    await page
      .getByRole('row')
      .filter({ hasText: 'นายประยุทธ ขยันดี' })
      .locator('.ant-tag')
      .getByText('ระงับ', { exact: true })
      .waitFor();

    const api = new ApiClient(t.baseUrl);
    const token = await api.login(admin.username, admin.password);
    const list = await api.get<{
      items: { firstName: string; status: string; grant: { services: unknown[] } | null }[];
    }>(`/api/laos/${lao.code}/accounts`, token);
    const malee = list.body.items.find((a) => a.firstName === 'มาลี');
    expect(malee?.grant?.services).toEqual([{ serviceKey: 'waste-fee', actions: ['process'] }]);
    expect(list.body.items.find((a) => a.firstName === 'ประยุทธ')?.status).toBe('disabled');
  });

  it('home now points to the appointment orders', async () => {
    await page.getByRole('menuitem', { name: 'หน้าหลัก' }).click();
    await heading(page, lao.nameTh);
    await page.getByText('สร้างคำสั่งแต่งตั้ง เลือกผู้ได้รับแต่งตั้ง').waitFor();
    await page.getByRole('button', { name: 'จัดการคำสั่งแต่งตั้ง' }).waitFor();
  });
});
