// Two people typing into one field at once (SPEC rule B3: typed fields are Y.Text, every keystroke
// live): each one's caret stays next to the text they are typing, whatever the other inserts or
// deletes before it, so the field ends with both texts whole, never interleaved.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, launchBrowser, newPerson } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();
const PASSWORD = 'soplan-demo';

const login = server.client();
await login.post('/api/auth/login', { email: 'demo@soplan.local', password: PASSWORD });
const [workspace] = (await login.get('/api/workspaces')).body as { id: string }[];
const boards = (await login.get(`/api/workspaces/${workspace!.id}/boards`)).body as { id: string; kind: string; title: string }[];
const ROADMAP = boards.find((b) => b.kind === 'roadmap' && !b.title.includes('Сарове'))!.id;

async function openBoard(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPerson(browser, server.url);
  const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers: { origin: server.url } });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(`/boards/${ROADMAP}`);
  await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return { context, page };
}

const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

describe('two people typing into one field', () => {
  it("[B3] text inserted by one person before the other's caret moves that caret: the other keeps typing where they were", async () => {
    const a = await openBoard('demo@soplan.local');
    const b = await openBoard('petrova@soplan.local');
    const label = 'Ответственный исполнитель 1.2';
    await field(a.page, label).fill('МОУ ГЦРО');
    await eventually(async () => (await field(b.page, label).inputValue()) === 'МОУ ГЦРО', 'the starting text');

    await field(b.page, label).focus();
    await b.page.keyboard.press('End');
    await field(a.page, label).focus();
    await a.page.keyboard.press('Home');
    await a.page.keyboard.type('ЯГПУ, ');
    await eventually(async () => (await field(b.page, label).inputValue()) === 'ЯГПУ, МОУ ГЦРО', "the other person's insert");
    await b.page.keyboard.type('; МДОУ № 8');
    await eventually(async () => (await field(a.page, label).inputValue()) === 'ЯГПУ, МОУ ГЦРО; МДОУ № 8', 'both texts whole, for A');
    expect(await field(b.page, label).inputValue()).toBe('ЯГПУ, МОУ ГЦРО; МДОУ № 8');
    await a.context.close();
    await b.context.close();
  });

  it('[B3] both typing at the same time, one at the start and one at the end, end with both texts whole', async () => {
    const a = await openBoard('demo@soplan.local');
    const b = await openBoard('petrova@soplan.local');
    const label = 'Сроки 1.2';
    await field(a.page, label).fill('май');
    await eventually(async () => (await field(b.page, label).inputValue()) === 'май', 'the starting text');
    await field(a.page, label).focus();
    await a.page.keyboard.press('Home');
    await field(b.page, label).focus();
    await b.page.keyboard.press('End');
    await Promise.all([a.page.keyboard.type('Весь ', { delay: 40 }), b.page.keyboard.type(' 2022 г.', { delay: 40 })]);
    const expected = 'Весь май 2022 г.';
    await eventually(
      async () => (await field(a.page, label).inputValue()) === expected && (await field(b.page, label).inputValue()) === expected,
      'both texts whole',
    );
    await a.context.close();
    await b.context.close();
  });
});
