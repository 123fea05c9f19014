// The document header (SPEC rule B9) in Chromium: every kind of board has a «Документ» panel at
// the top, collapsed when the board opens, with a line saying what it holds; what one person types
// into it the other sees as it is typed, the server's document holds it; opened, it stays open for
// that board in that tab; a board created from the JSON form shows its приказ; a viewer reads it and
// can change nothing; a programme's Цель and Задачи are its passport's, not the header's.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BOARD_KINDS, boardJson, readDocumentHeader, type BoardKind } from '@soplan/shared';
import { eventually, launchBrowser, openBoard } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient } from '../helpers/sync-client.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();
const { owner, id: workspaceId } = await newWorkspace(server);
const editor = await joinWithRole(server, owner.client, workspaceId, 'editor');
const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
const token = ((await owner.client.post('/api/tokens', { name: 'header' })).body as { token: string }).token;

async function newBoard(body: Record<string, unknown>): Promise<string> {
  const res = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, body);
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

const open = (person: { email: string; password: string }, boardId: string) => openBoard(browser, server.url, person, boardId);

const panel = (page: Page) => page.getByTestId('document-header');
const field = (page: Page, label: string) => panel(page).getByRole('textbox', { name: label, exact: true });
const isOpen = (page: Page) => panel(page).evaluate((el) => (el as HTMLDetailsElement).open);
const summaryOf = async (page: Page) => (await page.getByTestId('document-summary').textContent())?.trim();

