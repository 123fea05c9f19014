// The import fixtures (tests/helpers/import-fixtures.ts) are what the import is tested with, so they
// are tested first: every builder writes a file its format's own tools open (the DOCX unzips to
// word/document.xml and mammoth sees the tables, spans and lists meant; LibreOffice's ODT has them in
// content.xml; exceljs reloads the XLSX with its merges), the messy cases hold the mess they are named
// for, and every expected outline is a valid board whose numbers follow rule B6.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { createHash } from 'node:crypto';
import { boardJson, IMPORT_LIMITS, type BoardJson, type PlanJson } from '@soplan/shared';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  CLIPBOARD_SAMPLES,
  MESSY_CASES,
  SOURCE_FORMATS,
  SOURCE_NAMES,
  bold,
  cell,
  clipboardFile,
  clipboardSample,
  clipboardTableDocx,
  docxToHtml,
  docxToOdt,
  document,
  fixtureAs,
  headerRow,
  largeRoadmapDocx,
  list,
  outlineOf,
  p,
  row,
  sourceFixture,
  sourceToDocx,
  sourceToHtml,
  sourceToXlsx,
  table,
  twentyMebibyteDocx,
  type ExpectedBoard,
  type ExpectedPlan,
  type Fixture,
} from '../helpers/import-fixtures.ts';
import { layoutTable } from '../helpers/import-fixtures/grid.ts';

// mammoth is the server's dependency (its DOCX reader), not the tests': load it from there.
const mammoth = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'))('mammoth') as {
  convertToHtml(input: { buffer: Buffer }): Promise<{ value: string }>;
};
const htmlOf = async (docx: Buffer) => (await mammoth.convertToHtml({ buffer: docx })).value;
const part = (archive: Uint8Array, name: string) => strFromU8(unzipSync(archive, { filter: (f) => f.name === name })[name]!);
const count = (text: string, needle: string | RegExp) => text.split(needle).length - 1;

/** A small roadmap with every feature the writers handle. */
const sample = document([
  p([bold('План мероприятий')], { align: 'center' }),
  p('Директор\tИ.О. Фамилия', { align: 'right' }),
  p('Цели', { heading: 2 }),
  list(true, ['первая', 'вторая']),
  p('между списками'),
  list(true, ['снова первая']),
  list(false, ['пункт']),
  table([
    headerRow(['№', 'Мероприятие', 'Сроки', 'Ответственный', 'Результат']),
    row([cell('Раздел', { colSpan: 5 })]),
    row(['1', 'Семинар', cell('Октябрь', { rowSpan: 3 }), cell('ГЦРО', { rowSpan: 2 }), 'Программа']),
    row(['2', cell(list(true, ['Консультация', 'Мастер-класс'])), 'Материалы']),
    row(['3', 'Круглый стол', 'МДОУ № 8', 'Резолюция']),
  ]),
  table([headerRow(['Этап', 'Сроки']), row(['Подготовительный', 'Сентябрь'])], 'Этапы'),
]);

describe('layout of a model table on its grid', () => {
  it('places the cells a span covers and pads short rows, as Word and Excel need every grid position', () => {
    const grid = layoutTable(table([row(['a', cell('b', { rowSpan: 3, colSpan: 2 }), 'c']), row(['d', 'e']), row(['f']), row([cell('g', { colSpan: 2 })])]));
    expect(grid.columns).toBe(4);
    expect(
      grid.rows.map((slots) => slots.map((s) => (s.kind === 'cell' ? `${s.cell.paragraphs[0]!.inlines[0]!.text}@${s.column}` : `${s.kind}@${s.column}`))),
    ).toEqual([
      ['a@0', 'b@1', 'c@3'],
      ['d@0', 'covered@1', 'e@3'],
      ['f@0', 'covered@1', 'pad@3'],
      ['g@0', 'pad@2', 'pad@3'],
    ]);
    expect(grid.rows[2]![1]).toMatchObject({ kind: 'covered', origin: { colSpan: 2, rowSpan: 3 } });
  });
});

