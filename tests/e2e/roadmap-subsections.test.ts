// Three-level plans in Chromium (SPEC rules B6, B7, B10): a roadmap's subsections show with their
// derived numbers (1, 1.1, 1.3, 1.3.1), «Добавить подраздел» adds one live for everyone, items and
// subsections move from the keyboard alone across section borders, and deleting a section takes
// its subsections with it. A programme's plan of events is the same table on the programme's
// board and its items reach the calendar; its rich text, written from the JSON form, opens in the
// editor with headings, lists, bold and italic, and what the editor writes reads back as the form.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardJson, boardToJson, readRoadmap, roadmapItems, roadmapSections, type BoardJson } from '@soplan/shared';
import { eventually, launchBrowser, openBoard } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient } from '../helpers/sync-client.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();
const { owner, id: workspaceId } = await newWorkspace(server);
const editor = await joinWithRole(server, owner.client, workspaceId, 'editor');
const token = ((await owner.client.post('/api/tokens', { name: 'plans' })).body as { token: string }).token;

const item = (title: string, period = '') => ({ title, period });
const threeLevels = {
  sections: [
    {
      title: 'Организационно-методическое обеспечение',
      items: [item('Приказ'), item('Положение')],
      sections: [
        { title: 'Работа с педагогами', items: [item('Семинар'), item('Тренинг')] },
        { title: 'Работа с родителями', items: [item('Собрание')] },
      ],
    },
    { title: 'Мониторинг', items: [item('Анкетирование')] },
  ],
};

async function newBoard(content: unknown): Promise<string> {
  const json = boardJson.parse(content);
  const res = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: json.kind, title: json.title, content: json });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

const open = (person: { email: string; password: string }, boardId: string) => openBoard(browser, server.url, person, boardId);

/** Every row of the table in order: «number title» for items and subsections, as the page shows them. */
async function rows(page: Page, scope = page.getByTestId('roadmap')): Promise<string[]> {
  return scope
    .locator('tr[data-number]:not(.section-row), tr.subsection-row')
    .evaluateAll((trs) =>
      trs.map((tr) => `${(tr as HTMLElement).dataset.number} ${(tr.querySelector('input, textarea') as HTMLInputElement | HTMLTextAreaElement).value}`),
    );
}

const handle = (page: Page, title: string) => page.getByRole('button', { name: `Перетащите, чтобы переместить, или нажмите Alt+↑/↓: ${title}`, exact: true });

describe('roadmap subsections', () => {
  it("[B6] show their derived numbers after their section's own items; «Добавить подраздел» adds one, live for the other person", async () => {
    const boardId = await newBoard({ format: 'soplan-board', version: 1, kind: 'roadmap', title: 'Трёхуровневая карта', roadmap: threeLevels });
    const a = await open(owner, boardId);
    const b = await open(editor, boardId);
    expect(await rows(a.page)).toEqual([
      '1.1 Приказ',
      '1.2 Положение',
      '1.3 Работа с педагогами',
      '1.3.1 Семинар',
      '1.3.2 Тренинг',
      '1.4 Работа с родителями',
      '1.4.1 Собрание',
      '2.1 Анкетирование',
    ]);
    await a.page.getByTestId('roadmap-section').first().getByTestId('add-subsection').click();
    await a.page.getByRole('textbox', { name: 'Подраздел 1.5', exact: true }).focus();
    await a.page.keyboard.type('Работа с детьми');
    await a.page.getByTestId('roadmap-subsection').nth(2).getByTestId('add-item').click();
    await a.page.getByRole('textbox', { name: 'Наименование мероприятия 1.5.1', exact: true }).focus();
    await a.page.keyboard.type('Квест');
    await eventually(
      async () => (await rows(b.page)).slice(7, 9).join(' | ') === '1.5 Работа с детьми | 1.5.1 Квест',
      'the new subsection on the other screen',
    );
    const reader = syncClient(server.url, boardId, { token });
    await reader.synced();
    await eventually(() => readRoadmap(reader.doc).sections[0]!.subsections.at(-1)?.items[0]?.title === 'Квест', 'the subsection on the server');
    expect(readRoadmap(reader.doc).sections[0]!.subsections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1.3 Работа с педагогами',
      '1.4 Работа с родителями',
      '1.5 Работа с детьми',
    ]);
    reader.destroy();
    await a.context.close();
    await b.context.close();
  });

  it('[B6] items and subsections move from the keyboard across section borders; deleting a section takes its subsections and their items', async () => {
    const boardId = await newBoard({ format: 'soplan-board', version: 1, kind: 'roadmap', title: 'Карта для клавиатуры', roadmap: threeLevels });
    const { context, page } = await open(owner, boardId);
    // The last own item of a section, one step down, is the first item of its first subsection.
    await handle(page, 'Положение').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(
      async () => (await rows(page)).slice(0, 3).join(' | ') === '1.1 Приказ | 1.2 Работа с педагогами | 1.2.1 Положение',
      'the item in the subsection',
    );
    // The last subsection of a section, one step down, is the first subsection of the next section.
    await handle(page, 'Работа с родителями').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(
      async () => (await rows(page)).slice(-3).join(' | ') === '2.1 Анкетирование | 2.2 Работа с родителями | 2.2.1 Собрание',
      'the subsection under «Мониторинг»',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('Работа с родителями');
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () => (await rows(page)).includes('1.3 Работа с родителями'), 'the subsection back under the first section');

    await page.getByRole('button', { name: 'Удалить «Организационно-методическое обеспечение»', exact: true }).click();
    await eventually(async () => (await rows(page)).join(' | ') === '1.1 Анкетирование', 'the section gone with its subsections');
    const reader = syncClient(server.url, boardId, { token });
    await reader.synced();
    await eventually(() => roadmapSections(reader.doc).size === 1 && roadmapItems(reader.doc).size === 1, 'only «Мониторинг» left on the server');
    reader.destroy();
    await context.close();
  });
});

