// Import in Chromium, as a methodologist does it: drop a Word file on the «Импорт» dialog, read the
// preview (title, derived numbers, periods as understood, responsibles matched, warnings that find
// their item), fix what a column means and watch the preview follow, create the board in one click
// and land on it; paste a table copied from Word; choose the plan-graph among a document's tables and
// read it by months, and a programme by its passport; a file that is not what its name says is refused
// in words and creates nothing; a board is copied as next year's plan and another is made a template.
// A second person of the workspace checks that nothing is stored until «Создать доску».
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { sourceFixture } from '../helpers/import-fixtures.ts';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();

const { owner, id: workspaceId } = await newWorkspace(server, 'Сеть наставников');
const editor = await joinWithRole(server, owner.client, workspaceId, 'editor');
for (const name of ['МОУ «Городской центр развития образования» (ГЦРО)', 'МДОУ № 8']) {
  const res = await owner.client.post(`/api/workspaces/${workspaceId}/organisations`, { name, kind: 'centre', partner: false });
  expect(res.status).toBe(201);
}

const HEADER = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат'];
const ROWS: (string[] | string)[] = [
  '1. Организационно-методическое сопровождение',
  ['1.1', 'Формирование базы наставников', 'Октябрь 2021 г.', 'ГЦРО', 'База наставников сети'],
  ['1.2', 'Круглый стол «Наставничество в ДОО»', 'Ежегодно в январе и мае', 'МДОУ № 8', 'Обмен опытом'],
  ['1.3', 'Анкетирование молодых педагогов', 'когда получится', 'Школа № 99', 'Карта дефицитов'],
  '2. Информационное сопровождение',
  ['2.1', 'Публикации на сайте сети', '13.09.2021- 08.10.2021', 'ГЦРО, МДОУ № 8', 'Новости на сайте'],
];

const cell = (text: string, columnSpan = 1) =>
  new TableCell({ columnSpan, children: [new Paragraph({ children: [new TextRun({ text, bold: columnSpan > 1 })] })] });

