import { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'playwright-core';
import {
  openPage,
  screenshot,
  seriousA11yViolations,
  type A11yViolation,
  type OpenPage,
} from '../../support/browser';
import type { TestApp } from '../../support/test-app';

/** Signs in through the console's form and waits until the sign-in page is gone. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('ชื่อผู้ใช้ (Username)').fill(username);
  await page.getByLabel('รหัสผ่าน (Password)').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** A signed-in page of its own context (own sessionStorage), at a viewport width. */
export async function signedInPage(
  browser: Browser,
  t: TestApp,
  username: string,
  password: string,
  width = 1280,
): Promise<OpenPage> {
  const opened = await openPage(browser, t.baseUrl, width);
  await opened.page.goto('/login');
  await signIn(opened.page, username, password);
  return opened;
}

/** Ends every session of an account server-side (what an expired or revoked session looks like to the console). */
export async function endSessions(t: TestApp, accountId: string): Promise<void> {
  const em = t.app.get(EntityManager).fork();
  const conn = em.getConnection();
  await conn.execute(
    'update refresh_token set revoked_at = now() where account_id = ? and revoked_at is null',
    [accountId],
  );
  await conn.execute('update account set token_version = token_version + 1 where id = ?', [accountId]);
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Waits for skeletons to go, then screenshots; returns axe's serious/critical findings for the page. */
export async function capture(
  page: Page,
  name: string,
  options: { axe?: boolean } = {},
): Promise<A11yViolation[]> {
  await page
    .locator('.ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.evaluate('document.fonts.ready.then(() => true)');
  // Let dialogs and drawers finish their opening animation.
  if (await page.locator('.ant-modal, .ant-drawer-open').count()) await page.waitForTimeout(500);
  await screenshot(page, name);
  return options.axe === false ? [] : seriousA11yViolations(page);
}

/** Fails with the rule ids and elements when axe-core finds serious or critical problems on the page. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page
    .locator('.ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  if (await page.locator('.ant-modal, .ant-drawer-open').count()) await page.waitForTimeout(500);
  const found = await seriousA11yViolations(page);
  expect({ screen, violations: found }).toEqual({ screen, violations: [] });
}
