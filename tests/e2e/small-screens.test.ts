// Small screens (issue 15): on a 390×844 phone no page scrolls sideways — a table wider than the screen
// scrolls inside its own frame — every link, button and field lies on the screen, and the top bar folds its
// links behind «Меню» (Enter opens it, Escape closes it and gives focus back, a followed link closes it);
// in Russian and in English. The pages are the demo's: its workspace, its tabs and each of its boards.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, signedInContext } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const PHONE = { width: 390, height: 844 };
const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();
const demo = (await server.client().get('/api/demo')).body as { email: string; password: string };
const api = server.client();
expect((await api.post('/api/auth/login', { email: demo.email, password: demo.password })).status).toBe(200);
const [workspace] = (await api.get('/api/workspaces')).body as { id: string }[];
const boards = (await api.get(`/api/workspaces/${workspace!.id}/boards`)).body as { id: string; kind: string; title: string }[];

/** What shows that a board's own view (not only its header) is on the page. */
const BOARD_VIEW: Record<string, string> = {
  roadmap: '[data-testid="roadmap-item"]',
  'plan-graph': '[data-testid="plan-graph"]',
  programme: '[data-testid="programme-section"]',
};

const LANGUAGES = {
  ru: { switchTo: 'Switch the interface to English', menu: 'Меню', workspaces: 'Пространства', settings: 'Настройки', logout: 'Выйти' },
  en: { switchTo: 'Переключить интерфейс на русский', menu: 'Menu', workspaces: 'Workspaces', settings: 'Settings', logout: 'Log out' },
} as const;
type Language = keyof typeof LANGUAGES;

/**
 * What does not fit the screen: how far the page scrolls sideways, and the visible links, buttons and fields that
 * lie beyond either edge of the screen (those inside a frame that scrolls sideways can be scrolled to).
 */
async function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    const sideways = document.documentElement.scrollWidth - width;
    if (sideways > 0) found.push(`the page scrolls ${sideways}px sideways`);
    const inScrollFrame = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === 'hidden' || inScrollFrame(el)) continue;
      if (box.left < 0 || box.right > width + 0.5)
        found.push(`${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 40)}» spans ${Math.round(box.left)}–${Math.round(box.right)}px`);
    }
    return [...new Set(found)];
  });
}

/** Switches the interface from `from` to the other language with the switch in the top bar, and waits for it. */
async function switchLanguage(page: Page, from: Language) {
  await page.getByRole('button', { name: LANGUAGES[from].switchTo, exact: true }).click();
  await page.getByRole('button', { name: LANGUAGES[from === 'ru' ? 'en' : 'ru'].switchTo, exact: true }).waitFor();
}

async function phone(signedIn: boolean): Promise<Page> {
  const context = signedIn ? await signedInContext(browser, server.url, demo) : await newPerson(browser, server.url);
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  return page;
}