/** A приказ with its roadmap, as Word writes it: the header row repeated on every page, section rows merged across the table. */
async function roadmapDocx(): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: HEADER.map((h) => cell(h)) }),
      ...ROWS.map((row) => new TableRow({ children: typeof row === 'string' ? [cell(row, HEADER.length)] : row.map((text) => cell(text)) })),
    ],
  });
  const centred = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });
  const doc = new Document({
    sections: [
      {
        children: [
          centred('Департамент образования мэрии города Ярославля', true),
          centred('ПРИКАЗ', true),
          new Paragraph({ children: [new TextRun('12.10.2021 № 01-05/812')] }),
          centred('Об утверждении дорожной карты по развитию наставничества', true),
          new Paragraph({ children: [new TextRun('В целях развития системы наставничества в муниципальной системе образования')] }),
          new Paragraph({ children: [new TextRun('ПРИКАЗЫВАЮ:')] }),
          new Paragraph({ children: [new TextRun('1. Утвердить дорожную карту (приложение).')] }),
          new Paragraph({ children: [new TextRun('Директор департамента И.В. Иванова')] }),
          centred('Дорожная карта по развитию наставничества на 2021–2022 учебный год', true),
          table,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function signedIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await signedInContext(browser, server.url, { email, password });
  const page = await context.newPage();
  await page.goto(`/workspaces/${workspaceId}`);
  await page.getByRole('heading', { name: 'Сеть наставников', exact: true }).waitFor();
  return { context, page };
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  await page.getByRole('dialog', { name: 'Импорт документа' }).waitFor();
}

/** Drops a file on the dialog's drop zone as the browser does when one is dragged in from the desktop. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const binary = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([binary], name, { type }));
      return transfer;
    },
    { name, data: bytes.toString('base64'), type },
  );
  const zone = page.getByTestId('import-drop');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/** Pastes as Ctrl+V does after copying a table in Word: a paste event whose clipboard holds HTML and its text. */
async function pasteHtml(page: Page, html: string, text: string) {
  await page.getByTestId('import-dialog').evaluate(
    (dialog, { html, text }) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/html', html);
      clipboardData.setData('text/plain', text);
      dialog.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** A plan of one item, pasted: no document header around it, so without its title column nothing is left. */
async function pasteSmallPlan(page: Page) {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  await pasteHtml(
    page,
    `<table>${row(HEADER)}${row(['1.', 'Семинар для наставников', 'Ноябрь 2021 г.', 'МДОУ № 8', 'Программа семинара'])}</table>`,
    'Семинар для наставников',
  );
}

const dialogOf = (page: Page) => page.getByTestId('import-dialog');
const boardsOf = async () => ((await owner.client.get(`/api/workspaces/${workspaceId}/boards?archived=1`)).body as { id: string; title: string }[]).length;
const previewItem = (page: Page, number: string) => page.locator(`[data-testid="import-item"][data-number="${number}"]`);
const boardItemTitle = (page: Page, number: string) => page.locator(`[data-testid="roadmap-item"][data-number="${number}"]`).getByRole('textbox').first();

describe('import in the browser', () => {
  it('drops a DOCX, reads the preview, fixes a column, creates the board in one click and lands on it; nothing is stored before', async () => {
    const a = await signedIn(owner.email, owner.password);
    const b = await signedIn(editor.email, editor.password);
    const before = await boardsOf();

    await openImport(a.page);
    await dropFile(
      a.page,
      'Дорожная карта наставничества.docx',
      await roadmapDocx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    await a.page.getByTestId('import-preview').waitFor();

    // What it found: a roadmap, its title, the приказ around the table, numbers derived as the board will.
    expect(await dialogOf(a.page).getByLabel('Вид доски').inputValue()).toBe('roadmap');
    expect(await dialogOf(a.page).getByLabel('Название доски').inputValue()).toMatch(/дорожн/i);
    expect(await a.page.getByTestId('import-document').textContent()).toContain('ПРИКАЗ');
    for (const [number, title] of [
      ['1.1', 'Формирование базы наставников'],
      ['1.2', 'Круглый стол «Наставничество в ДОО»'],
      ['1.3', 'Анкетирование молодых педагогов'],
      ['2.1', 'Публикации на сайте сети'],
    ] as const) {
      expect(await previewItem(a.page, number).getByTestId('import-item-title').textContent()).toBe(title);
    }
    expect(await a.page.locator('[data-testid="import-section"][data-number="2"]').textContent()).toContain('Информационное сопровождение');

    // Periods as Soplan understands them: a month, a yearly recurrence, one it does not understand.
    expect(await previewItem(a.page, '1.1').getByTestId('import-period').getAttribute('data-kind')).toBe('range');
    expect(await previewItem(a.page, '1.2').getByTestId('import-period').getAttribute('data-kind')).toBe('recurring');
    expect(await previewItem(a.page, '2.1').getByTestId('import-period').textContent()).toContain('2021');
    expect(await previewItem(a.page, '1.3').getByTestId('import-period').textContent()).toContain('не распознано');

    // Responsibles matched to the workspace's organisations, the stranger marked.
    expect(await previewItem(a.page, '1.1').getByTestId('import-responsible').getAttribute('data-matched')).toBe('yes');
    expect(await previewItem(a.page, '1.1').textContent()).toContain('✓ МОУ «Городской центр развития образования» (ГЦРО)');
    expect(await previewItem(a.page, '1.3').getByTestId('import-responsible').getAttribute('data-matched')).toBe('no');

    // The warning about the period names its place and finds its item.
    const warning = a.page.locator('[data-testid="import-warning"][data-code="period_unknown"]');
    expect(await warning.textContent()).toMatch(/^\s*Таблица 1, строка \d+: срок «когда получится» не распознан/);
    await warning.getByRole('button').click();
    await eventually(async () => (await previewItem(a.page, '1.3').getAttribute('class'))?.includes('highlight') ?? false, 'the item highlighted');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-number'))).toBe('1.3');

    // What a column means, corrected: the result column dropped, and the preview follows.
    expect(await previewItem(a.page, '1.1').locator('td').nth(4).textContent()).toBe('База наставников сети');
    await dialogOf(a.page).getByLabel('Что означает столбец 5 «Ожидаемый результат»').selectOption('ignore');
    await eventually(async () => (await previewItem(a.page, '1.1').locator('td').nth(4).textContent()) === '', 'the result column gone from the preview');
    expect(await dialogOf(a.page).getByLabel('Что означает столбец 5 «Ожидаемый результат»').inputValue()).toBe('ignore');

    // Nothing is stored while the preview is open: the colleague sees no new board.
    expect(await boardsOf()).toBe(before);
    await b.page.reload();
    await b.page.getByRole('heading', { name: 'Сеть наставников', exact: true }).waitFor();
    expect(await b.page.getByTestId('board').count()).toBe(before);

    await dialogOf(a.page).getByLabel('Название доски').fill('Дорожная карта наставничества (из Word)');
    await a.page.getByTestId('import-create').click();
    await a.page.waitForURL(/\/boards\/[a-z0-9]+$/);
    await a.page.getByRole('heading', { name: 'Дорожная карта наставничества (из Word)', exact: true }).waitFor();
    await eventually(async () => (await boardItemTitle(a.page, '2.1').count()) === 1, 'the board’s items');
    expect(await boardItemTitle(a.page, '1.1').inputValue()).toBe('Формирование базы наставников');
    expect(await boardItemTitle(a.page, '2.1').inputValue()).toBe('Публикации на сайте сети');
    expect(await boardsOf()).toBe(before + 1);

    await b.page.reload();
    await b.page.getByRole('link', { name: 'Дорожная карта наставничества (из Word)' }).waitFor();
    await a.context.close();
    await b.context.close();
  });

  it('pastes a table copied from Word (Ctrl+V in the dialog) and creates the board', async () => {
    const a = await signedIn(owner.email, owner.password);
    await openImport(a.page);
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td><p class=MsoNormal>${c}<o:p></o:p></p></td>`).join('')}</tr>`;
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment--><table class=MsoTableGrid border=1>' +
      row(HEADER) +
      row(['1.', 'Семинар для наставников', 'Ноябрь 2021 г.', 'МДОУ № 8', 'Программа семинара']) +
      row(['2.', 'Конкурс «Наставник года»', 'Январь – март 2022 .', 'ГЦРО', 'Победители конкурса']) +
      '</table><!--EndFragment--></body></html>';
    const text = [HEADER, ['1.', 'Семинар для наставников', 'Ноябрь 2021 г.', 'МДОУ № 8', 'Программа семинара']].map((r) => r.join('\t')).join('\n');
    await pasteHtml(a.page, html, text);
    await a.page.getByTestId('import-preview').waitFor();
    expect(await a.page.getByTestId('import-source').textContent()).toBe('Вставленная таблица');
    const titles = await a.page.getByTestId('import-item-title').allTextContents();
    expect(titles).toEqual(['Семинар для наставников', 'Конкурс «Наставник года»']);
    const number = await a.page.getByTestId('import-item').first().getAttribute('data-number');

    await dialogOf(a.page).getByLabel('Название доски').fill('Из буфера обмена');
    await a.page.getByTestId('import-create').click();
    await a.page.waitForURL(/\/boards\/[a-z0-9]+$/);
    await a.page.getByRole('heading', { name: 'Из буфера обмена', exact: true }).waitFor();
    await eventually(async () => (await boardItemTitle(a.page, number!).count()) === 1, 'the pasted item on the board');
    expect(await boardItemTitle(a.page, number!).inputValue()).toBe('Семинар для наставников');
    await a.context.close();
  });

  it('a file that is not what its name says is refused in words, creates nothing, and another file can be tried; Escape closes', async () => {
    const a = await signedIn(owner.email, owner.password);
    const before = await boardsOf();
    await openImport(a.page);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await dropFile(a.page, 'план.docx', png, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const error = a.page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Файл не похож на документ Word');
    expect(await a.page.getByRole('alert').count()).toBeGreaterThan(0);

    expect(await error.textContent()).toContain('«план.docx»');

    // The two formats people bring most often get the way round, with the file's name.
    await dropFile(a.page, 'план.pdf', Buffer.from('%PDF-1.7\n'), 'application/pdf');
    await eventually(async () => ((await error.textContent()) ?? '').includes('«план.pdf» — PDF'), 'the PDF worded');
    expect(await error.textContent()).toContain('вставьте её в это окно (Ctrl+V) или найдите исходный файл Word');
    await dropFile(a.page, 'План 2019.doc', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex'), 'application/msword');
    await eventually(async () => ((await error.textContent()) ?? '').includes('«План 2019.doc»'), 'the .doc worded');
    expect(await error.textContent()).toContain('Сохраните файл в Word как .docx (Файл → Сохранить как) и загрузите снова');
    expect(await boardsOf()).toBe(before);

    // Over the limit: refused before anything is sent, the size in МБ.
    const big = await a.page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'большой.docx'));
      return transfer;
    });
    const requests: string[] = [];
    a.page.on('request', (r) => requests.push(r.url()));
    await a.page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: big });
    await eventually(async () => ((await error.textContent()) ?? '').includes('Файл больше 20 МБ'), 'the size refused');
    expect(requests.filter((url) => url.includes('/imports'))).toEqual([]);

    // The drop zone stays: another file is read at once.
    await dropFile(a.page, 'Дорожная карта.docx', await roadmapDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await a.page.getByTestId('import-preview').waitFor();
    expect(await error.count()).toBe(0);
    // The keyboard stays in the dialog: the page behind it is out of reach until it closes.
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-counts');
    for (let i = 0; i < 25; i++) {
      await a.page.keyboard.press('Tab');
      expect(await a.page.evaluate(() => !!document.activeElement?.closest('[data-testid="import-dialog"]'))).toBe(true);
    }
    await a.page.keyboard.press('Escape');
    await eventually(async () => (await a.page.getByTestId('import-dialog').count()) === 0, 'the dialog closed');
    expect(await boardsOf()).toBe(before);
    await a.context.close();
  });

  it('a board is made a template by a coordinator, offered to an editor first; a board copied with dates shifted by a year opens with statuses reset', async () => {
    const content = {
      format: 'soplan-board',
      version: 1,
      kind: 'roadmap',
      title: 'План наставничества 2021–2022',
      roadmap: {
        sections: [{ title: 'Сопровождение', items: [{ title: 'Семинар наставников', period: 'Октябрь 2021 г.', status: 'done', responsibles: ['ГЦРО'] }] }],
      },
    };
    const created = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: content.title, content });
    expect(created.status).toBe(201);
    const template = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'plan-graph', title: 'Шаблон план-графика' });
    expect(template.status).toBe(201);

    const a = await signedIn(owner.email, owner.password);
    const b = await signedIn(editor.email, editor.password);
    expect(await b.page.getByRole('button', { name: 'Сделать шаблоном: Шаблон план-графика' }).count()).toBe(0);
    await a.page.getByRole('button', { name: 'Сделать шаблоном: Шаблон план-графика' }).click();
    await a.page.getByRole('button', { name: 'Убрать из шаблонов: Шаблон план-графика' }).waitFor();

    await b.page.reload();
    const options = b.page.locator('#board-source option');
    await eventually(async () => (await options.count()) > 2, 'the sources listed');
    expect(await options.nth(1).textContent()).toBe('Шаблон план-графика · План-график · шаблон');
    await b.page.getByLabel('Из шаблона или существующей доски').selectOption({ label: 'Шаблон план-графика · План-график · шаблон' });
    expect(await b.page.getByLabel('Сдвинуть даты на').inputValue()).toBe('0');

    await a.page.getByLabel('Из шаблона или существующей доски').selectOption({ label: 'План наставничества 2021–2022 · Дорожная карта' });
    expect(await a.page.getByLabel('Сдвинуть даты на').inputValue()).toBe('1');
    expect(await a.page.getByLabel(/Сбросить статусы/).isChecked()).toBe(true);
    expect(await a.page.getByLabel('Название доски').getAttribute('placeholder')).toBe('План наставничества 2022–2023');
    await a.page.getByRole('button', { name: 'Создать доску' }).click();
    await a.page.waitForURL((url) => url.pathname.startsWith('/boards/') && !url.pathname.endsWith(created.body.id));
    await a.page.getByRole('heading', { name: 'План наставничества 2022–2023', exact: true }).waitFor();
    await eventually(async () => (await boardItemTitle(a.page, '1.1').count()) === 1, 'the copied item');
    expect(await boardItemTitle(a.page, '1.1').inputValue()).toBe('Семинар наставников');
    const period = a.page.locator('[data-testid="roadmap-item"][data-number="1.1"]').getByRole('textbox', { name: 'Сроки 1.1' });
    expect(await period.inputValue()).toBe('Октябрь 2022 г.');
    expect(await a.page.getByLabel('Статус 1.1').inputValue()).toBe('planned');
    await a.context.close();
    await b.context.close();
  });

  it('a plan-graph and a programme preview as their boards: months with events, the passport and the plan', async () => {
    const a = await signedIn(owner.email, owner.password);
    await openImport(a.page);
    const planGraph = await sourceFixture('000', 'docx');
    await dropFile(a.page, planGraph.fileName, planGraph.bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // The document holds the network's roadmap and then its plan-graph: the first is taken, the second chosen.
    await a.page.getByTestId('import-preview').waitFor();
    expect(await dialogOf(a.page).getByLabel('Вид доски').inputValue()).toBe('roadmap');
    const tables = dialogOf(a.page).getByLabel('Таблица плана');
    expect(await tables.locator('option').allTextContents()).toEqual([
      expect.stringMatching(/^Таблица 1: .+ \(8 строк, 3 столбца\) · Дорожная карта$/),
      expect.stringMatching(/^Таблица 2: .*Месяц.+ \(35 строк, 4 столбца\) · План-график$/),
    ]);
    await tables.selectOption({ index: 1 });
    await a.page.getByTestId('import-months').waitFor();
    expect(await dialogOf(a.page).getByLabel('Вид доски').inputValue()).toBe('plan-graph');
    const months = a.page.getByTestId('import-month');
    expect(await months.count()).toBeGreaterThanOrEqual(10);
    expect(await months.first().getByRole('heading').textContent()).toMatch(/^Сентябрь 20\d\d/);
    expect(await a.page.getByTestId('import-event').count()).toBeGreaterThan(5);
    // Counted as the board shows it: months and events; a warning names its event by month.
    expect(await a.page.getByTestId('import-counts').textContent()).toMatch(/^\d+ месяц(а|ев)? · \d+ мероприяти(е|я|й)/);
    expect(await a.page.getByTestId('import-counts').textContent()).not.toContain('полей документа');
    const eventWarnings = await a.page.locator('[data-testid="import-warning"][data-code="responsible_unmatched"]').allTextContents();
    expect(eventWarnings.length).toBeGreaterThan(0);
    for (const text of eventWarnings) expect(text.trim()).toMatch(/^[А-Я][а-я]+ 20\d\d, мероприятие \d+: ответственный/);

    await dialogOf(a.page).getByRole('button', { name: 'Другой файл' }).click();
    const programme = await sourceFixture('004', 'docx');
    await dropFile(a.page, programme.fileName, programme.bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await a.page.getByTestId('import-passport').waitFor();
    expect(await dialogOf(a.page).getByLabel('Вид доски').inputValue()).toBe('programme');
    expect((await a.page.locator('[data-testid="import-passport"] [data-field="goal"]').textContent())?.trim()).not.toBe('не найдено');
    expect(await a.page.getByTestId('import-programme-section').count()).toBeGreaterThan(0);
    await a.context.close();
  });

  it('a column change the server refuses keeps the choice on screen, worded where it was made; nothing is created until it is changed back', async () => {
    const a = await signedIn(owner.email, owner.password);
    const before = await boardsOf();
    await openImport(a.page);
    await pasteSmallPlan(a.page);
    await a.page.getByTestId('import-preview').waitFor();
    const titleRole = dialogOf(a.page).getByLabel('Что означает столбец 2 «Наименование мероприятия»');
    const createButton = a.page.getByTestId('import-create');
    expect(await createButton.isEnabled()).toBe(true);

    // Without the title column nothing becomes a board: the server refuses, the choice stays.
    await titleRole.selectOption('ignore');
    const error = a.page.locator('[data-testid="import-error"][data-stale="true"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('не получается ни одного мероприятия');
    expect(await titleRole.inputValue()).toBe('ignore');
    expect(await createButton.isDisabled()).toBe(true);
    await createButton.click({ force: true });
    expect(await boardsOf()).toBe(before);
    expect(await dialogOf(a.page).count()).toBe(1);

    // Escape after a change asks first; «Вернуться к предпросмотру» keeps everything.
    await a.page.keyboard.press('Escape');
    await a.page.getByTestId('import-confirm-close').waitFor();
    expect(await a.page.getByTestId('import-confirm-close').textContent()).toContain('Закрыть без создания доски?');
    await a.page.getByRole('button', { name: 'Вернуться к предпросмотру' }).click();
    expect(await a.page.getByTestId('import-confirm-close').count()).toBe(0);
    expect(await titleRole.inputValue()).toBe('ignore');

    // Changed back: the preview on screen is the one for these choices again, and it creates.
    await titleRole.selectOption('title');
    await eventually(async () => (await error.count()) === 0, 'the error gone');
    await eventually(() => createButton.isEnabled(), '«Создать доску» enabled again');
    await dialogOf(a.page).getByLabel('Название доски').fill('После отказа');
    await createButton.click();
    await a.page.waitForURL(/\/boards\/[a-z0-9]+$/);
    await a.page.getByRole('heading', { name: 'После отказа', exact: true }).waitFor();
    expect(await boardsOf()).toBe(before + 1);
    await a.context.close();
  });

  it('✕ on a changed preview asks «Закрыть без создания доски?» and closes on «Закрыть»; an unchanged one closes at once', async () => {
    const a = await signedIn(owner.email, owner.password);
    await openImport(a.page);
    await pasteSmallPlan(a.page);
    await a.page.getByTestId('import-preview').waitFor();
    await a.page.getByRole('button', { name: 'Закрыть импорт' }).click();
    await eventually(async () => (await dialogOf(a.page).count()) === 0, 'the unchanged preview closed');

    await openImport(a.page);
    await pasteSmallPlan(a.page);
    await a.page.getByTestId('import-preview').waitFor();
    await dialogOf(a.page).getByLabel('Название доски').fill('Моя доска');
    await a.page.getByRole('button', { name: 'Закрыть импорт' }).click();
    await a.page.getByTestId('import-confirm-close').waitFor();
    expect(await dialogOf(a.page).count()).toBe(1);
    await a.page.getByRole('button', { name: 'Закрыть', exact: true }).click();
    await eventually(async () => (await dialogOf(a.page).count()) === 0, 'the dialog closed once confirmed');
    await a.context.close();
  });

  it('on a phone and on a laptop the dialog stays on the screen: its footer with «Создать доску» visible, the column selects inside it', async () => {
    const a = await signedIn(owner.email, owner.password);
    await a.page.setViewportSize({ width: 390, height: 844 });
    await openImport(a.page);
    await dropFile(a.page, 'Дорожная карта.docx', await roadmapDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await a.page.getByTestId('import-preview').waitFor();
    // Scrolled sideways, as a page wider than the phone's screen can be: the dialog does not move with it.
    await a.page.evaluate(() => window.scrollTo(200, 0));
    const select = dialogOf(a.page).getByLabel('Что означает столбец 5 «Ожидаемый результат»');
    for (const [width, height] of [
      [390, 844],
      [1280, 820],
    ] as const) {
      await a.page.setViewportSize({ width, height });
      const inside = async (box: { x: number; y: number; width: number; height: number } | null, what: string) => {
        expect(box, what).not.toBeNull();
        expect(box!.x, `${what} at ${width}`).toBeGreaterThanOrEqual(0);
        expect(box!.y, `${what} at ${width}`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${what} at ${width}`).toBeLessThanOrEqual(width);
        expect(box!.y + box!.height, `${what} at ${width}`).toBeLessThanOrEqual(height);
      };
      await inside(await dialogOf(a.page).boundingBox(), 'the dialog');
      await inside(await a.page.getByTestId('import-create').boundingBox(), '«Создать доску»');
      await select.scrollIntoViewIfNeeded();
      await inside(await select.boundingBox(), 'a column’s select');
      if (process.env.SHOTS_DIR) await a.page.screenshot({ path: `${process.env.SHOTS_DIR}/import-${width}.png` });
    }
    await a.context.close();
  });

  it('a viewer is not offered the import', async () => {
    const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
    const v = await signedIn(viewer.email, viewer.password);
    await v.page.getByTestId('board').first().waitFor();
    expect(await v.page.getByRole('button', { name: 'Импорт', exact: true }).count()).toBe(0);
    await v.context.close();
  });
});
