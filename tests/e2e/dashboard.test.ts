// The coordinator's dashboard, the calendar and the language switch in Chromium, two browser
// contexts at once: an editor changes an item's status in A and the coordinator's dashboard in B
// shows the new counts and the activity line without reloading; an event added on a plan-graph
// appears in the calendar; a burst of edits moves the dashboard all along without one refetch
// (SPEC F3, F5); midnight makes an item overdue on an open dashboard (F7); a joint change is worded
// in the plural (F8); English replaces every interface string.
import { addPlanGraphEvent, planGraphEvents, textField, todayIso, type Item } from '@soplan/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually as eventuallyWithin, launchBrowser, newPerson } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient, waitFor } from '../helpers/sync-client.ts';

const eventually = (check: () => boolean | Promise<boolean>, what: string) => eventuallyWithin(check, what, 15_000);
const server = await newServer({ web: true, demo: true, indexDebounceMs: 50 });
const browser = await launchBrowser();
const PASSWORD = 'soplan-demo';
const OWNER = 'demo@soplan.local';
const EDITOR = 'petrova@soplan.local';

const login = server.client();
await login.post('/api/auth/login', { email: OWNER, password: PASSWORD });
const [workspace] = (await login.get('/api/workspaces')).body as { id: string }[];
const boards = (await login.get(`/api/workspaces/${workspace!.id}/boards`)).body as { id: string; kind: string; title: string }[];
const YAROSLAVL = boards.find((b) => b.kind === 'roadmap' && !b.title.includes('Сарове'))!.id;
const PLAN = boards.find((b) => b.kind === 'plan-graph')!.id;

async function person(email: string, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPerson(browser, server.url);
  const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers: { origin: server.url } });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

/** The editor's own /sync connection to the plan-graph, as a script would edit it. */
async function editorOnPlan() {
  const editor = server.client();
  await editor.post('/api/auth/login', { email: EDITOR, password: PASSWORD });
  const client = syncClient(server.url, PLAN, { cookie: `soplan_session=${editor.sessionCookie}`, origin: server.url });
  await client.synced();
  return client;
}

