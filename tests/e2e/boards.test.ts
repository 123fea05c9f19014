// The three boards live in Chromium, with two browser contexts per board editing at once: they
// converge; an edit made offline merges on reconnect; Ctrl+Z undoes only one's own edits; a viewer
// sees everything live and can change nothing; items reorder from the keyboard alone. (Big boards:
// big-boards.test.ts.)
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, launchBrowser, newPerson, scrollToIt } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();
const PASSWORD = 'soplan-demo';
const OWNER = 'demo@soplan.local';
const EDITOR = 'petrova@soplan.local';
const VIEWER = 'lebedeva@soplan.local';

const login = server.client();
await login.post('/api/auth/login', { email: OWNER, password: PASSWORD });
const [workspace] = (await login.get('/api/workspaces')).body as { id: string }[];
const boards = (await login.get(`/api/workspaces/${workspace!.id}/boards`)).body as { id: string; kind: string; title: string }[];
const boardId = (match: (b: { kind: string; title: string }) => boolean) => boards.find(match)!.id;
const SAROV = boardId((b) => b.title.includes('Сарове'));
const YAROSLAVL = boardId((b) => b.kind === 'roadmap' && !b.title.includes('Сарове'));
const PLAN = boardId((b) => b.kind === 'plan-graph');
const PROGRAMME = boardId((b) => b.kind === 'programme');

async function openBoard(email: string, board: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPerson(browser, server.url);
  const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers: { origin: server.url } });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(`/boards/${board}`);
  await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
  return { context, page };
}

const itemRow = (page: Page, number: string) => page.locator(`[data-testid="roadmap-item"][data-number="${number}"]`);
const titleOf = (page: Page, number: string) => itemRow(page, number).getByRole('textbox').first();