describe('small screens (390 px)', () => {
  it('login, sign-up, the workspaces, the workspace with each tab, the dashboard, the calendar, «Мои задачи» and the settings fit, in Russian and English', async () => {
    const found: Record<string, string[]> = {};
    const anonymous = await phone(false);
    for (const lang of ['ru', 'en'] as const) {
      await anonymous.goto('/login');
      await anonymous.getByTestId('demo-email').waitFor();
      found[`login (${lang})`] = await misfits(anonymous);
      await anonymous.goto('/signup');
      await anonymous.locator('form').waitFor();
      found[`signup (${lang})`] = await misfits(anonymous);
      if (lang === 'ru') await switchLanguage(anonymous, lang);
    }
    await anonymous.context().close();

    const page = await phone(true);
    const ws = `/workspaces/${workspace!.id}`;
    const pages: [name: string, url: string, ready: string][] = [
      ['workspaces', '/workspaces', `a[href="${ws}"]`],
      ['tab boards', `${ws}?tab=boards`, '[data-testid="board"]'],
      ['tab organisations', `${ws}?tab=organisations`, '.orgs li'],
      ['tab forms', `${ws}?tab=forms`, '[data-testid="event-forms"]'],
      ['tab documents', `${ws}?tab=documents`, '[data-testid="document-settings"]'],
      ['tab members', `${ws}?tab=members`, '.people li'],
      ['dashboard', `${ws}/dashboard`, '[data-testid="dash-board"]'],
      ['calendar', `${ws}/calendar`, '.ec'],
      ['tasks', `${ws}/tasks`, '[data-testid="tasks"]'],
      ['settings', '/settings', '[data-testid="feeds"]'],
    ];
    // «Мои задачи» lists the items of the organisation the demo user names: a table wider than a phone.
    await page.goto(`${ws}/tasks`);
    const organisation = page.getByTestId('my-organisation');
    await organisation.selectOption((await organisation.locator('option').nth(1).getAttribute('value'))!);
    await page.getByTestId('tasks').waitFor();
    for (const lang of ['ru', 'en'] as const) {
      for (const [name, url, ready] of pages) {
        await page.goto(url);
        await page.locator(ready).first().waitFor();
        found[`${name} (${lang})`] = await misfits(page);
      }
      // The tasks' table (the last page but one) is wider than the phone and scrolls inside its own frame.
      await page.goto(`${ws}/tasks`);
      const frame = page.locator('[role="region"]:has([data-testid="tasks"])');
      expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto')).toBe(true);
      if (lang === 'ru') await switchLanguage(page, lang);
    }
    // Each member's name has at least 14rem (224 px) or the whole row: the role and the button go below it rather than squeeze it.
    await page.goto(`${ws}?tab=members`);
    await page.locator('.people li').first().waitFor();
    const squeezed = await page
      .locator('.people li:has(.person)')
      .evaluateAll((rows) =>
        rows
          .filter((li) => li.querySelector('.person')!.getBoundingClientRect().width < Math.min(224, li.getBoundingClientRect().width) - 1)
          .map((li) => li.querySelector('.person')!.textContent),
      );
    expect(squeezed).toEqual([]);
    await page.context().close();
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
  }, 120_000);

  for (const board of boards) {
    it(`the ${board.kind} board «${board.title.slice(0, 40)}…» fits, its header's actions on the screen, in Russian and English`, async () => {
      const page = await phone(true);
      await page.goto(`/boards/${board.id}`);
      await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
      await page.locator(BOARD_VIEW[board.kind]!).first().waitFor();
      const found: Record<string, string[]> = {};
      for (const lang of ['ru', 'en'] as const) {
        found[lang] = await misfits(page);
        // «Экспорт» opens its menu on the screen.
        await page.getByTestId('export').click();
        await page.getByRole('menu').waitFor();
        found[`${lang}, export menu open`] = await misfits(page);
        await page.keyboard.press('Escape');
        if (lang === 'ru') await switchLanguage(page, lang);
      }
      await page.context().close();
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
    });
  }

  it('folds the top bar into «Меню»: Enter opens it, Tab walks its links, Escape closes it and returns focus, a link closes it; in Russian and English', async () => {
    const page = await phone(true);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (const lang of ['ru', 'en'] as const) {
      const words = LANGUAGES[lang];
      await page.goto('/workspaces');
      const toggle = page.getByRole('button', { name: words.menu, exact: true });
      await toggle.waitFor();
      const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.isVisible()).toBe(false);
      expect(await page.locator('.tagline').isVisible()).toBe(false);
      // The language switch stays beside the button, on the screen.
      expect(await page.getByRole('button', { name: words.switchTo, exact: true }).isVisible()).toBe(true);

      // The brand comes first in the Tab order, then «Меню», its focus ring visible.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await toggle.evaluate((el) => el === document.activeElement && getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('link', { name: words.workspaces, exact: true }).waitFor();
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(words.workspaces);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(words.settings);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(words.logout);
      expect(await misfits(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.isVisible()).toBe(false);
      expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);

      // A link followed from the menu leads there and the menu closes.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/settings');
      await page.getByTestId('feeds').waitFor();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.isVisible()).toBe(false);
      await toggle.click();
      await page.getByRole('link', { name: words.workspaces, exact: true }).click();
      await page.waitForURL('**/workspaces');
      expect(await panel.isVisible()).toBe(false);
      // A click outside the bar closes it too.
      await toggle.click();
      expect(await panel.isVisible()).toBe(true);
      await page.locator('main').click({ position: { x: 5, y: 300 } });
      expect(await panel.isVisible()).toBe(false);
      if (lang === 'ru') await switchLanguage(page, lang);
    }
    // Logging out is in the menu as well.
    await page.getByRole('button', { name: LANGUAGES.en.menu, exact: true }).click();
    await page.getByRole('button', { name: LANGUAGES.en.logout, exact: true }).click();
    await page.waitForURL('**/login');
    await page.context().close();

    // Above the breakpoint the links are in the bar, no «Меню»; on a tablet it still fits (the tagline gives way),
    // on a wide screen the tagline is there as it always was.
    const wide = await phone(true);
    for (const width of [800, 1400]) {
      await wide.setViewportSize({ width, height: 844 });
      await wide.goto('/workspaces');
      await wide.getByRole('link', { name: LANGUAGES.ru.settings, exact: true }).waitFor();
      expect(await wide.getByRole('button', { name: LANGUAGES.ru.logout, exact: true }).isVisible()).toBe(true);
      expect(await wide.getByRole('button', { name: LANGUAGES.ru.menu, exact: true }).isVisible()).toBe(false);
      expect(await wide.locator('.tagline').isVisible()).toBe(width > 1000);
      expect(await misfits(wide)).toEqual([]);
    }
    await wide.context().close();
  });
});
