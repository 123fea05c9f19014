// The board reads like the plan people print (issue 15, first step), in Chromium: status is a chip
// with its word in full, coloured by status, still a select for the keyboard; typed fields have no
// resize grips; whoever cannot edit is told why, in the role's own name or that the board is
// archived, and is never told that changes are saved; the connection indicator believes the
// browser when it says the network is gone.
import { describe, expect, it } from 'vitest';
import { eventually, launchBrowser, openBoard, scrollToIt, signedInContext } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();
const { owner, id: workspaceId } = await newWorkspace(server);
const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
const LONG_RESPONSIBLES = 'МОУ ГЦРО, ДОО города Ярославля, МДОУ «Детский сад № 8», МДОУ «Детский сад № 25», МДОУ «Детский сад № 44», МДОУ «Детский сад № 82»';

const content = (title: string) => ({
  format: 'soplan-board',
  version: 1,
  kind: 'roadmap',
  title,
  roadmap: {
    sections: [
      {
        title: 'Организационное обеспечение',
        items: [{ title: 'Семинар', period: 'Октябрь 2021', responsibles: ['МОУ ГЦРО, ДОО города Ярославля'], status: 'in-progress' }],
      },
    ],
  },
});
const newBoard = async (title: string) =>
  ((await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title, content: content(title) })).body as { id: string }).id;