describe('sourceToDocx', () => {
  it('writes word/document.xml with repeated header rows, gridSpan, vMerge restart/continue, real numbering and a landscape page for a wide table', async () => {
    const docx = await sourceToDocx(sample);
    const xml = part(docx, 'word/document.xml');
    expect(count(xml, '<w:tblHeader/>')).toBe(2);
    expect(xml).toContain('<w:gridSpan w:val="5"/>');
    expect(count(xml, '<w:vMerge w:val="restart"/>')).toBe(2);
    expect(count(xml, '<w:vMerge w:val="continue"/>')).toBe(3);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:jc w:val="center"/>');
    expect(xml).toContain('<w:jc w:val="right"/>');
    expect(xml).toMatch(/<w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">Директор<\/w:t><w:tab\/>/);
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    // Four lists (two numbered runs, the bullets, the list in a cell), each its own w:num so numbering starts at 1.
    const numIds = new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(numIds.size).toBe(4);
    expect(part(docx, 'word/numbering.xml')).toContain('w:val="bullet"');
  });

  it('is read by mammoth as meant: a <thead> for the header row, colspan and rowspan, Word lists as <ol>/<ul>, the heading, bold', async () => {
    const html = await htmlOf(await sourceToDocx(sample));
    expect(count(html, '<table>')).toBe(2);
    expect(count(html, '<thead>')).toBe(2);
    expect(html).toContain('<td colspan="5"><p>Раздел</p></td>');
    expect(html).toContain('<td rowspan="3"><p>Октябрь</p></td>');
    expect(html).toContain('<td rowspan="2"><p>ГЦРО</p></td>');
    expect(html).toContain('<td><ol><li>Консультация</li><li>Мастер-класс</li></ol></td>');
    expect(html).toContain('<ol><li>первая</li><li>вторая</li></ol><p>между списками</p><ol><li>снова первая</li></ol><ul><li>пункт</li></ul>');
    expect(html).toContain('<h2>Цели</h2>');
    expect(html).toContain('<strong>План мероприятий</strong>');
  });

  it('puts page breaks where asked, each page its own section, portrait or landscape by its widest table', async () => {
    const docx = await sourceToDocx(document([p('Приказ'), p('Приложение'), table([row(['1', '2', '3', '4', '5'])])]), { pageBreaksBefore: [1] });
    const sections = [...part(docx, 'word/document.xml').matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['portrait', 'landscape']);
  });

  it('gives the same bytes every time, so a conversion is cached and a fixture can be compared', async () => {
    const [a, b] = [await sourceToDocx(sample), await sourceToDocx(sample)];
    expect(a.equals(b)).toBe(true);
    expect(part(a, 'docProps/core.xml')).toContain('2023-09-01T09:00:00Z');
  });
});

describe('docxToOdt and docxToHtml (LibreOffice)', () => {
  it('LibreOffice keeps the header rows, spans and lists in content.xml, and the result is cached by the DOCX hash', async () => {
    const docx = await sourceToDocx(sample);
    const odt = await docxToOdt(docx);
    expect(strFromU8(unzipSync(odt, { filter: (f) => f.name === 'mimetype' }).mimetype!)).toBe('application/vnd.oasis.opendocument.text');
    const content = part(odt, 'content.xml');
    expect(count(content, '<table:table-header-rows>')).toBe(2);
    expect(content).toContain('table:number-columns-spanned="5"');
    expect(content).toContain('table:number-rows-spanned="3"');
    expect(content).toContain('table:number-rows-spanned="2"');
    expect(content).toContain('<text:list ');
    const cached = path.join(os.tmpdir(), 'soplan-fixtures', `${createHash('sha256').update(docx).digest('hex')}.odt`);
    expect(fs.readFileSync(cached).equals(odt)).toBe(true);
    expect((await docxToOdt(docx)).equals(odt)).toBe(true);
  });

  it("the LibreOffice clipboard sample is exactly what Writer writes for the clipboard table's DOCX", async () => {
    expect(await docxToHtml(await clipboardTableDocx())).toBe(clipboardFile('libreoffice-writer'));
  });
});

describe('sourceToXlsx', () => {
  it('puts each table on its own sheet, the lines above it merged across its width, spans as merged ranges, the header bold', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await sourceToXlsx(sample)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Лист1', 'Этапы']);
    const sheet = workbook.worksheets[0]!;
    // Eight lines above the table: the title, the signatory, the heading, the list items and the line between the lists.
    expect(sheet.getCell(1, 1).value).toEqual({ richText: [{ text: 'План мероприятий', font: { bold: true } }] });
    expect([4, 5, 6, 7, 8, 9].map((r) => sheet.getCell(r, 1).value)).toEqual([
      '1. первая',
      '2. вторая',
      'между списками',
      '1. снова первая',
      '• пункт',
      expect.anything(),
    ]);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:E1', 'A10:E10', 'C11:C13', 'D11:D12']));
    expect(sheet.getCell(9, 2).font).toMatchObject({ bold: true });
    expect(sheet.getCell(12, 2).value).toBe('1. Консультация\n2. Мастер-класс');
    expect(workbook.worksheets[1]!.getCell(2, 1).value).toBe('Подготовительный');
  });
});

