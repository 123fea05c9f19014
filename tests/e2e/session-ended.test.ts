// A session that ends elsewhere, in Chromium: the same account changes its password in browser B
// (which ends A's session); A's open board stops reconnecting, says the session ended, turns
// read-only and offers to log in and come back; A's other pages, reloaded, land on the login page
// with the same explanation, while a visitor who never logged in sees none.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();
const PASSWORD = 'soplan-demo';
const NEW_PASSWORD = 'новый-пароль-2026';
const OWNER = 'demo@soplan.local';

const login = server.client();
await login.post('/api/auth/login', { email: OWNER, password: PASSWORD });
const [workspace] = (await login.get('/api/workspaces')).body as { id: string }[];
const boards = (await login.get(`/api/workspaces/${workspace!.id}/boards`)).body as { id: string; kind: string }[];
const PLAN = boards.find((b) => b.kind === 'plan-graph')!.id;

async function loggedIn(email: string, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPerson(browser, server.url);
  const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers: { origin: server.url } });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

/** The same account, in another browser, changes its password: every other session of it ends. */
async function changePasswordElsewhere(email: string) {
  const b = await newPerson(browser, server.url);
  const headers = { origin: server.url };
  expect((await b.request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers })).status()).toBe(200);
  const res = await b.request.post('/api/me/password', { data: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, revokeApiTokens: false }, headers });
  expect(res.status()).toBe(204);
  await b.close();
}

describe('a session that ended in another browser', () => {
  it('an open board says the session ended, stops accepting edits, and its link logs in and returns to the board', async () => {
    const a = await loggedIn('petrova@soplan.local', `/boards/${PLAN}`);
    await a.page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    const title = a.page.getByRole('textbox', { name: 'Название мероприятия' }).first();
    expect(await title.getAttribute('readonly')).toBeNull();

    await changePasswordElsewhere('petrova@soplan.local');

    const connection = a.page.locator('[data-testid="connection"][data-state="signed-out"]');
    await connection.waitFor();
    expect(await connection.textContent()).toContain('Сеанс завершён — войдите снова');
    expect(await title.getAttribute('readonly')).not.toBeNull();

    await a.page.getByTestId('signed-out').getByRole('link', { name: 'Войти' }).click();
    await a.page.waitForURL('**/login?**');
    expect(await a.page.getByTestId('session-ended').textContent()).toBe('Сеанс завершён — войдите снова');
    await a.page.getByLabel('Электронная почта').fill('petrova@soplan.local');
    await a.page.getByLabel('Пароль').fill(NEW_PASSWORD);
    await a.page.getByRole('button', { name: 'Войти' }).click();
    await a.page.waitForURL(`**/boards/${PLAN}`);
    await a.page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    await a.context.close();
  });

  it('a workspace page of the ended session, reloaded, lands on the login page that says why; a stranger is not told so', async () => {
    const a = await loggedIn('lebedeva@soplan.local', `/workspaces/${workspace!.id}/dashboard`);
    await a.page.locator('[data-testid="live-state"]').waitFor();

    await changePasswordElsewhere('lebedeva@soplan.local');

    await a.page.goto(`/workspaces/${workspace!.id}`);
    await a.page.waitForURL('**/login?**');
    expect(await a.page.getByTestId('session-ended').textContent()).toBe('Сеанс завершён — войдите снова');
    expect(new URL(a.page.url()).searchParams.get('next')).toBe(`/workspaces/${workspace!.id}`);
    await a.context.close();

    const stranger = await newPerson(browser, server.url);
    const page = await stranger.newPage();
    await page.goto(`/workspaces/${workspace!.id}`);
    await page.waitForURL('**/login?**');
    await page.getByRole('heading', { name: 'Вход в Soplan' }).waitFor();
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    await stranger.close();
  });
});