/** Counts the page's reads of the workspace's dashboard. */
function dashboardReads(page: Page): () => number {
  let reads = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/workspaces/${workspace!.id}/dashboard`) reads++;
  });
  return () => reads;
}

describe("the coordinator's dashboard, live", () => {
  it('an editor marks an item done in browser A; the dashboard in browser B shows the new counts and the activity line', async () => {
    const b = await person(OWNER, `/workspaces/${workspace!.id}/dashboard`);
    await b.page.locator('[data-testid="live-state"][data-state="online"]').waitFor();
    const card = b.page.locator(`[data-testid="dash-board"][data-board="${YAROSLAVL}"]`);
    const doneBefore = Number(await card.getByTestId('count-done').textContent());

    const a = await person(EDITOR, `/boards/${YAROSLAVL}`);
    await a.page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    const row = a.page.locator('[data-testid="roadmap-item"][data-number="1.1"]');
    const title = (await row.getByRole('textbox').first().inputValue()).trim();
    const status = row.getByRole('combobox', { name: 'Статус 1.1' });
    const target = (await status.inputValue()) === 'done' ? 'in-progress' : 'done';
    await status.selectOption(target);

    const expected = target === 'done' ? doneBefore + 1 : doneBefore - 1;
    await eventually(async () => Number(await card.getByTestId('count-done').textContent()) === expected, 'the new count');
    const line = b.page.getByTestId('dash-activity').locator('li').first();
    await eventually(async () => ((await line.textContent()) ?? '').includes(title.slice(0, 30)), 'the activity line');
    const text = (await line.textContent()) ?? '';
    expect(text).toContain('Петрова');
    expect(text).toContain(target === 'done' ? 'Выполнено' : 'В работе');
    // Who is online shows the editor on that board.
    await eventually(async () => ((await b.page.getByTestId('dash-online').textContent()) ?? '').includes('Петрова'), 'the editor online');
    await a.context.close();
    await b.context.close();
  });

  it('an event added on a plan-graph appears in the open calendar, and clicking it opens it on its board', async () => {
    const b = await person(OWNER, `/workspaces/${workspace!.id}/calendar?date=2021-10-01`);
    await b.page.getByTestId('calendar').waitFor();
    const a = await person(EDITOR, `/boards/${PLAN}`);
    await a.page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    const october = a.page.locator('[data-testid="plan-month"][data-month="2021-10"]');
    await october.getByTestId('add-event').click();
    const card = october.getByTestId('plan-event').last();
    await card.getByRole('textbox', { name: 'Название мероприятия' }).fill('Мастер-класс для молодых педагогов');
    await card.getByRole('textbox', { name: 'Форма мероприятия' }).fill('Мастер-класс');
    await card.getByRole('textbox', { name: 'Форма мероприятия' }).press('Tab');
    await card.getByRole('button', { name: /Подробнее/ }).click();
    await card.getByLabel('Точная дата').fill('21.10.2021');
    await card.getByLabel('Точная дата').press('Tab');

    const event = b.page.locator('.ec-event', { hasText: 'Мастер-класс для молодых педагогов' });
    await event.first().waitFor({ timeout: 15_000 });
    await b.page.getByTestId('cal-filter-form').selectOption('Мастер-класс');
    expect(await b.page.getByTestId('cal-count').textContent()).toMatch(/^\d+ мероприяти/);
    await event.first().click();
    await b.page.waitForURL(new RegExp(`/boards/${PLAN}#item-`));
    await eventually(async () => (await b.page.evaluate(() => document.activeElement?.id ?? '')).startsWith('item-'), 'the event focused on its board');
    expect(await b.page.locator(':focus').getByRole('textbox', { name: 'Название мероприятия' }).inputValue()).toBe('Мастер-класс для молодых педагогов');
    await a.context.close();
    await b.context.close();
  });

  it('[F5] a burst of edits never starves the dashboard: it follows every index as it comes, without a refetch', async () => {
    const context = await newPerson(browser, server.url);
    await context.request.post('/api/auth/login', { data: { email: OWNER, password: PASSWORD }, headers: { origin: server.url } });
    const page = await context.newPage();
    const reads = dashboardReads(page);
    await page.goto(`/workspaces/${workspace!.id}/dashboard`);
    await page.locator('[data-testid="live-state"][data-state="online"]').waitFor();
    await page.getByTestId('dash-week').waitFor({ state: 'attached' });

    const editor = await editorOnPlan();
    const today = todayIso();
    let id = '';
    editor.doc.transact(() => (id = addPlanGraphEvent(editor.doc, today.slice(0, 7), { title: 'Всплеск 0', form: 'Семинар', date: today })));
    // Edits every 40 ms for three seconds: more often than the index runs (at least every 150 ms here).
    const seen = new Set<string>();
    const started = Date.now();
    let n = 0;
    const burst = setInterval(() => {
      const title = textField(planGraphEvents(editor.doc).get(id) as Item, 'title');
      editor.doc.transact(() => {
        title.delete(0, title.length);
        title.insert(0, `Всплеск ${++n}`);
      });
    }, 40);
    try {
      while (Date.now() - started < 3000) {
        const shown = /Всплеск \d+/.exec((await page.getByTestId('dash-week').textContent()) ?? '');
        if (shown) seen.add(shown[0]);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      clearInterval(burst);
    }
    // The week's list moved several times while the edits went on, not once they stopped.
    expect(seen.size).toBeGreaterThanOrEqual(3);
    await eventually(async () => ((await page.getByTestId('dash-week').textContent()) ?? '').includes(`Всплеск ${n}`), 'the last title');
    expect(reads()).toBe(1);
    planGraphEvents(editor.doc).delete(id);
    await eventually(async () => !((await page.getByTestId('dash-week').textContent()) ?? '').includes('Всплеск'), 'the event gone');
    expect(reads()).toBe(1);
    editor.destroy();
    await context.close();
  });

  it('a busy week opens folded to ten events, and unfolds and folds again with its button (F9)', async () => {
    const editor = await editorOnPlan();
    const today = todayIso();
    const ids: string[] = [];
    editor.doc.transact(() => {
      for (let k = 1; k <= 14; k++) ids.push(addPlanGraphEvent(editor.doc, today.slice(0, 7), { title: `Сбор группы ${k}`, form: 'Семинар', date: today }));
    });
    const context = await newPerson(browser, server.url);
    await context.request.post('/api/auth/login', { data: { email: OWNER, password: PASSWORD }, headers: { origin: server.url } });
    const page = await context.newPage();
    await page.goto(`/workspaces/${workspace!.id}/dashboard`);
    const week = page.getByTestId('dash-week');
    const more = page.getByTestId('dash-week-more');
    await more.waitFor({ timeout: 15_000 });
    expect(await week.locator('li').count()).toBe(10);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    const total = Number(/\((\d+)\)/.exec(await more.innerText())?.[1]);
    expect(total).toBeGreaterThanOrEqual(14);
    await more.click();
    expect(await week.locator('li').count()).toBe(total);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await more.innerText()).toBe('Свернуть');
    await more.click();
    expect(await week.locator('li').count()).toBe(10);
    editor.doc.transact(() => ids.forEach((id) => planGraphEvents(editor.doc).delete(id)));
    await eventually(async () => !((await week.textContent()) ?? '').includes('Сбор группы'), 'the events gone');
    editor.destroy();
    await context.close();
  });

  it('[F7] an open dashboard moves on at midnight: an event of today turns overdue without a reload or a refetch', async () => {
    const today = todayIso();
    const editor = await editorOnPlan();
    let id = '';
    editor.doc.transact(() => (id = addPlanGraphEvent(editor.doc, today.slice(0, 7), { title: 'Итоговый семинар сегодня', form: 'Семинар', date: today })));
    await waitFor(() => server.query('SELECT 1 FROM board_items WHERE item_id = ?', id).length === 1, 5000, 'the index');

    const context = await newPerson(browser, server.url);
    await context.request.post('/api/auth/login', { data: { email: OWNER, password: PASSWORD }, headers: { origin: server.url } });
    const page = await context.newPage();
    // The browser's clock: five seconds before the end of the server's today.
    await page.clock.install({ time: new Date(`${today}T23:59:55`) });
    const reads = dashboardReads(page);
    await page.goto(`/workspaces/${workspace!.id}/dashboard`);
    await page.locator('[data-testid="live-state"][data-state="online"]').waitFor();
    const card = page.locator(`[data-testid="dash-board"][data-board="${PLAN}"]`);
    const overdue = async () =>
      Number(
        /\d+/.exec(
          (await card
            .getByTestId('dash-overdue')
            .textContent({ timeout: 1000 })
            .catch(() => '0')) ?? '0',
        )?.[0] ?? 0,
      );
    const before = await overdue();
    await page.clock.fastForward('00:10');
    await eventually(async () => (await overdue()) === before + 1, 'the event overdue after midnight');
    expect(reads()).toBe(1);
    planGraphEvents(editor.doc).delete(id);
    editor.destroy();
    await context.close();
  });

  it('[F8] a change two people made together names both, with the verb in the plural', async () => {
    const owner = server.client();
    await owner.post('/api/auth/login', { email: OWNER, password: PASSWORD });
    const ownerEdits = syncClient(server.url, PLAN, { cookie: `soplan_session=${owner.sessionCookie}`, origin: server.url });
    const editor = await editorOnPlan();
    await ownerEdits.synced();
    let id = '';
    ownerEdits.doc.transact(() => (id = addPlanGraphEvent(ownerEdits.doc, '2021-10', { title: 'Семинар', form: 'Семинар' })));
    await waitFor(() => server.query('SELECT 1 FROM board_items WHERE item_id = ?', id).length === 1, 5000, 'the index');
    await waitFor(() => planGraphEvents(editor.doc).has(id), 5000, 'the event at the editor');

    const b = await person(OWNER, `/workspaces/${workspace!.id}/dashboard`);
    await b.page.locator('[data-testid="live-state"][data-state="online"]').waitFor();
    // Both edits in one turn: they reach the server within one index window.
    textField(planGraphEvents(ownerEdits.doc).get(id) as Item, 'title').insert(7, ' наставников');
    textField(planGraphEvents(editor.doc).get(id) as Item, 'title').insert(0, 'Городской ');
    const line = b.page.getByTestId('dash-activity').locator('li').first();
    await eventually(async () => ((await line.textContent()) ?? '').includes('переименовали'), 'the plural line');
    const text = (await line.textContent()) ?? '';
    expect(text).toContain('Петрова');
    expect(text).toContain('«Городской Семинар наставников»');
    planGraphEvents(ownerEdits.doc).delete(id);
    ownerEdits.destroy();
    editor.destroy();
    await b.context.close();
  });

  it('the language switch changes every interface string of the dashboard, calendar, tasks and workspace pages', async () => {
    const b = await person(OWNER, `/workspaces/${workspace!.id}/dashboard`);
    await b.page.locator('[data-testid="live-state"][data-state="online"]').waitFor();
    await b.page.getByRole('button', { name: 'Switch the interface to English' }).click();
    // Interface strings live in headings, labels, buttons, links of the navigation, table heads and
    // status words; what people typed (board titles, names, items) stays as typed.
    const chrome = 'h1, h2, legend, label, button, th[scope="col"], nav a, .counts dt, .badge, [data-testid="live-state"], .muted:not(:has(a))';
    const russianIn = async (page: Page) =>
      page.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].flatMap((el) => {
            const own = [...el.childNodes]
              .filter((n) => n.nodeType === Node.TEXT_NODE)
              .map((n) => n.textContent ?? '')
              .join(' ');
            return /[а-яё]/i.test(own) ? [own.trim()] : [];
          }),
        chrome,
      );
    for (const path of ['dashboard', 'calendar', 'tasks', '']) {
      await b.page.goto(`/workspaces/${workspace!.id}${path ? `/${path}` : ''}`);
      await b.page.locator('h1').first().waitFor();
      await b.page.waitForLoadState('networkidle');
      // The switch back names its language in that language; the rest may only quote what people typed.
      const typed = ['Педагог для всех', 'Соколова', ...boards.map((x) => x.title)];
      const leftovers = (await russianIn(b.page)).filter((s) => s !== 'Русский' && !typed.some((x) => s.includes(x)));
      expect(leftovers, path).toEqual([]);
    }
    await b.page.goto(`/workspaces/${workspace!.id}/dashboard`);
    await b.page.getByRole('heading', { name: 'Coordinator dashboard' }).waitFor();
    await b.page.getByRole('button', { name: 'Переключить интерфейс на русский' }).click();
    await b.page.getByRole('heading', { name: 'Панель координатора' }).waitFor();
    await b.context.close();
  });
});