describe('the document header', () => {
  it('[B9] every kind of board has the «Документ» panel at the top, collapsed while it is empty', async () => {
    const { context, page } = await open(owner, await newBoard({ kind: 'roadmap', title: 'Первая' }));
    for (const kind of BOARD_KINDS) {
      const id = await newBoard({ kind, title: `Доска ${kind}` });
      await page.goto(`/boards/${id}`);
      await panel(page).waitFor();
      expect(await isOpen(page), kind).toBe(false);
      expect(await panel(page).locator('summary').textContent()).toContain('Документ');
      expect(await summaryOf(page), kind).toBe(kind === 'programme' ? 'не заполнен: приказ, сокращения' : 'не заполнен: приказ, цель, задачи, сокращения');
    }
    // Placeholders do not pass for data.
    await panel(page).getByText('Открыть').click();
    for (const label of ['Кем издан', 'Вид документа', 'Дата', 'Номер', 'Подпись']) {
      expect(await field(page, label).getAttribute('placeholder'), label).toMatch(/^например: /);
    }
    await context.close();
  });

  it('[B9][B3] what one person types into the header the other sees as it is typed; the server holds it; opened, the panel stays open in that tab', async () => {
    const boardId = await newBoard({ kind: 'plan-graph', title: 'План-график' });
    const a = await open(owner, boardId);
    const b = await open(editor, boardId);
    await panel(a.page).locator('summary').click();
    await panel(b.page).locator('summary').click();
    await field(a.page, 'Вид документа').fill('ПРИКАЗ');
    await field(a.page, 'Заголовок').focus();
    await a.page.keyboard.type('Об утверждении плана-графика');
    await field(b.page, 'Номер').focus();
    await b.page.keyboard.type('01-05/812');
    await eventually(async () => (await field(b.page, 'Заголовок').inputValue()) === 'Об утверждении плана-графика', 'the title on the other screen');
    await eventually(async () => (await field(a.page, 'Номер').inputValue()) === '01-05/812', 'the number on the first screen');

    const reader = syncClient(server.url, boardId, { token });
    await reader.synced();
    await eventually(
      () => readDocumentHeader(reader.doc).title === 'Об утверждении плана-графика' && readDocumentHeader(reader.doc).number === '01-05/812',
      'the header on the server',
    );
    expect(reader.doc.getMap('header').get('title')).toBeInstanceOf(Y.Text);
    expect(readDocumentHeader(reader.doc).documentKind).toBe('ПРИКАЗ');
    reader.destroy();

    await a.page.reload();
    await a.page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    await eventually(async () => (await summaryOf(a.page)) === 'Приказ № 01-05/812', 'the summary on reload');
    expect(await isOpen(a.page)).toBe(true);
    // Closed, it stays closed on reload; another tab opens it closed.
    await panel(a.page).locator('summary').click();
    await a.page.reload();
    await eventually(async () => (await summaryOf(a.page)) === 'Приказ № 01-05/812', 'the summary on the second reload');
    expect(await isOpen(a.page)).toBe(false);
    await a.context.close();
    await b.context.close();
  });

  it('[B9][B10] a board created from the JSON form shows its приказ; a viewer reads every field and can change none', async () => {
    const content = boardJson.parse({
      format: 'soplan-board',
      version: 1,
      kind: 'roadmap',
      title: 'Дорожная карта',
      document: {
        authority: 'Департамент образования мэрии города Ярославля',
        documentKind: 'ПРИКАЗ',
        date: '12.10.2021',
        number: '01-05/812',
        title: 'Об утверждении плана мероприятий',
        body: 'В целях реализации…\nПРИКАЗЫВАЮ:',
        signatory: 'Директор департамента И.О. Фамилия',
        goal: 'Создание условий',
        tasks: 'Первая\nВторая',
        abbreviations: 'ДОО – дошкольная образовательная организация',
      },
      roadmap: {},
    });
    const boardId = await newBoard({ kind: 'roadmap' satisfies BoardKind, title: 'Дорожная карта', content });
    const { context, page } = await open(viewer, boardId);
    // Closed, so the plan is at the top of the page; the line says what the panel holds.
    await eventually(async () => (await summaryOf(page)) === 'Приказ № 01-05/812 от 12.10.2021 · Цель · Задачи · Сокращения', 'the summary');
    expect(await isOpen(page)).toBe(false);
    await panel(page).getByText('Открыть').click();
    expect(await isOpen(page)).toBe(true);
    expect(await field(page, 'Кем издан').inputValue()).toBe('Департамент образования мэрии города Ярославля');
    expect(await field(page, 'Текст приказа').inputValue()).toBe('В целях реализации…\nПРИКАЗЫВАЮ:');
    expect(await field(page, 'Сокращения').inputValue()).toBe('ДОО – дошкольная образовательная организация');
    expect(await field(page, 'Задачи').getAttribute('readonly')).not.toBeNull();
    await field(page, 'Цель').focus();
    await page.keyboard.type('Чужая правка');
    expect(await field(page, 'Цель').inputValue()).toBe('Создание условий');
    const reader = syncClient(server.url, boardId, { token });
    await reader.synced();
    expect(readDocumentHeader(reader.doc).goal).toBe('Создание условий');
    reader.destroy();
    await context.close();
  });

  it('[B9] the summary names exactly the fields that hold text; a programme board leaves Цель and Задачи to its passport', async () => {
    const roadmap = await newBoard({
      kind: 'roadmap',
      title: 'Только задачи',
      content: boardJson.parse({ format: 'soplan-board', version: 1, kind: 'roadmap', title: 'Только задачи', document: { tasks: 'Первая' }, roadmap: {} }),
    });
    const { context, page } = await open(owner, roadmap);
    await eventually(async () => (await summaryOf(page)) === 'Задачи', 'the summary of a header with only its tasks');

    const programme = await newBoard({
      kind: 'programme',
      title: 'Программа',
      content: boardJson.parse({
        format: 'soplan-board',
        version: 1,
        kind: 'programme',
        title: 'Программа',
        document: { documentKind: 'ПРИКАЗ', goal: 'Цель из шапки', abbreviations: 'ДОО – дошкольная образовательная организация' },
        programme: {},
      }),
    });
    await page.goto(`/boards/${programme}`);
    await eventually(async () => (await summaryOf(page)) === 'Приказ · Сокращения', 'the programme’s summary');
    await panel(page).locator('summary').click();
    expect(await field(page, 'Сокращения').inputValue()).toBe('ДОО – дошкольная образовательная организация');
    expect(await field(page, 'Цель').count()).toBe(0);
    expect(await field(page, 'Задачи').count()).toBe(0);
    await context.close();
  });
});
