// Big boards in Chromium (SPEC V1–V4): a 1 000-item roadmap and a 2 000-event plan-graph put only
// the rows near the window in the page, yet the page is as long as the board and scrolling brings
// every row; a section's heading and a month's name stay in sight; the board's own find (Ctrl+F)
// reaches an item that is not rendered; a link to one opens it; the row being edited stays while it
// is scrolled away.
import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addPlanGraphEvent, addRoadmapItem, addRoadmapSection, planGraphEvents, roadmapItems, setPlanGraphRange } from '@soplan/shared';
import { eventually, launchBrowser, openBoard } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient } from '../helpers/sync-client.ts';

const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();
const OWNER = 'demo@soplan.local';
const PASSWORD = 'soplan-demo';
const ITEMS = 1000;
const SECTIONS = 20;
const EVENTS = 2000;
const MONTHS = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

const login = server.client();
await login.post('/api/auth/login', { email: OWNER, password: PASSWORD });
const [workspace] = (await login.get('/api/workspaces')).body as { id: string }[];
const token = ((await login.post('/api/tokens', { name: 'e2e big boards' })).body as { token: string }).token;

async function bigBoard(kind: 'roadmap' | 'plan-graph', fill: (doc: Y.Doc) => void, size: (doc: Y.Doc) => number, count: number): Promise<string> {
  const { id } = (await login.post(`/api/workspaces/${workspace!.id}/boards`, { kind, title: `Большая доска: ${kind}` })).body as { id: string };
  const writer = syncClient(server.url, id, { token });
  await writer.synced();
  writer.doc.transact(() => fill(writer.doc));
  await eventually(async () => size(server.sync.rooms.get(id)?.doc ?? new Y.Doc()) === count, 'the big board on the server', 30_000);
  writer.destroy();
  return id;
}

let roadmap = '';
let planGraph = '';
/** Item ids by their number («20.50»). */
const itemIds = new Map<string, string>();
beforeAll(async () => {
  roadmap = await bigBoard(
    'roadmap',
    (doc) => {
      const sections = Array.from({ length: SECTIONS }, (_, s) => addRoadmapSection(doc, `Направление ${s + 1}`));
      for (let i = 0; i < ITEMS; i++) {
        const s = i % SECTIONS;
        const id = addRoadmapItem(doc, sections[s]!, { title: `Мероприятие ${i + 1} дорожной карты`, period: 'Ежегодно', responsibles: ['МОУ ГЦРО'] });
        itemIds.set(`${s + 1}.${Math.floor(i / SECTIONS) + 1}`, id);
      }
    },
    (doc) => roadmapItems(doc).size,
    ITEMS,
  );
  planGraph = await bigBoard(
    'plan-graph',
    (doc) => {
      setPlanGraphRange(doc, MONTHS[0]!, MONTHS.at(-1)!);
      for (let i = 0; i < EVENTS; i++) addPlanGraphEvent(doc, MONTHS[i % MONTHS.length]!, { title: `Событие ${i + 1} плана-графика`, form: 'Семинар' });
    },
    (doc) => planGraphEvents(doc).size,
    EVENTS,
  );
}, 120_000);

const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** The board (a path after `/boards/`, a link's `#item-…` too) opened by the owner; its context closes after the test. */
async function open(board: string): Promise<Page> {
  const { context, page } = await openBoard(browser, server.url, { email: OWNER, password: PASSWORD }, board);
  contexts.push(context);
  return page;
}

const count = (page: Page, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);
const row = (page: Page, number: string) => page.locator(`[data-testid="roadmap-item"][data-number="${number}"]`);
/** Whether the element is inside the window now. */
const inWindow = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const box = document.querySelector(s)?.getBoundingClientRect();
    return !!box && box.bottom > 0 && box.top < innerHeight;
  }, selector);