describe('a readable board', () => {
  it('status is a chip with its whole word, coloured by status, changed with the keyboard; fields have no resize grips', async () => {
    const { context, page } = await openBoard(browser, server.url, owner, await newBoard('Статусы'));
    const chip = page.locator('[data-testid="roadmap-item"][data-number="1.1"] select.status-chip');
    await chip.waitFor();
    expect(await chip.getAttribute('data-status')).toBe('in-progress');
    expect(await chip.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.textContent)).toBe('В работе');
    // the word is not cut: the chip is as wide as it needs
    expect(await chip.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const background = await chip.evaluate((el) => getComputedStyle(el).backgroundColor);
    await chip.focus();
    await page.keyboard.press('ArrowDown');
    await eventually(async () => (await chip.getAttribute('data-status')) === 'done', 'the status changed by the keyboard');
    expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(background);
    for (const resize of await page.locator('[data-testid="roadmap-item"] textarea').evaluateAll((els) => els.map((el) => getComputedStyle(el).resize)))
      expect(resize).toBe('none');
    // a long Ответственный исполнитель wraps and shows in full, and the table still fits the window
    const responsibles = page.getByRole('textbox', { name: 'Ответственный исполнитель 1.1' });
    await responsibles.fill(LONG_RESPONSIBLES);
    // the field being typed in has a clear ring, not a 1 px border change (N4)
    expect(await responsibles.evaluate((el) => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth) >= 2])).toEqual([
      'solid',
      true,
    ]);
    await eventually(async () => (await responsibles.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)) === true, 'the field grown to its text');
    expect(await responsibles.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it('the column header of a long roadmap stays at the top of the window while it scrolls', async () => {
    const long = {
      ...content('Длинная'),
      roadmap: { sections: [{ title: 'Раздел', items: Array.from({ length: 80 }, (_, k) => ({ title: `Мероприятие ${k + 1}`, period: 'Октябрь 2021' })) }] },
    };
    const id = ((await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: 'Длинная', content: long })).body as { id: string })
      .id;
    const { context, page } = await openBoard(browser, server.url, owner, id);
    const header = page.getByTestId('roadmap').locator('thead th').first();
    await scrollToIt(page, page.locator('[data-testid="roadmap-item"][data-number="1.60"]'), 'item 1.60');
    await eventually(async () => Math.abs((await header.boundingBox())!.y) < 2, 'the header at the top of the window');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await context.close();
  });

  it('a plan-graph’s form shows in full, wrapping, and a pick from its list replaces it; a picked organisation is added to the responsibles (V5)', async () => {
    const FORM = 'Сбор проблемной группы педагогов дошкольных образовательных организаций';
    const planContent = {
      format: 'soplan-board',
      version: 1,
      kind: 'plan-graph',
      title: 'План-график',
      planGraph: { from: '2021-09', to: '2022-05', events: [{ month: '2021-10', title: 'Заседание', form: FORM, responsibles: ['МОУ ГЦРО'] }] },
    };
    const id = (
      (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'plan-graph', title: 'План-график', content: planContent })).body as {
        id: string;
      }
    ).id;
    const { context, page } = await openBoard(browser, server.url, owner, id);
    const card = page.getByTestId('plan-event').first();
    const form = card.getByRole('textbox', { name: 'Форма мероприятия' });
    expect(await form.inputValue()).toBe(FORM);
    // The whole form is on the card: the field wraps and grows instead of cutting it at the card's edge.
    expect(await form.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1 && el.clientHeight > 30)).toBe(true);
    const picker = card.getByRole('combobox', { name: 'Выбрать форму из списка' });
    await picker.focus();
    await picker.selectOption('Семинар');
    await eventually(async () => (await form.inputValue()) === 'Семинар', 'the picked form');
    await card.getByRole('button', { name: 'Подробнее' }).click();
    const people = card.getByRole('combobox', { name: 'Добавить из списка организаций' });
    await people.focus();
    await people.selectOption('МОУ ГЦРО');
    await card.getByRole('textbox', { name: 'Партнёр' }).fill('ЯГПУ');
    // A name already listed is not added twice.
    expect(await card.getByRole('textbox', { name: 'Ответственные (организации и люди)' }).inputValue()).toBe('МОУ ГЦРО');
    await context.close();
  });

  it('on a 390 px phone the table scrolls in its own area and № п/п stays in sight', async () => {
    const { context, page } = await openBoard(browser, server.url, owner, await newBoard('На телефоне'));
    await page.setViewportSize({ width: 390, height: 844 });
    const number = page.locator('[data-testid="roadmap-item"][data-number="1.1"] td.num');
    await number.waitFor();
    const before = (await number.boundingBox())!.x;
    const scrolled = await page.locator('.table-wrap').evaluate((el) => {
      el.scrollLeft = 400;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(100);
    await eventually(async () => Math.abs((await number.boundingBox())!.x - before) < 2, '№ п/п in place');
    await context.close();
  });

  it('a viewer is told they are a «читатель», the connection never says their changes are saved, and no field hints what to type', async () => {
    const { context, page } = await openBoard(browser, server.url, viewer, await newBoard('Для читателя'));
    expect(await page.getByTestId('read-only').textContent()).toContain('ваша роль в пространстве — читатель');
    const connection = await page.getByTestId('connection').textContent();
    expect(connection).toContain('В сети');
    expect(connection).not.toContain('сохраняются');
    // «через запятую» and the like are for those who type; a read-only field shows none (N4)
    expect(await page.locator('[data-testid="roadmap-item"] textarea').count()).toBeGreaterThan(0);
    expect(await page.locator('textarea[placeholder]:not([placeholder=""]), input[placeholder]:not([placeholder=""])').count()).toBe(0);
    await context.close();
  });

  it('losing the network is said at once, from the browser’s own word, and the others see the person leave; back online, both come back', async () => {
    const editor = await joinWithRole(server, owner.client, workspaceId, 'editor');
    const id = await newBoard('Связь');
    const a = await openBoard(browser, server.url, owner, id);
    const b = await openBoard(browser, server.url, editor, id);
    const peers = a.page.getByTestId('peers').getByTestId('peer');
    await eventually(async () => (await peers.count()) === 1, 'the editor shown to the owner');
    // no server-side close: only the browser knows the network is gone (the provider's ping would take 30 s)
    await b.context.setOffline(true);
    await b.page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    await eventually(async () => (await peers.count()) === 0, 'the editor gone for the owner');
    await b.context.setOffline(false);
    await b.page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    await eventually(async () => (await peers.count()) === 1, 'the editor back for the owner');
    await a.context.close();
    await b.context.close();
  });

  it('the calendar’s ‹ › buttons have names, in Russian and in English', async () => {
    const context = await signedInContext(browser, server.url, owner);
    const page = await context.newPage();
    await page.goto(`/workspaces/${workspaceId}/calendar`);
    await page.getByRole('button', { name: 'Назад: предыдущий период' }).waitFor();
    await page.getByRole('button', { name: 'Вперёд: следующий период' }).click();
    await page.getByRole('button', { name: 'Сегодня' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Back: the previous period' }).waitFor();
    await context.close();
  });

  it('a link to a programme’s stage or a step of a pair’s route opens the board on it, focused', async () => {
    const programme = {
      format: 'soplan-board',
      version: 1,
      kind: 'programme',
      title: 'Наставничество',
      programme: {
        stages: Array.from({ length: 12 }, (_, k) => ({ title: `Этап ${k + 1}`, period: 'Сентябрь 2021' })),
        pairs: [{ mentor: 'Иванова А.А.', mentee: 'Петрова Б.Б.', route: [{ title: 'Посещение занятий наставника', period: 'Октябрь 2021' }] }],
      },
    };
    const id = (
      (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'programme', title: 'Наставничество', content: programme })).body as {
        id: string;
      }
    ).id;
    const items = (await owner.client.get(`/api/boards/${id}/items`)).body as { id: string; title: string }[];
    const context = await signedInContext(browser, server.url, owner);
    const page = await context.newPage();
    for (const title of ['Этап 12', 'Посещение занятий наставника']) {
      const itemId = items.find((i) => i.title === title)!.id;
      await page.goto(`/boards/${id}#item-${itemId}`);
      await eventually(async () => (await page.evaluate(() => document.activeElement?.id)) === `item-${itemId}`, `${title} focused`);
      const box = (await page.locator(`[id="item-${itemId}"]`).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(860);
      await page.goto('about:blank');
    }
    await context.close();
  });

  it('an archived board says it is archived, even to its owner', async () => {
    const id = await newBoard('В архиве');
    expect((await owner.client.patch(`/api/boards/${id}`, { archived: true })).status).toBe(200);
    const { context, page } = await openBoard(browser, server.url, owner, id);
    expect(await page.getByTestId('read-only').textContent()).toContain('Доска в архиве');
    expect(await page.getByTestId('connection').textContent()).not.toContain('сохраняются');
    await context.close();
  });
});
