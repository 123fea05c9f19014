// Debian's Chromium driven by playwright-core; one browser per test file, a fresh context per person.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Polls `check` until it holds (assertions on eventual state poll instead of sleeping). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && fs.existsSync(p));
  if (!found) throw new Error("Chromium not found: install Debian's chromium (scripts/test.sh does) or set CHROMIUM_PATH");
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}

export async function newPerson(browser: Browser, baseURL: string, locale = 'ru-RU'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(15_000);
  return context;
}

/** A fresh context for `person`, signed in through the API: for tests that are not about the sign-in form. */
export async function signedInContext(browser: Browser, baseURL: string, person: { email: string; password: string }): Promise<BrowserContext> {
  const context = await newPerson(browser, baseURL);
  const res = await context.request.post('/api/auth/login', { data: { email: person.email, password: person.password }, headers: { origin: baseURL } });
  expect(res.status()).toBe(200);
  return context;
}

/** `person` signed in (as `signedInContext`) on the board, once its document is connected. */
export async function openBoard(
  browser: Browser,
  baseURL: string,
  person: { email: string; password: string },
  boardId: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await signedInContext(browser, baseURL, person);
  const page = await context.newPage();
  await page.goto(`/boards/${boardId}`);
  await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return { context, page };
}

/** Signs up through the Russian sign-up form, as a new user would, and waits for the workspaces page. */
export async function signUpInBrowser(page: Page, person: { name: string; email: string; password: string }, waitFor: string | RegExp = '**/workspaces') {
  await page.getByLabel('Имя и должность').fill(person.name);
  await page.getByLabel('Электронная почта').fill(person.email);
  await page.getByLabel('Пароль').fill(person.password);
  await page.getByRole('button', { name: 'Создать учётную запись' }).click();
  await page.waitForURL(waitFor);
}

/** Creates a workspace from the workspaces page and waits for its page. */
export async function createWorkspaceInBrowser(page: Page, name: string) {
  await page.getByLabel('Название нового пространства').fill(name);
  await page.getByRole('button', { name: 'Создать пространство' }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/**
 * Scrolls the page from its top down, most of a window at a time, until `locator` is in the page, and
 * brings it into view: a big board renders only the rows near the window (SPEC V1), as a person
 * scrolls to a row further down.
 */
export async function scrollToIt(page: Page, locator: Locator, what: string): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0));
  for (let step = 0; step < 400; step++) {
    if ((await locator.count()) > 0) {
      await locator.first().scrollIntoViewIfNeeded();
      return;
    }
    const bottom = await page.evaluate(() => {
      scrollBy(0, innerHeight * 0.8);
      return scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(bottom ? 200 : 30);
    if (bottom && (await locator.count()) === 0) throw new Error(`${what} is not on the board`);
  }
  throw new Error(`${what} never came into the page`);
}