describe('a 1 000-item roadmap', () => {
  it('renders only the rows near the window, and scrolling brings every row, its section heading in sight (V1, V2)', async () => {
    const page = await open(roadmap);
    await row(page, '1.1').waitFor();
    const rendered = await count(page, '[data-testid="roadmap-item"]');
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(150);
    // The page is as long as the board: its rows are spacers until they come near.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(ITEMS * 40);
    // Every section's heading is in the page (they stick under the column header).
    expect(await count(page, '[data-testid="roadmap-section"] tr.section-row')).toBe(SECTIONS);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await row(page, '20.50').waitFor();
    expect(await count(page, '[data-testid="roadmap-item"]')).toBeLessThan(150);
    await eventually(() => inWindow(page, '[data-testid="roadmap-item"][data-number="20.50"]'), 'the last row in the window');

    // Halfway down, the heading of the section being read sits just under the column header.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await eventually(async () => {
      const { head, heading } = await page.evaluate(() => {
        const bottom = document.querySelector('[data-testid="roadmap"] thead th')!.getBoundingClientRect().bottom;
        const stuck = [...document.querySelectorAll('[data-testid="roadmap-section"] tr.section-row th')]
          .map((th) => ({ top: th.getBoundingClientRect().top, text: (th.querySelector('textarea, input') as HTMLInputElement | null)?.value ?? '' }))
          .filter((h) => Math.abs(h.top - bottom) < 3);
        return { head: bottom, heading: stuck.at(-1)?.text ?? '' };
      });
      return head > 0 && head < 200 && /^Направление (9|10|11|12)$/.test(heading);
    }, 'a section heading under the column header');
  });

  it('the board’s find reaches an item that is not rendered, and shows how many match (V3)', async () => {
    const page = await open(roadmap);
    await row(page, '1.1').waitFor();
    expect(await row(page, '7.50').count()).toBe(0);
    await page.keyboard.press('Control+f');
    const find = page.getByRole('searchbox', { name: 'Найти на доске' });
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('Мероприятие 987 ');
    await eventually(async () => (await page.getByTestId('board-find-count').textContent()) === '1 из 1', '«1 из 1»');
    await eventually(() => inWindow(page, '[data-testid="roadmap-item"][data-number="7.50"]'), 'the match in the window');
    expect(await row(page, '7.50').evaluate((el) => el.classList.contains('found'))).toBe(true);
    expect(await find.evaluate((el) => el === document.activeElement)).toBe(true);

    await find.fill('дорожной карты');
    await eventually(async () => (await page.getByTestId('board-find-count').textContent()) === `1 из ${ITEMS}`, 'every item matching');
    await find.press('Shift+Enter');
    await eventually(async () => (await page.getByTestId('board-find-count').textContent()) === `${ITEMS} из ${ITEMS}`, 'the last match');
    await eventually(() => inWindow(page, '[data-testid="roadmap-item"][data-number="20.50"]'), 'the last item in the window');
    await find.press('Escape');
    expect(await page.getByTestId('board-find').count()).toBe(0);
  });

  it('a link to an item far down opens the board on it, focused (V3)', async () => {
    const page = await open(`${roadmap}#item-${itemIds.get('15.40')!}`);
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-number') === '15.40'), 'the linked row focused');
    expect(await inWindow(page, '[data-testid="roadmap-item"][data-number="15.40"]')).toBe(true);
  });

  it('the row being edited stays while it is scrolled away, and typing into it still reaches the board (V4)', async () => {
    const page = await open(roadmap);
    const title = row(page, '1.1').getByRole('textbox', { name: 'Наименование мероприятия 1.1' });
    await title.click();
    await page.keyboard.press('End');
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await row(page, '20.50').waitFor();
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(' (уточнено)');
    const id = itemIds.get('1.1')!;
    await eventually(
      () => String((roadmapItems(server.sync.rooms.get(roadmap)!.doc).get(id) as Y.Map<unknown>).get('title')).endsWith('(уточнено)'),
      'the edit on the server',
    );
  });
});

describe('a 2 000-event plan-graph', () => {
  it('renders only the cards near the window, each month named at the top while its cards go by (V1, V2)', async () => {
    const page = await open(planGraph);
    await page.getByTestId('plan-event').first().waitFor();
    const rendered = await count(page, '[data-testid="plan-event"]');
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(400);
    // Each month still counts all its events.
    expect(await page.locator('[data-month="2025-09"] h2 .count').textContent()).toBe(String(Math.ceil(EVENTS / MONTHS.length)));

    const september = page.locator('[data-testid="plan-month"][data-month="2025-09"]');
    await september.evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY + el.getBoundingClientRect().height / 2));
    await eventually(async () => {
      const top = await september.locator('h2').evaluate((el) => el.getBoundingClientRect().top);
      return Math.abs(top) < 2;
    }, 'September’s name at the top of the window');
    await eventually(async () => (await september.getByTestId('plan-event').count()) > 0, 'September’s cards in the middle');

    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Найти на доске' }).fill('Событие 1999 ');
    await eventually(async () => (await page.getByTestId('board-find-count').textContent()) === '1 из 1', '«1 из 1»');
    await eventually(() => page.evaluate(() => !!document.querySelector('[data-testid="plan-event"].found')), 'the match rendered');
  });
});