describe("a programme's plan and rich text", () => {
  const programme = (): BoardJson =>
    boardJson.parse({
      format: 'soplan-board',
      version: 1,
      kind: 'programme',
      title: 'Программа наставничества',
      programme: {
        sections: [
          {
            title: 'Пояснительная записка',
            body: [
              { type: 'heading', level: 2, runs: [{ text: 'Основания' }] },
              {
                type: 'paragraph',
                runs: [{ text: 'Программа ' }, { text: 'наставничества', bold: true }, { text: ' — ' }, { text: 'ключевой', bold: true, italic: true }],
              },
              { type: 'bulletList', items: [[{ text: 'первое' }], [{ text: 'второе' }]] },
              { type: 'orderedList', items: [[{ text: 'шаг один' }], [{ text: 'шаг два' }]] },
              { type: 'paragraph', runs: [{ text: 'строка\nперенос' }] },
            ],
          },
        ],
        plan: {
          sections: [
            {
              title: 'Организационный этап',
              items: [{ title: 'Приказ о наставничестве', period: 'Сентябрь 2021 г.' }],
              sections: [{ title: 'Работа пар', items: [{ title: 'Посещение занятий', period: 'Октябрь 2021 г.' }] }],
            },
          ],
        },
      },
    });

  it("[B7] the plan of events is on the programme board in the roadmap's table, and an item added there reaches the calendar", async () => {
    const boardId = await newBoard(programme());
    const { context, page } = await open(owner, boardId);
    const plan = page.getByTestId('programme-plan');
    await plan.getByRole('heading', { name: 'План мероприятий' }).waitFor();
    expect(await rows(page, plan)).toEqual(['1.1 Приказ о наставничестве', '1.2 Работа пар', '1.2.1 Посещение занятий']);
    await plan.getByTestId('roadmap-section').first().getByTestId('add-item').click();
    await page.getByRole('textbox', { name: 'Наименование мероприятия 1.2', exact: true }).focus();
    await page.keyboard.type('Итоговая конференция');
    await page.getByRole('textbox', { name: 'Сроки 1.2', exact: true }).focus();
    await page.keyboard.type('Май 2022 г.');
    await eventually(async () => {
      const calendar = (await owner.client.get(`/api/workspaces/${workspaceId}/calendar`)).body as { title: string; start: string | null }[];
      return calendar.some((i) => i.title === 'Итоговая конференция' && i.start === '2022-05-01') && calendar.some((i) => i.title === 'Посещение занятий');
    }, 'the plan items in the calendar');
    await context.close();
  });

  it('[B10][B7] rich text written from the JSON form opens in the editor as written, and what the editor writes reads back as the form', async () => {
    const content = programme();
    const boardId = await newBoard(content);
    const { context, page } = await open(owner, boardId);
    const editorBody = page.getByTestId('rich-text').first().locator('.ProseMirror');
    await editorBody.locator('h2', { hasText: 'Основания' }).waitFor();
    expect(await editorBody.locator('strong').first().textContent()).toBe('наставничества');
    expect(await editorBody.locator('strong em, em strong').textContent()).toBe('ключевой');
    expect(await editorBody.locator('ul > li').allTextContents()).toEqual(['первое', 'второе']);
    expect(await editorBody.locator('ol > li').allTextContents()).toEqual(['шаг один', 'шаг два']);
    expect(await editorBody.locator('p br').count()).toBeGreaterThan(0);

    const reader = syncClient(server.url, boardId, { token });
    await reader.synced();
    const sectionsOf = (doc: Y.Doc) => {
      const json = boardToJson('programme', content.title, doc, '2022-01-15');
      return json.kind === 'programme' ? json.programme.sections : [];
    };
    // Opening it in the editor changed nothing.
    expect(sectionsOf(reader.doc)).toEqual(content.kind === 'programme' ? content.programme.sections : []);

    // The paragraph with the line break is the last block: the end of the text is the end of its second line.
    await editorBody.locator('p', { hasText: 'перенос' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('новое');
    const edited = JSON.stringify({ type: 'paragraph', runs: [{ text: 'строка\nперенос' }, { text: 'новое', bold: true }] });
    // What the server holds, read by someone opening the board now…
    await eventually(async () => {
      const late = syncClient(server.url, boardId, { token });
      await late.synced();
      const last = JSON.stringify(sectionsOf(late.doc)[0]!.body.at(-1));
      late.destroy();
      return last === edited;
    }, 'the bold run on the server');
    // …and by someone who had it open all along.
    await eventually(() => JSON.stringify(sectionsOf(reader.doc)[0]!.body.at(-1)) === edited, 'the bold run on a screen that had the board open');
    reader.destroy();
    await context.close();
  });
});
