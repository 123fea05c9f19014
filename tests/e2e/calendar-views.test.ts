// The workspace calendar in Chromium (issue 15): an item that runs the whole school year is listed
// once in «Весь период» instead of drawn across every week, the filters apply to that list too, and
// the list view names each item once; «Сегодня» stays visible, readable and working in the month,
// week and list views, also once today is shown; on a 390 px phone the toolbar wraps and nothing
// scrolls sideways, in Russian and in English.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { newWorkspace } from '../helpers/workspace.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();
const { owner, id: workspaceId } = await newWorkspace(server);

const roadmap = (title: string, items: { title: string; period: string; status: string }[]) => ({
  format: 'soplan-board',
  version: 1,
  kind: 'roadmap',
  title,
  roadmap: { sections: [{ title: 'Организационное обеспечение', items: items.map((i) => ({ ...i, responsibles: ['МОУ ГЦРО'] })) }] },
});
const newBoard = async (title: string, items: { title: string; period: string; status: string }[]) =>
  ((await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title, content: roadmap(title, items) })).body as { id: string }).id;

const YEAR_LONG = 'Сопровождение молодых педагогов';
const MENTORING = await newBoard('Дорожная карта наставничества', [
  // done, so that it reads the same whatever today is (an open item of 2021 is overdue now)
  { title: YEAR_LONG, period: '2021-2022 уч. г.', status: 'done' },
  { title: 'Семинар по наставничеству', period: '21.10.2021', status: 'planned' },
  // a month is the longest period the grid still draws
  { title: 'Конференция педагогов', period: 'Октябрь 2021 г.', status: 'planned' },
]);
const METHODS = await newBoard('План методической службы', [{ title: 'Мониторинг методической работы', period: 'I полугодие 2021/2022', status: 'planned' }]);
// six long items of 2024, for the list that folds
const LONG_2024 = ['2024 г.', 'I полугодие 2024 г.', 'Февраль – апрель 2024 г.', 'Январь – март 2024 г.', '2023-2024 уч. г.', 'Март – май 2024 г.'];
await newBoard(
  'Программа развития',
  LONG_2024.map((period, k) => ({ title: `Направление ${k + 1}`, period, status: 'done' })),
);
await eventually(
  async () => ((await owner.client.get(`/api/workspaces/${workspaceId}/calendar`)).body as unknown[]).length === 4 + LONG_2024.length,
  'the boards indexed for the calendar',
);

async function calendarPage(path = '', viewport = { width: 1280, height: 860 }, language: 'ru' | 'en' = 'ru') {
  const context = await signedInContext(browser, server.url, owner);
  if (language === 'en') await context.addInitScript(() => localStorage.setItem('soplan.locale', 'en'));
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`/workspaces/${workspaceId}/calendar${path}`);
  await page.locator('.ec').waitFor();
  return { context, page };
}

const events = (page: Page, title: string) => page.getByTestId('calendar').locator('.ec-event', { hasText: title });
const title = (page: Page) => page.locator('.ec-title').innerText();

/** The WCAG contrast of an element's text with the first opaque background behind it, its opacity counted. */
const contrastOf = (element: Locator) =>
  element.evaluate((el) => {
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    let bg = [255, 255, 255];
    for (let behind: Element | null = el; behind; behind = behind.parentElement) {
      const c = rgba(getComputedStyle(behind).backgroundColor);
      if ((c[3] ?? 1) > 0) {
        bg = c.slice(0, 3);
        break;
      }
    }
    const [r, g, b, alpha = 1] = rgba(getComputedStyle(el).color);
    const shown = alpha * Number(getComputedStyle(el).opacity);
    const fg = [r!, g!, b!].map((v, i) => bg[i]! + (v - bg[i]!) * shown);
    const luminance = (rgb: number[]) =>
      rgb
        .slice(0, 3)
        .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const [lighter, darker] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return (lighter! + 0.05) / (darker! + 0.05);
  });