describe('sourceToHtml', () => {
  it('writes <thead>/<th> for header rows, colspan and rowspan, and nests lists by depth', () => {
    const html = sourceToHtml(
      document([
        p('a', { list: { ordered: true, depth: 0 } }),
        p('b', { list: { ordered: false, depth: 1 } }),
        p('c', { list: { ordered: true, depth: 0 } }),
        p('после'),
      ]),
    );
    expect(html.replace(/\n/g, '')).toContain('<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol><p>после</p>');
    const tableHtml = sourceToHtml(sample);
    expect(tableHtml).toContain('<thead>\n<tr><th><p><b>№</b></p></th>');
    expect(tableHtml).toContain('<td colspan="5"><p>Раздел</p></td>');
    expect(tableHtml).toContain('<td rowspan="3"><p>Октябрь</p></td>');
  });
});

/** The board JSON an expected outline describes, so the schema and outlineOf can check it. */
function boardOf(expected: ExpectedBoard): BoardJson {
  const plan = (e: ExpectedPlan): PlanJson => {
    const item = ({ title, period, responsibles, result }: ExpectedPlan['unplaced'][number]) => ({
      title,
      period,
      responsibles,
      result,
      status: 'planned' as const,
      evidence: [],
    });
    return {
      sections: e.sections.map((s) => ({
        title: s.title,
        items: s.items.map(item),
        sections: s.sections.map((sub) => ({ title: sub.title, items: sub.items.map(item) })),
      })),
      unplaced: e.unplaced.map(item),
    };
  };
  const common = { format: 'soplan-board', version: 1, title: expected.title ?? 'Импорт', document: expected.document };
  if (expected.kind === 'roadmap') return boardJson.parse({ ...common, kind: 'roadmap', roadmap: plan(expected.plan) });
  if (expected.kind === 'plan-graph')
    return boardJson.parse({
      ...common,
      kind: 'plan-graph',
      planGraph: { from: expected.from, to: expected.to, events: expected.months.flatMap((m) => m.events.map((e) => ({ ...e, month: m.month }))) },
    });
  return boardJson.parse({
    ...common,
    kind: 'programme',
    programme: { passport: expected.passport, sections: expected.sections, stages: expected.stages, plan: plan(expected.plan) },
  });
}