async function typeAtEnd(page: Page, field: ReturnType<Page['locator']>, text: string) {
  await field.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe('roadmap, two people at once', () => {
  it('both type into different items at the same time, and both see both edits; an added item appears for the other', async () => {
    const a = await openBoard(OWNER, SAROV);
    const b = await openBoard(EDITOR, SAROV);
    await b.page.getByTestId('peer').first().waitFor();
    await Promise.all([typeAtEnd(a.page, titleOf(a.page, '1.1'), ' (А)'), typeAtEnd(b.page, titleOf(b.page, '1.2'), ' (Б)')]);
    for (const { page } of [a, b]) {
      await eventually(
        async () => (await titleOf(page, '1.1').inputValue()).endsWith(' (А)') && (await titleOf(page, '1.2').inputValue()).endsWith(' (Б)'),
        'both edits',
      );
    }
    const addInSecond = (page: Page) => page.getByTestId('roadmap-section').nth(1).getByTestId('add-item');
    for (const { page } of [a, b]) await scrollToIt(page, addInSecond(page), 'section 2’s «add»');
    await addInSecond(b.page).click();
    await typeAtEnd(b.page, titleOf(b.page, '2.4'), 'Новое мероприятие от Петровой');
    await eventually(async () => (await titleOf(a.page, '2.4').inputValue()) === 'Новое мероприятие от Петровой', 'the new item');
    await a.context.close();
    await b.context.close();
  });

  it("Ctrl+Z undoes only one's own edit", async () => {
    const a = await openBoard(OWNER, YAROSLAVL);
    const b = await openBoard(EDITOR, YAROSLAVL);
    const before = await titleOf(a.page, '1.1').inputValue();
    await typeAtEnd(a.page, titleOf(a.page, '1.1'), ' — моя правка');
    await typeAtEnd(b.page, titleOf(b.page, '1.2'), ' — правка коллеги');
    await eventually(async () => (await titleOf(a.page, '1.2').inputValue()).endsWith(' — правка коллеги'), "the colleague's edit");
    await a.page.locator('h1').click();
    await a.page.keyboard.press('Control+z');
    for (const { page } of [a, b]) {
      await eventually(
        async () => (await titleOf(page, '1.1').inputValue()) === before && (await titleOf(page, '1.2').inputValue()).endsWith(' — правка коллеги'),
        'undo of my edit only',
      );
    }
    await a.context.close();
    await b.context.close();
  });

  it('an item moves with the keyboard alone (Alt+↓ on its handle), for everyone', async () => {
    const a = await openBoard(OWNER, YAROSLAVL);
    const b = await openBoard(EDITOR, YAROSLAVL);
    for (const { page } of [a, b]) await scrollToIt(page, itemRow(page, '3.3'), 'item 3.3');
    const first = await titleOf(a.page, '3.1').inputValue();
    await a.page.getByRole('button', { name: `Перетащите, чтобы переместить, или нажмите Alt+↑/↓: ${first}` }).focus();
    await a.page.keyboard.press('Alt+ArrowDown');
    await a.page.keyboard.press('Alt+ArrowDown');
    for (const { page } of [a, b]) await eventually(async () => (await titleOf(page, '3.3').inputValue()) === first, 'the moved item at 3.3');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain(first);
    await a.context.close();
    await b.context.close();
  });

  it('an edit made offline is kept and merges on reconnect', async () => {
    const a = await openBoard(OWNER, SAROV);
    const b = await openBoard(EDITOR, SAROV);
    for (const { page } of [a, b]) await scrollToIt(page, itemRow(page, '4.2'), 'item 4.2');
    await b.context.setOffline(true);
    // Going offline does not close an open socket at once; the server drops it, as a lost network would.
    for (const room of server.sync.rooms.values()) for (const conn of room.connections) if (conn.user.name.includes('Петрова')) conn.socket.close(4509, 'test');
    await b.page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    await typeAtEnd(b.page, titleOf(b.page, '4.1'), ' (правка без сети)');
    await typeAtEnd(a.page, titleOf(a.page, '4.2'), ' (правка в сети)');
    await new Promise((r) => setTimeout(r, 500));
    expect(await titleOf(a.page, '4.1').inputValue()).not.toContain('без сети');
    await b.context.setOffline(false);
    await b.page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    for (const { page } of [a, b]) {
      await eventually(
        async () =>
          (await titleOf(page, '4.1').inputValue()).endsWith(' (правка без сети)') && (await titleOf(page, '4.2').inputValue()).endsWith(' (правка в сети)'),
        'merged edits',
      );
    }
    await a.context.close();
    await b.context.close();
  });

  it('a viewer sees edits live and has no way to change anything', async () => {
    const viewer = await openBoard(VIEWER, SAROV);
    const a = await openBoard(OWNER, SAROV);
    await viewer.page.getByTestId('read-only').waitFor();
    expect(await titleOf(viewer.page, '1.3').getAttribute('readonly')).not.toBeNull();
    expect(await viewer.page.getByTestId('add-item').count()).toBe(0);
    expect(await viewer.page.getByTestId('add-section').count()).toBe(0);
    expect(await viewer.page.getByTestId('undo').count()).toBe(0);
    expect(await itemRow(viewer.page, '1.3').locator('select').isDisabled()).toBe(true);
    await titleOf(viewer.page, '1.3').focus();
    await viewer.page.keyboard.type('взлом');
    await typeAtEnd(a.page, titleOf(a.page, '1.3'), ' (видно наблюдателю)');
    await eventually(async () => (await titleOf(viewer.page, '1.3').inputValue()).endsWith(' (видно наблюдателю)'), 'the live edit');
    expect(await titleOf(a.page, '1.3').inputValue()).not.toContain('взлом');
    await viewer.context.close();
    await a.context.close();
  });
});

describe('typed fields are live (SPEC rules B3, B6)', () => {
  const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

  it('[B6] Сроки and Ответственный исполнитель reach the other person as they are typed, before the field loses focus', async () => {
    const a = await openBoard(OWNER, YAROSLAVL);
    const b = await openBoard(EDITOR, YAROSLAVL);
    await field(a.page, 'Сроки 2.1').focus();
    await a.page.keyboard.press('Control+A');
    await a.page.keyboard.type('Апрель 2023 г.');
    await eventually(async () => (await field(b.page, 'Сроки 2.1').inputValue()) === 'Апрель 2023 г.', 'the period, live');
    expect(await focused(a.page)).toBe('Сроки 2.1');
    await field(a.page, 'Ответственный исполнитель 2.1').focus();
    await a.page.keyboard.press('Control+A');
    await a.page.keyboard.type('Соколова Е. В.');
    await eventually(async () => (await field(b.page, 'Ответственный исполнитель 2.1').inputValue()) === 'Соколова Е. В.', 'the responsible, live');
    expect(await focused(a.page)).toBe('Ответственный исполнитель 2.1');
    await a.context.close();
    await b.context.close();
  });

  it('[B3] text typed and the page closed without leaving the field is there after reload', async () => {
    const a = await openBoard(OWNER, YAROSLAVL);
    await field(a.page, 'Подтверждение (ссылки) 2.2').focus();
    await a.page.keyboard.type('https://example.org/otchet');
    await field(a.page, 'Сроки 2.2').focus();
    await a.page.keyboard.press('Control+A');
    await a.page.keyboard.type('Май 2023 г.');
    expect(await focused(a.page)).toBe('Сроки 2.2');
    await a.page.close();
    const page = await a.context.newPage();
    await page.goto(`/boards/${YAROSLAVL}`);
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    await eventually(async () => (await field(page, 'Сроки 2.2').inputValue()) === 'Май 2023 г.', 'the period after reload');
    expect(await field(page, 'Подтверждение (ссылки) 2.2').inputValue()).toBe('https://example.org/otchet');
    expect(await itemRow(page, '2.2').locator('a[href="https://example.org/otchet"]').count()).toBe(1);
    // Another person sees it too: it reached the server, not only this browser's offline copy.
    const b = await openBoard(EDITOR, YAROSLAVL);
    await eventually(async () => (await field(b.page, 'Сроки 2.2').inputValue()) === 'Май 2023 г.', 'the period for another person');
    await a.context.close();
    await b.context.close();
  });
});

describe('plan-graph, two people at once', () => {
  it('one adds an event, the other moves it to the next month from the keyboard; both see it there', async () => {
    const a = await openBoard(OWNER, PLAN);
    const b = await openBoard(EDITOR, PLAN);
    const october = (page: Page) => page.locator('[data-testid="plan-month"][data-month="2021-10"]');
    const november = (page: Page) => page.locator('[data-testid="plan-month"][data-month="2021-11"]');
    await october(a.page).getByTestId('add-event').click();
    const card = october(a.page).getByTestId('plan-event').last();
    await typeAtEnd(a.page, card.getByRole('textbox', { name: 'Название мероприятия' }), 'Вебинар для наставников');
    await card.getByRole('textbox', { name: 'Форма мероприятия' }).fill('Вебинар');
    await card.getByRole('textbox', { name: 'Форма мероприятия' }).press('Tab');
    await eventually(
      async () =>
        (await october(b.page).getByTestId('plan-event').last().getByRole('textbox', { name: 'Название мероприятия' }).inputValue()) ===
        'Вебинар для наставников',
      'the new event',
    );
    await b.page.getByRole('button', { name: 'Перетащите, чтобы переместить, или нажмите Alt+↑/↓: Вебинар для наставников' }).focus();
    await b.page.keyboard.press('Alt+ArrowRight');
    for (const { page } of [a, b]) {
      await eventually(async () => {
        const titles = await november(page)
          .getByRole('textbox', { name: 'Название мероприятия' })
          .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
        return titles.includes('Вебинар для наставников');
      }, 'the event in November');
    }
    await b.page.getByTestId('filter-form').selectOption('Вебинар');
    expect(await b.page.getByTestId('plan-event').count()).toBe(1);
    await a.context.close();
    await b.context.close();
  });
});

describe('the workspace vocabulary of event forms', () => {
  it('a coordinator adds a form and moves it to the top from the keyboard; a plan-graph offers it first', async () => {
    const a = await openBoard(OWNER, PLAN);
    await a.page.goto(`/workspaces/${workspace!.id}?tab=forms`);
    await a.page.getByLabel('Название формы').fill('Педагогическая мастерская');
    await a.page.getByRole('button', { name: 'Добавить' }).click();
    const forms = a.page.getByTestId('event-forms').locator('li .name');
    await eventually(async () => (await forms.last().textContent()) === 'Педагогическая мастерская', 'the new form');
    const count = await forms.count();
    await a.page.getByRole('button', { name: 'Поднять форму «Педагогическая мастерская»' }).focus();
    for (let i = 1; i < count; i++) {
      await a.page.keyboard.press('Enter');
      await eventually(async () => (await forms.nth(count - 1 - i).textContent()) === 'Педагогическая мастерская', `the form at ${count - 1 - i}`);
      if (i < count - 1) await a.page.getByRole('button', { name: 'Поднять форму «Педагогическая мастерская»' }).focus();
    }
    const saved = (await login.get(`/api/workspaces/${workspace!.id}/event-forms`)).body as string[];
    expect(saved[0]).toBe('Педагогическая мастерская');
    expect(saved).toHaveLength(count);

    await a.page.goto(`/boards/${PLAN}`);
    const options = a.page.getByTestId('filter-form').locator('option');
    await eventually(async () => (await options.nth(1).textContent()) === 'Педагогическая мастерская', 'the form in the filter');
    await a.context.close();
  });
});

describe('programme, two people at once', () => {
  it("both write in the same rich-text section and see each other's text and caret; a passport field edit shows for the other", async () => {
    const a = await openBoard(OWNER, PROGRAMME);
    const b = await openBoard(EDITOR, PROGRAMME);
    const editorOf = (page: Page) => page.getByTestId('programme-section').first().locator('.ProseMirror');
    await editorOf(a.page).click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type(' Дополнение от методиста.');
    await editorOf(b.page).click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' И от воспитателя.');
    for (const { page } of [a, b]) {
      await eventually(async () => {
        const text = (await editorOf(page).textContent()) ?? '';
        return text.includes('Дополнение от методиста.') && text.includes('И от воспитателя.');
      }, 'both texts');
    }
    await a.page.locator('.collaboration-carets__label', { hasText: 'Петрова' }).waitFor();
    const goal = (page: Page) => page.getByRole('textbox', { name: 'Цель' });
    await typeAtEnd(b.page, goal(b.page), ' (уточнено)');
    await eventually(async () => (await goal(a.page).inputValue()).endsWith(' (уточнено)'), 'the passport edit');
    await a.context.close();
    await b.context.close();
  });
});