describe('the calendar’s views', () => {
  it('a year-long item is listed once in «Весь период», not drawn in the grid; the filters apply to both', async () => {
    const { context, page } = await calendarPage('?date=2021-10-01');
    await events(page, 'Семинар по наставничеству').first().waitFor();
    expect(await events(page, 'Конференция педагогов').count()).toBeGreaterThan(0);
    expect(await events(page, YEAR_LONG).count()).toBe(0);
    expect(await events(page, 'Мониторинг методической работы').count()).toBe(0);

    const whole = page.getByRole('region', { name: 'Весь период' });
    await whole.getByRole('heading', { level: 2, name: /Весь период/ }).waitFor();
    const entries = whole.getByRole('list').getByRole('listitem');
    expect(await entries.count()).toBe(2);
    const yearLong = entries.filter({ has: page.getByRole('link', { name: YEAR_LONG }) });
    const text = await yearLong.innerText();
    for (const part of ['Дорожная карта наставничества', '2021-2022 уч. г.', 'Выполнено']) expect(text).toContain(part);
    expect(await yearLong.getByRole('link').getAttribute('href')).toMatch(new RegExp(`^/boards/${MENTORING}#item-.+`));

    // the week and the list leave it out too, and the list names a month-long item once, not on every day
    await page.getByRole('button', { name: 'Неделя' }).click();
    await events(page, 'Конференция педагогов').first().waitFor();
    expect(await events(page, YEAR_LONG).count()).toBe(0);
    expect(await whole.getByRole('link', { name: YEAR_LONG }).count()).toBe(1);
    await page.getByRole('button', { name: 'Список' }).click();
    await events(page, 'Семинар по наставничеству').first().waitFor();
    expect(await events(page, YEAR_LONG).count()).toBe(0);
    expect(await events(page, 'Конференция педагогов').count()).toBe(1);
    // the next month's list leaves October's items out (they ended before its first day)
    await page.getByRole('button', { name: 'Вперёд: следующий период' }).click();
    await eventually(async () => (await title(page)).startsWith('ноябрь'), 'November listed');
    expect(await events(page, 'Конференция педагогов').count()).toBe(0);
    expect(await events(page, 'Семинар по наставничеству').count()).toBe(0);
    await page.getByRole('button', { name: 'Назад: предыдущий период' }).click();
    await events(page, 'Конференция педагогов').first().waitFor();
    // read as a list of days (the calendar's own markup calls its toolbar a part of the list)
    expect(await page.locator('.ec').getAttribute('role')).toBeNull();
    expect(await page.getByTestId('calendar').getByRole('list').getByRole('listitem').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Месяц' }).click();

    await page.getByTestId('cal-filter-status').selectOption('planned');
    await eventually(async () => (await whole.getByRole('link', { name: YEAR_LONG }).count()) === 0, 'the done item filtered out of the list');
    expect(await whole.getByRole('link', { name: 'Мониторинг методической работы' }).count()).toBe(1);
    await page.getByTestId('cal-filter-status').selectOption('');
    await page.getByTestId('cal-filter-board').selectOption(METHODS);
    await eventually(async () => (await events(page, 'Семинар по наставничеству').count()) === 0, 'the other board filtered out of the grid');
    expect(await entries.count()).toBe(1);
    expect(await whole.getByRole('link', { name: 'Мониторинг методической работы' }).count()).toBe(1);
    await page.getByTestId('cal-filter-board').selectOption('');

    // a period neither runs in has no list
    await page.getByRole('button', { name: 'Вперёд: следующий период' }).click();
    await eventually(async () => (await title(page)).startsWith('ноябрь'), 'November shown');
    expect(await entries.count()).toBe(2);
    await page.goto(`/workspaces/${workspaceId}/calendar?date=2022-10-01`);
    await eventually(async () => (await page.getByTestId('cal-count').textContent())?.startsWith(`${4 + LONG_2024.length} `) === true, 'the items read');
    await page.locator('.ec-title', { hasText: '2022' }).waitFor();
    expect(await page.getByRole('region', { name: 'Весь период' }).count()).toBe(0);

    await page.goto(`/workspaces/${workspaceId}/calendar?date=2021-10-01`);
    await whole.getByRole('link', { name: YEAR_LONG }).click();
    await page.waitForURL(new RegExp(`/boards/${MENTORING}#item-`));
    await context.close();
  });

  it('a long «Весь период» opens folded to three entries and unfolds with its button', async () => {
    const { context, page } = await calendarPage('?date=2024-03-01');
    const whole = page.getByRole('region', { name: 'Весь период' });
    const entries = whole.getByRole('list').getByRole('listitem');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(3);
    const more = whole.getByRole('button', { name: `Показать все (${LONG_2024.length})` });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await more.getAttribute('aria-controls')).toBe(await whole.getByRole('list').getAttribute('id'));
    await more.click();
    expect(await entries.count()).toBe(LONG_2024.length);
    const less = whole.getByRole('button', { name: 'Свернуть' });
    expect(await less.getAttribute('aria-expanded')).toBe('true');
    await less.click();
    expect(await entries.count()).toBe(3);
    await context.close();
  });

  it('«Сегодня» is visible, readable and works in the month, week and list views, also once today is shown', async () => {
    const { context, page } = await calendarPage();
    const today = page.getByRole('button', { name: 'Сегодня', exact: true });
    for (const view of ['Месяц', 'Неделя', 'Список']) {
      await page.goto(`/workspaces/${workspaceId}/calendar?date=2021-10-01`);
      await page.getByRole('button', { name: view }).click();
      await eventually(async () => /2021/.test(await title(page)), `October 2021 shown in ${view}`);
      const before = await title(page);
      expect(await today.isVisible()).toBe(true);
      expect(await today.isEnabled()).toBe(true);
      expect(await contrastOf(today)).toBeGreaterThanOrEqual(4.5);
      await today.focus();
      await page.keyboard.press('Enter');
      await eventually(async () => (await title(page)) !== before, `today's period shown in ${view}`);
      if (view !== 'Список') expect(await page.locator('.ec-day.ec-today').count()).toBe(1);
      // today is shown: the button is still there, readable and focused, and pressing it again keeps the view
      const shown = await title(page);
      expect(await today.isVisible()).toBe(true);
      expect(await today.isEnabled()).toBe(true);
      expect(await today.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await contrastOf(today)).toBeGreaterThanOrEqual(4.5);
      await page.keyboard.press('Enter');
      expect(await title(page)).toBe(shown);
      expect(await today.evaluate((el) => el === document.activeElement)).toBe(true);
    }
    await context.close();
  });

  for (const [language, todayName, views] of [
    ['ru', 'Сегодня', ['Месяц', 'Неделя', 'Список']],
    ['en', 'Today', ['Month', 'Week', 'List']],
  ] as const) {
    it(`on a 390 px phone the toolbar wraps, «${todayName}» stays in sight and nothing scrolls sideways (${language})`, async () => {
      for (const path of ['?date=2021-10-01', '']) {
        const { context, page } = await calendarPage(path, { width: 390, height: 844 }, language);
        if (path) await events(page, 'Семинар по наставничеству').first().waitFor();
        for (const view of views) {
          await page.getByRole('button', { name: view, exact: true }).click();
          await page.waitForLoadState('networkidle');
          for (const name of [todayName, view]) {
            const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
            expect(box.x, `${name} in ${view}`).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width, `${name} in ${view}`).toBeLessThanOrEqual(390);
          }
          expect(await page.getByRole('button', { name: todayName, exact: true }).isEnabled()).toBe(true);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${view} ${path}`).toBeLessThanOrEqual(390);
        }
        await context.close();
      }
    });
  }
});

describe('an item that runs all the time', () => {
  it('«Постоянно» has no day of its own: it is listed in «Весь период» whatever period is shown, never in the grid (C1)', async () => {
    const other = await newWorkspace(server);
    const content = roadmap('Постоянная работа', [
      { title: 'Сопровождение сайта сети', period: 'Постоянно', status: 'in-progress' },
      { title: 'Совещание руководителей', period: '14.10.2021', status: 'planned' },
    ]);
    await other.owner.client.post(`/api/workspaces/${other.id}/boards`, { kind: 'roadmap', title: 'Постоянная работа', content });
    await eventually(async () => ((await other.owner.client.get(`/api/workspaces/${other.id}/calendar`)).body as unknown[]).length === 2, 'the board indexed');
    const context = await signedInContext(browser, server.url, other.owner);
    const page = await context.newPage();
    for (const date of ['2021-10-01', '2030-05-01']) {
      await page.goto(`/workspaces/${other.id}/calendar?date=${date}`);
      await page.locator('.ec').waitFor();
      const whole = page.getByRole('region', { name: 'Весь период' });
      await whole.getByRole('link', { name: 'Сопровождение сайта сети' }).waitFor();
      expect(await whole.innerText()).toContain('Постоянно');
      expect(await events(page, 'Сопровождение сайта сети').count()).toBe(0);
    }
    await page.goto(`/workspaces/${other.id}/calendar?date=2021-10-01`);
    await events(page, 'Совещание руководителей').first().waitFor();
    expect(await events(page, 'Сопровождение сайта сети').count()).toBe(0);
    await context.close();
  });

  it('a period with nothing in it names the nearest item, before or after, and goes there on a press (C4)', async () => {
    const other = await newWorkspace(server);
    const content = roadmap('План на год', [
      { title: 'Совещание руководителей', period: '14.10.2021', status: 'done' },
      { title: 'Итоговая конференция', period: '20.05.2022', status: 'done' },
    ]);
    await other.owner.client.post(`/api/workspaces/${other.id}/boards`, { kind: 'roadmap', title: 'План на год', content });
    await eventually(async () => ((await other.owner.client.get(`/api/workspaces/${other.id}/calendar`)).body as unknown[]).length === 2, 'the board indexed');
    const context = await signedInContext(browser, server.url, other.owner);
    const page = await context.newPage();
    const nearest = page.getByTestId('cal-nearest');
    // December 2021: October's meeting is nearer than May's conference
    await page.goto(`/workspaces/${other.id}/calendar?date=2021-12-01`);
    await nearest.waitFor();
    expect(await nearest.innerText()).toContain('14 октября 2021');
    // years later (a plan of a past year opened today): the last item before
    await page.goto(`/workspaces/${other.id}/calendar?date=2030-05-01`);
    await eventually(async () => (await nearest.innerText()).includes('Итоговая конференция'), 'the nearest named');
    expect(await nearest.innerText()).toContain('20 мая 2022');
    await nearest.getByRole('button', { name: 'Перейти' }).click();
    await eventually(async () => (await title(page)).startsWith('май 2022'), 'May 2022 shown');
    await events(page, 'Итоговая конференция').first().waitFor();
    expect(await nearest.count()).toBe(0);
    await context.close();
  });
});