describe('the hand-made messy DOCX cases', () => {
  const built = new Map<string, Promise<Fixture>>();
  const fixture = (name: string) => {
    if (!built.has(name)) built.set(name, MESSY_CASES[name]!());
    return built.get(name)!;
  };

  it.each(Object.keys(MESSY_CASES))(
    '%s: a DOCX mammoth reads with every row of its model, and an expected board that is valid and numbered by rule B6',
    async (name) => {
      const f = await fixture(name);
      expect(f.fileName).toBe(`${f.name}.docx`);
      const html = await htmlOf(f.buffer);
      const tables = f.source.blocks.filter((b) => b.type === 'table');
      expect(count(html, '<table>')).toBe(tables.length);
      expect(count(html, '<tr>')).toBe(tables.reduce((n, t) => n + t.rows.length, 0));
      // The outline of the board it describes is the expected outline itself: its numbers are the derived ones.
      const { warnings: _, ...described } = outlineOf({ content: boardOf(f.expected), warnings: [] });
      const { warnings: __, ...expected } = f.expected;
      expect(described).toMatchObject(expected);
    },
  );

  it('fixtureAs gives a case in the other formats, its spans kept: ODT by LibreOffice, XLSX merged ranges, HTML rowspan', async () => {
    const f = await fixture('mergedCells');
    const odt = await fixtureAs(f, 'odt');
    expect(odt.fileName).toBe('merged-cells.odt');
    expect(part(odt.bytes, 'content.xml')).toContain('table:number-rows-spanned="3"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fixtureAs(f, 'xlsx')).bytes as unknown as ArrayBuffer);
    // Two title lines, the header row, the section row: the «Сроки» cell of the first item is C5, over three rows.
    expect(workbook.worksheets[0]!.model.merges).toEqual(expect.arrayContaining(['A4:E4', 'C5:C7', 'D5:D6']));
    expect((await fixtureAs(f, 'html')).bytes.toString('utf8')).toContain('<td rowspan="3"><p>Сентябрь – ноябрь 2022 г.</p></td>');
  });

  it('repeatedHeader: the header is flagged to repeat once and pasted again in the body as many times as the warnings expect', async () => {
    const f = await fixture('repeatedHeader');
    const html = await htmlOf(f.buffer);
    expect(count(html, '<thead>')).toBe(1);
    expect(count(html, '<strong>Наименование мероприятия</strong>')).toBe(1 + f.expected.warnings.header_repeated!);
    expect(f.expected.warnings.header_repeated).toBe(2);
    expect(html).toContain('<td><p>1</p></td><td><p>2</p></td><td><p>3</p></td><td><p>4</p></td><td><p>5</p></td>');
  });

  it('splitRows: the continuation rows have an empty «№» cell and fill the «Сроки» the first part left empty', async () => {
    const html = await htmlOf((await fixture('splitRows')).buffer);
    expect(html).toContain('<td><p>2</p></td><td><p>Организация и проведение муниципального конкурса методических разработок</p></td><td></td>');
    expect(html).toContain(
      '<td></td><td><p>для педагогов дошкольных образовательных учреждений со стажем работы до трёх лет</p></td><td><p>Март – апрель 2023 г.</p></td>',
    );
  });

  it('mergedCells: a section across the row, «Сроки» over three rows, «Ответственный» and a result over two', async () => {
    const html = await htmlOf((await fixture('mergedCells')).buffer);
    expect(count(html, 'colspan="5"')).toBe(2);
    expect(html).toContain('<td rowspan="3"><p>Сентябрь – ноябрь 2022 г.</p></td><td rowspan="2"><p>МОУ ГЦРО</p></td>');
    expect(html).toContain('<td rowspan="2"><p>Информированность родителей и педагогов</p></td>');
  });

  it('numberedInCell: numbers in one paragraph, in separate paragraphs and as a real Word list, with per-line periods', async () => {
    const html = await htmlOf((await fixture('numberedInCell')).buffer);
    expect(html).toContain('<p>1. Семинар «Адаптация молодого педагога в ДОО» 2. Круглый стол');
    expect(html).toContain('<p>1. Октябрь 2022 г. 2. Ноябрь 2022 г. 3. Декабрь 2022 г.</p>');
    expect(html).toContain('<td><p>1. Анкетирование молодых педагогов по выявлению профессиональных дефицитов</p><p>2. Составление');
    expect(html).toContain('<td><ol><li>Консультация «Планирование образовательной деятельности в группе»</li><li>Открытый просмотр');
  });

  it('threeLevels: направления and подразделы as spanning rows, one of them numbered in the «№» cell', async () => {
    const html = await htmlOf((await fixture('threeLevels')).buffer);
    expect(html).toContain('<td colspan="5"><p><strong>1.1. Нормативное обеспечение</strong></p></td>');
    expect(html).toContain('<td><p>1.2.</p></td><td colspan="4"><p><strong>Организационное обеспечение</strong></p></td>');
    expect(html).toContain('<td><p>2.3.1.</p></td>');
  });

  it('dirtyText: the file really holds soft hyphens, NBSP, a zero-width space, typed bullets, a cell list, a javascript: link and a «—» cell', async () => {
    const f = await fixture('dirtyText');
    const html = await htmlOf(f.buffer);
    for (const dirt of [
      'Раз\u00ADра\u00ADбот\u00ADка',
      'Сентябрь\u00A02022',
      'Награж\u200Bдение',
      '<p>• Форма учёта достижений</p>',
      '<ul><li>МОУ ГЦРО</li>',
      'href="javascript:alert(document.cookie)"',
      '<p>—</p>',
      'учёта',
    ])
      expect(html).toContain(dirt);
    expect(f.absent).toEqual(expect.arrayContaining(['javascript:', '\u00AD', '\u00A0']));
  });

  it('prikaz: the приказ on a portrait page, the appendix with the plan on a landscape one', async () => {
    const f = await fixture('prikaz');
    const xml = part(f.buffer, 'word/document.xml');
    expect([...xml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1])).toEqual(['portrait', 'landscape']);
    const html = await htmlOf(f.buffer);
    expect(html).toContain('<p><strong>ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ МЭРИИ ГОРОДА ЯРОСЛАВЛЯ</strong></p>');
    expect(html).toContain('<p>12.10.2021\t\t\t\t\t\t\t\t\t№ 01-05/812</p>');
    expect(html).toContain('<p>Директор департамента\t\t\t\t\t\t\tИ.В. Петрова</p>');
    expect(html.indexOf('Список сокращений')).toBeLessThan(html.indexOf('<table>'));
    expect(f.expected.document).toMatchObject({ documentKind: 'ПРИКАЗ', date: '12.10.2021', number: '01-05/812' });
  });

  it('planGraph: «№» and «Месяц» cells span each month’s rows, months written without a year', async () => {
    const html = await htmlOf((await fixture('planGraph')).buffer);
    expect(html).toContain('<td rowspan="3"><p>2</p></td><td rowspan="3"><p>Октябрь</p></td>');
    expect(html).not.toMatch(/Октябрь 20\d\d/);
  });

  it('programme: a passport table of labelled rows, headed parts with bold and lists, stages, a plan table', async () => {
    const html = await htmlOf((await fixture('programme')).buffer);
    expect(count(html, '<table>')).toBe(2);
    expect(html).toContain('<tr><td><p>Целевая группа</p></td>');
    expect(html).toContain('<h1>1. Пояснительная записка</h1><p><strong>Наставничество</strong> — универсальная');
    expect(html).toContain('<p>1 этап – подготовительный (сентябрь – декабрь 2023 г.)</p><ul><li>анкетирование');
  });
});

