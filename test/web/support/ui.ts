import { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Locator, Page } from 'playwright-core';
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

/**
 * The Buddhist Era year of today in Bangkok, where the console runs (the browser contexts are in
 * Asia/Bangkok): the runner's own clock and zone would be a year off around New Year.
 */
export function bangkokBuddhistYear(now = new Date()): number {
  const year = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(now);
  return Number(year) + 543;
}

/** Polls until `locator` matches exactly `count` elements; fails with the last count seen. */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== count && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await locator.count();
  }
  expect({ locator: String(locator), count: seen }).toEqual({ locator: String(locator), count });
}

/**
 * Polls a condition inside the page until it holds; fails after `timeoutMs`. The condition is
 * browser-side code as a string (the test project has no DOM types), compiled into the evaluated
 * script: `page.waitForFunction` with a string evaluates it with eval, which the console's CSP blocks.
 */
export async function waitInPage(
  page: Page,
  condition: string,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const ok = await page.evaluate(`new Promise((done) => {
    const until = performance.now() + ${timeoutMs};
    const check = () => {
      if (${condition}) return done(true);
      if (performance.now() > until) return done(false);
      setTimeout(check, 50);
    };
    check();
  })`);
  if (ok !== true) throw new Error(`timed out after ${timeoutMs} ms waiting in the page for ${what}`);
}

/**
 * Waits until the page has settled for a screenshot or an axe run: every skeleton gone (failing
 * loudly when one stays), web fonts loaded, every finite animation or transition finished (dialogs
 * and drawers opening; spinners run forever and are ignored, and so is a clicked button's ripple) and two frames painted, so work the
 * console schedules on the next frame (naming scrollable tables) is done.
 */
export async function settle(page: Page, screen: string): Promise<void> {
  try {
    await page.locator('.ant-skeleton').first().waitFor({ state: 'detached', timeout: 20_000 });
  } catch {
    throw new Error(`${screen}: still loading (a skeleton is shown) after 20 s`);
  }
  await page.evaluate('document.fonts.ready.then(() => true)');
  await waitInPage(
    page,
    `document.getAnimations().every((a) => {
      const end = a.effect ? a.effect.getComputedTiming().endTime : 0;
      const target = a.effect && a.effect.target;
      const ripple = !!(target && target.closest && target.closest('.ant-wave'));
      return a.playState !== 'running' || ripple || !Number.isFinite(Number(end));
    })`,
    `${screen}: animations to finish`,
  );
  await page.evaluate(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))',
  );
}

/** Waits for the page to settle, then screenshots; returns axe's serious/critical findings for the page. */
export async function capture(
  page: Page,
  name: string,
  options: { axe?: boolean } = {},
): Promise<A11yViolation[]> {
  await settle(page, name);
  await screenshot(page, name);
  return options.axe === false ? [] : seriousA11yViolations(page);
}

/** Fails with the rule ids and elements when axe-core finds serious or critical problems on the page. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settle(page, screen);
  const found = await seriousA11yViolations(page);
  expect({ screen, violations: found }).toEqual({ screen, violations: [] });
}
