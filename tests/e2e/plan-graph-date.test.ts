// The plan-graph's exact date in Chromium: a date belongs to its month, so giving a September card
// a date in October moves the card to October in the same step, and a date outside the plan's range
// puts it with the events shown apart («Вне периода плана»), where it can be put back.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planGraphEvents, updateItem } from '@soplan/shared';
import { syncClient } from '../helpers/sync-client.ts';
import { eventually, launchBrowser, openBoard, scrollToIt } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();
const OWNER = 'demo@soplan.local';
const PASSWORD = 'soplan-demo';

const login = server.client();
await login.post('/api/auth/login', { email: OWNER, password: PASSWORD });
const [workspace] = (await login.get('/api/workspaces')).body as { id: string }[];
const boards = (await login.get(`/api/workspaces/${workspace!.id}/boards`)).body as { id: string; kind: string }[];
const PLAN = boards.find((b) => b.kind === 'plan-graph')!.id;

const TITLE = 'Семинар с точной датой';
const room = () => planGraphEvents(server.sync.rooms.get(PLAN)!.doc);
const month = (page: Page, m: string) => page.locator(`[data-testid="plan-month"][data-month="${m}"]`);
const titlesIn = (group: ReturnType<Page['locator']>) =>
  group.getByRole('textbox', { name: 'Название мероприятия' }).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

describe('a plan-graph event given an exact date', () => {
  it('moves to the month of its date, and to «Вне периода плана» when the date is outside the plan', async () => {
    const { context, page } = await openBoard(browser, server.url, { email: OWNER, password: PASSWORD }, PLAN);

    await month(page, '2021-09').getByTestId('add-event').click();
    const card = month(page, '2021-09').getByTestId('plan-event').last();
    await card.getByRole('textbox', { name: 'Название мероприятия' }).fill(TITLE);
    await card.getByRole('button', { name: 'Подробнее' }).click();
    // The date is typed as Russian writes it (not the browser's date picker), committed by Enter.
    expect(await card.getByLabel('Точная дата').getAttribute('placeholder')).toBe('дд.мм.гггг');
    await card.getByLabel('Точная дата').fill('31.02.2021');
    await card.getByLabel('Точная дата').press('Enter');
    await card.getByRole('alert').filter({ hasText: 'Дата в виде 12.10.2021' }).waitFor();
    expect(await titlesIn(month(page, '2021-09'))).toContain(TITLE);
    // a year typed wrong is refused, not taken for an event outside the plan (V6)
    await card.getByLabel('Точная дата').fill('12.10.2201');
    await card.getByLabel('Точная дата').press('Enter');
    await card.getByRole('alert').filter({ hasText: 'Проверьте год' }).waitFor();
    expect(await titlesIn(month(page, '2021-09'))).toContain(TITLE);
    expect(await page.getByTestId('plan-outside').count()).toBe(0);
    await card.getByLabel('Точная дата').fill('20.10.2021');
    await card.getByLabel('Точная дата').press('Enter');

    await eventually(async () => (await titlesIn(month(page, '2021-10'))).includes(TITLE), 'the event in October');
    expect(await titlesIn(month(page, '2021-09'))).not.toContain(TITLE);
    const moved = month(page, '2021-10')
      .getByTestId('plan-event')
      .filter({ has: page.getByText('20 октября', { exact: false }) });
    expect(await moved.getByLabel('Точная дата').inputValue()).toBe('20.10.2021');
    expect(await moved.getByLabel('Месяц').locator('option:checked').textContent()).toBe('Октябрь 2021');

    await moved.getByLabel('Точная дата').fill('10.01.2023');
    await moved.getByLabel('Точная дата').press('Tab');
    const outside = page.getByTestId('plan-outside');
    await eventually(async () => (await outside.count()) === 1 && (await titlesIn(outside)).includes(TITLE), 'the event shown apart');
    expect(await titlesIn(month(page, '2021-10'))).not.toContain(TITLE);

    // In English the same fields speak English: month names and day/month/year.
    await page.getByRole('button', { name: 'Switch the interface to English' }).click();
    const apart = outside.getByTestId('plan-event').last();
    // the switch is at the top of the page: the events shown apart come back into the page as it scrolls to them
    await scrollToIt(page, apart, 'the event shown apart');
    await eventually(async () => (await apart.getByLabel('Exact date').inputValue()) === '10/01/2023', 'the date in English');
    expect(await page.getByLabel('From month').locator('option:checked').textContent()).toBe('September 2021');
    await context.close();
  });
  it('focusing the date and leaving it writes nothing: a colleague’s newer date stays; moved to another month, it leaves its date (V6)', async () => {
    const { context, page } = await openBoard(browser, server.url, { email: OWNER, password: PASSWORD }, PLAN);
    await month(page, '2021-09').getByTestId('add-event').click();
    const card = month(page, '2021-09').getByTestId('plan-event').last();
    const id = (await card.getAttribute('id'))!.replace(/^item-/, '');
    await card.getByRole('button', { name: 'Подробнее' }).click();
    const date = card.getByLabel('Точная дата');
    await date.fill('10.09.2021');
    await date.press('Enter');
    await eventually(() => room().get(id)?.get('date') === '2021-09-10', 'the date on the server');
    await date.focus();
    const token = ((await login.post('/api/tokens', { name: 'colleague' })).body as { token: string }).token;
    const colleague = syncClient(server.url, PLAN, { token });
    await colleague.synced();
    colleague.doc.transact(() => updateItem(planGraphEvents(colleague.doc), id, { date: '2021-09-20' }));
    await eventually(() => room().get(id)?.get('date') === '2021-09-20', 'the colleague’s date on the server');
    await date.press('Tab');
    await eventually(async () => (await date.inputValue()) === '20.09.2021', 'the colleague’s date in the field');
    expect(room().get(id)?.get('date')).toBe('2021-09-20');

    // Moved to the next month, it leaves its date behind (a date belongs to its month)
    await page
      .locator(`#item-${id}`)
      .getByRole('button', { name: /В следующий месяц/ })
      .click();
    await eventually(() => room().get(id)?.get('month') === '2021-10' && room().get(id)?.get('date') === '', 'the event in October, without a date');
    colleague.destroy();
    await context.close();
  });
});