describe('clipboard samples', () => {
  it('Word: its own HTML dialect around the table, with the bullets of a cell list inside <![if !supportLists]>', () => {
    const html = clipboardFile('word');
    for (const mark of [
      'xmlns:o="urn:schemas-microsoft-com:office:office"',
      '<meta name=ProgId content=Word.Document>',
      '<!--StartFragment-->',
      'class=MsoNormal',
      '<o:p></o:p>',
      '<![if !supportLists]>',
      "mso-list:Ignore'>·",
      '<thead>',
      'colspan=5',
      '<![if !supportMisalignedColumns]>',
    ])
      expect(html).toContain(mark);
    expect(html).toContain('\r\n');
  });

  it('Google Docs: the docs-internal-guid wrapper in font-weight:normal, bold as font-weight:700, a <ul> in a cell', () => {
    const html = clipboardFile('google-docs');
    expect(html).toMatch(/^<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-[0-9a-f-]+">/);
    expect(count(html, 'font-weight:700')).toBe(5 + 2 + 1);
    expect(html).toContain('colspan="5"');
    expect(html).toContain('<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr"');
  });

  it('the text of the same table: tab-separated cells, CRLF rows, a section followed by empty cells', () => {
    const text = clipboardFile('tsv');
    const rows = text.split('\r\n');
    expect(rows.at(-1)).toBe('');
    expect(rows.slice(0, -1).map((r) => r.split('\t').length)).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(rows[1]).toBe('Работа с молодыми педагогами\t\t\t\t');
  });

  it.each(CLIPBOARD_SAMPLES)('%s: sent as the JSON body the dialog sends, expecting the same board', (name) => {
    const s = clipboardSample(name);
    expect(Object.keys(s.body)).toEqual([name === 'tsv' ? 'text' : 'html']);
    const { warnings: _, ...described } = outlineOf({ content: boardOf(s.expected) });
    const { warnings: __, ...expected } = s.expected;
    expect(described).toMatchObject(expected);
    // LibreOffice wraps its HTML source inside text: compare with whitespace made single spaces.
    const text = Object.values(s.body)[0]!.replace(/\s+/g, ' ');
    for (const item of ['Семинар «Адаптация молодого педагога в ДОО»', 'Итоговая конференция «Наставничество: опыт и перспективы»'])
      expect(text).toContain(item);
  });
});

describe('large files', () => {
  it('largeRoadmapDocx(500): 500 item rows with a section row every 20, titles of realistic and varied length', async () => {
    const f = await largeRoadmapDocx(500);
    const html = await htmlOf(f.buffer);
    expect(count(html, '<tr>')).toBe(1 + 25 + 500);
    expect(f.expected.kind === 'roadmap' && f.expected.plan.sections.map((s) => s.items.length)).toEqual(Array(25).fill(20));
    const titles = f.source.blocks.flatMap((b) => (b.type === 'table' ? b.rows.slice(1).map((r) => r.cells[1]?.paragraphs[0]?.inlines[0]?.text ?? '') : []));
    const lengths = titles.filter((t) => t.length > 0 && !/^\d+\. /.test(t)).map((t) => t.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...lengths)).toBeGreaterThan(200);
    expect(new Set(titles).size).toBeGreaterThan(100);
  });

  it('twentyMebibyteDocx: just under the upload limit, its picture a valid PNG nothing can compress', async () => {
    const f = await twentyMebibyteDocx();
    expect(f.buffer.length).toBeLessThanOrEqual(IMPORT_LIMITS.maxBytes - 64 * 1024);
    expect(f.buffer.length).toBeGreaterThan(IMPORT_LIMITS.maxBytes - 512 * 1024);
    const media = unzipSync(f.buffer, { filter: (file) => file.name.startsWith('word/media/') });
    const [png] = Object.values(media);
    expect(png!.length).toBeGreaterThan(19 * 1024 * 1024);
    expect(Buffer.from(png!.subarray(0, 8))).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const ihdr = Buffer.from(png!.subarray(8, 8 + 25));
    expect(ihdr.subarray(4, 8).toString('latin1')).toBe('IHDR');
    expect(ihdr.readUInt32BE(21) >>> 0).toBe(crc32(ihdr.subarray(4, 21)) >>> 0);
    const slice = png!.subarray(1 << 20, 2 << 20);
    expect(deflateSync(slice).length).toBeGreaterThan(slice.length * 0.99);
    expect(f.expected.warnings).toEqual({ dropped: 1 });
  });
});

describe('the three sources as files', () => {
  it.each(SOURCE_NAMES.flatMap((name) => SOURCE_FORMATS.map((format) => [name, format] as const)))('%s as %s', async (name, format) => {
    const { fileName, bytes } = await sourceFixture(name, format);
    expect(fileName).toBe(`${name}.${format}`);
    // Source 004 is a programme without a table; the others hold their plans' tables.
    const tables = name === '004' ? 0 : name === '001' ? 1 : 2;
    if (format === 'docx') expect(count(await htmlOf(bytes), '<table>')).toBe(tables);
    if (format === 'odt') expect(count(part(bytes, 'content.xml'), '<table:table ')).toBe(tables);
    if (format === 'html') expect(count(bytes.toString('utf8'), '<table ')).toBe(tables);
    if (format === 'xlsx') {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.length).toBe(Math.max(1, tables));
    }
    const text = format === 'docx' ? await htmlOf(bytes) : format === 'odt' ? part(bytes, 'content.xml') : format === 'html' ? bytes.toString('utf8') : '';
    if (text) expect(text).toContain(name === '001' ? 'Октябрь – ноябрь 2021 г.' : name === '000' ? 'Педагог для всех' : 'Межфирменное наставничество');
  });
});
