// Readers: every format a plan arrives in becomes the same neutral SourceDocument — the text
// layouts of the sources (a row per line with tabs; a cell per line), Markdown, CSV, clipboard HTML
// of Word, Google Docs and LibreOffice, DOCX (built with `docx`), ODT (converted by LibreOffice)
// and XLSX (built with exceljs) — and every bad input is refused with its own code before a parser
// is put at risk: a file that is not what its name says, a corrupt archive, zip bombs (ratio, entry
// count, a directory that lies about sizes), DOCTYPE/ENTITY in a part, NUL bytes in text.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { IMPORT_LIMITS, type ImportPreviewDto } from '@soplan/shared';
import { Archive } from '@soplan/server/exchange/import/archive.ts';
import { ImportFailure } from '@soplan/server/exchange/import/import-failure.ts';
import { WorkerPool } from '@soplan/server/exchange/import/pool.ts';
import type { ExchangeJob } from '@soplan/server/exchange/board-jobs.ts';
import { readSource, readSourceFormat, type SourceInput } from '@soplan/server/exchange/import/readers/index.ts';
import { cleanText, liftBullets, paragraphOf, safeHref } from '@soplan/server/exchange/import/readers/clean.ts';
import { readText } from '@soplan/server/exchange/import/readers/text.ts';
import { paragraphText, type Block, type Cell, type Paragraph, type SourceDocument, type Table } from '@soplan/server/exchange/import/source-document.ts';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';

const SOURCES = new URL('../../server/src/demo/sources/', import.meta.url);
const source = async (prefix: string): Promise<string> => {
  const name = (await readdir(SOURCES)).find((f) => f.startsWith(prefix))!;
  return readFile(new URL(name, SOURCES), 'utf8');
};

const tables = (doc: SourceDocument): Table[] => doc.blocks.filter((b): b is Table => b.type === 'table');
const paragraphs = (doc: SourceDocument): Paragraph[] => doc.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
const cellText = (cell: Cell | undefined): string => (cell ? cell.paragraphs.map(paragraphText).join('\n') : '');
const rowTexts = (table: Table, row: number): string[] => table.rows[row]!.cells.map(cellText);
const texts = (blocks: readonly Block[]): string[] => blocks.map((b) => (b.type === 'paragraph' ? paragraphText(b) : '[table]'));

/** The ImportFailure a promise rejects with (the test fails when it resolves or rejects otherwise). */
async function failure(promise: Promise<unknown>): Promise<ImportFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFailure);
  return error as ImportFailure;
}

describe('cleaning (every reader)', () => {
  it('[I7] drops soft hyphens and zero-width characters, makes odd spaces plain, collapses runs, keeps «ё»', () => {
    expect(cleanText('  Ещё\u00ADраз\u200B\u00A0\u00A0и\u202Fещё\u2009раз\u0007  ')).toBe('Ещёраз и ещё раз');
  });

  it('[I7] collapses spaces across runs of different marks and merges equal neighbours', () => {
    const p = paragraphOf([{ text: '  План ' }, { text: ' мероприятий', bold: true }, { text: ' на', bold: true }, { text: '  год  ' }]);
    expect(p?.inlines).toEqual([{ text: 'План ' }, { text: 'мероприятий на', bold: true }, { text: ' год' }]);
    expect(paragraphOf([{ text: ' \u00AD\u00A0 ' }])).toBeNull();
  });

  it('[I7] keeps only http(s) and mailto links', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('mailto:a@b.ru')).toBe('mailto:a@b.ru');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' jav\tascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('/relative')).toBeUndefined();
  });

  it('[I7] turns leading bullets into list items; a dash needs a space unless it continues a dashed list', () => {
    const ps = ['• один', '·два', '▪ три', '- четыре', '-пять', 'шесть', '-методическая', '—', '•'].map((t) => paragraphOf([{ text: t }])!);
    const lifted = liftBullets(ps);
    expect(lifted.map((p) => [paragraphText(p), p.list?.marker ?? null])).toEqual([
      ['один', '•'],
      ['два', '·'],
      ['три', '▪'],
      ['четыре', '-'],
      ['пять', '-'],
      ['шесть', null],
      ['-методическая', null],
      ['—', null],
    ]);
  });
});

describe('text reader', () => {
  it('source 001: a row per line with tabs — header, section rows spanning the table, the bold title over three lines', async () => {
    const doc = readText(await source('001'));
    const [table, ...more] = tables(doc);
    expect(more).toHaveLength(0);
    expect(table!.rows).toHaveLength(28);
    expect(table!.rows[0]!.header).toBe(true);
    expect(rowTexts(table!, 0)).toEqual(['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат']);
    const section = table!.rows[1]!;
    expect(section.cells).toHaveLength(1);
    expect(section.cells[0]!.colSpan).toBe(5);
    expect(cellText(section.cells[0])).toMatch(/^Создание муниципальной системы научно-методического сопровождения/);
    expect(rowTexts(table!, 2).slice(0, 4)).toEqual(['1', expect.stringMatching(/^Проведение процедуры отбора/), 'Октябрь – ноябрь 2021 г.', 'МБОУ ДПО МЦ']);
    expect(table!.rows.filter((r) => r.cells.length === 1)).toHaveLength(4);
    expect(table!.rows.every((r) => r.cells.length === 1 || r.cells.length === 5)).toBe(true);
    const title = paragraphs(doc);
    expect(title).toHaveLength(3);
    expect(title.every((p) => p.inlines.every((i) => i.bold))).toBe(true);
    expect(paragraphText(title[0]!)).toBe('План мероприятий («дорожная карта» 2.2)');
  });

  it('source 000: a cell per line — continuation lines are paragraphs of the cell, «\\t» is an empty cell, two blank lines end a table', async () => {
    const doc = readText(await source('000'));
    const [activities, plan, ...more] = tables(doc);
    expect(more).toHaveLength(0);
    expect(activities!.rows).toHaveLength(8);
    expect(activities!.rows.every((r) => r.cells.length === 3)).toBe(true);
    expect(rowTexts(activities!, 0)).toEqual(['Направление деятельности', 'Содержание', 'Ожидаемый результат']);
    expect(activities!.rows[0]!.header).toBe(true);
    expect(rowTexts(activities!, 1)[0]).toBe('Аналитическая');
    expect(rowTexts(activities!, 1)[2]).toBe(
      'Сбор и систематизация полученной информации для дальнейшего планирования работы на учебный год.\nАналитическая справка.',
    );
    // «-методическая» continues «Организационно» (a word broken over lines), it is not a list item
    expect(activities!.rows[3]!.cells[0]!.paragraphs.map((p) => [paragraphText(p), p.list ?? null])).toEqual([
      ['Организационно', null],
      ['-методическая', null],
    ]);
    expect(rowTexts(activities!, 7)[0]).toBe('Образовательная');

    // the table ends before the plan-graph's title, which is a paragraph again
    const after = doc.blocks.indexOf(activities!) + 1;
    expect(texts(doc.blocks.slice(after, after + 3))).toEqual([
      'План - график на 2021-2022 учебный год',
      'План городской рабочей группы ПС «Педагог для всех»',
      '[table]',
    ]);

    expect(plan!.rows).toHaveLength(35);
    expect(plan!.rows.every((r) => r.cells.length === 4)).toBe(true);
    expect(rowTexts(plan!, 0)).toEqual(['№', 'Месяц', 'Название мероприятия', 'Форма мероприятия']);
    expect(rowTexts(plan!, 1)).toEqual(['1', 'Сентябрь', expect.stringMatching(/^Организация деятельности/), 'Сбор проблемной группы\nГТГ\nСеминар']);
    expect(rowTexts(plan!, 2).slice(0, 2)).toEqual(['', '']);
    expect(rowTexts(plan!, 34)[1]).toBe('');
    expect(rowTexts(plan!, 34)[3]).toBe('Круглый стол');
    expect(plan!.rows.filter((r) => cellText(r.cells[1]) !== '').map((r) => cellText(r.cells[1]))).toEqual([
      'Месяц',
      'Сентябрь',
      'Октябрь',
      'Ноябрь',
      'Декабрь',
      'Январь',
      'Февраль',
      'Март',
      'Апрель',
      'Май',
    ]);
    // bullets before the tables became list items
    expect(paragraphs(doc).find((p) => paragraphText(p) === 'МОУ Городской центр развития образования;')?.list).toEqual({
      ordered: false,
      depth: 0,
      marker: '·',
    });
  });

  it('source 004: no table; numbered headings stay paragraphs, dashed lists become items, artefacts go', async () => {
    const doc = readText(await source('004'));
    expect(tables(doc)).toHaveLength(0);
    const all = paragraphs(doc);
    expect(all.map(paragraphText)).toContain('2. Обоснование актуальности и инновационности проекта');
    expect(all.find((p) => paragraphText(p).startsWith('1. Создать и апробировать'))?.list).toBeUndefined();
    const resources = all.filter((p) => /^(кадровое|нормативно-правовое|информационно-методическое|материально-техническое):/.test(paragraphText(p)));
    expect(resources.map((p) => p.list?.marker)).toEqual(['-', '-', '-', '-']);
    const last = all.at(-1)!;
    expect(paragraphText(last)).toBe('распространение электронных версий разработок; публикации.');
    expect(last.list).toEqual({ ordered: false, depth: 0, marker: '·' });
    expect(all.some((p) => paragraphText(p).includes('bookmark'))).toBe(false);
  });

  it('Markdown: headings, bold, links (http only), pipe tables with a header row', () => {
    const doc = readText(
      [
        '# План работы',
        '',
        'Текст со **словом** и [ссылкой](https://example.org) и [плохой](javascript:alert(1)).',
        '---',
        '| № | Мероприятие | Сроки |',
        '|---|:---|---:|',
        '| 1 | Семинар **«Старт»** | Сентябрь |',
        '| 2 | Конкурс<br>и выставка | Октябрь \\| ноябрь |',
        '',
        '## Итоги',
      ].join('\n'),
    );
    expect(texts(doc.blocks)).toEqual(['План работы', 'Текст со словом и ссылкой и плохой.', '[table]', 'Итоги']);
    const [title, text, , last] = doc.blocks as Paragraph[];
    expect(title!.heading).toBe(1);
    expect(last!.heading).toBe(2);
    expect(text!.inlines).toEqual([
      { text: 'Текст со ' },
      { text: 'словом', bold: true },
      { text: ' и ' },
      { text: 'ссылкой', href: 'https://example.org' },
      { text: ' и плохой.' },
    ]);
    const table = tables(doc)[0]!;
    expect(table.rows.map((r) => r.header ?? false)).toEqual([true, false, false]);
    expect(rowTexts(table, 1)).toEqual(['1', 'Семинар «Старт»', 'Сентябрь']);
    expect(table.rows[1]!.cells[1]!.paragraphs[0]!.inlines).toEqual([{ text: 'Семинар ' }, { text: '«Старт»', bold: true }]);
    expect(rowTexts(table, 2)).toEqual(['2', 'Конкурс\nи выставка', 'Октябрь | ноябрь']);
  });

  it('long lines built to make a pattern backtrack read in one pass (a heading of spaces, runs of brackets, of «**»)', () => {
    const lines = ['# Раздел' + ' '.repeat(200_000) + 'конец ##', '['.repeat(200_000), ']('.repeat(100_000), '[]([]('.repeat(50_000), '**а '.repeat(50_000)];
    const doc = readText(lines.join('\n'));
    expect(paragraphs(doc).map((p) => [p.heading ?? 0, paragraphText(p).length])).toEqual([
      [1, 'Раздел конец'.length],
      [0, 200_000],
      [0, 200_000],
      [0, 300_000],
      [0, 'а '.repeat(50_000).trim().length],
    ]);
  });

  it('an unpaired «**» is text, and bold does not run past a blank line', () => {
    const doc = readText('5 ** 3\n\n**начало\n\nконец**');
    expect(paragraphs(doc).map((p) => p.inlines)).toEqual([[{ text: '5 ** 3' }], [{ text: '**начало' }], [{ text: 'конец**' }]]);
  });

  it('clipboard text from Excel: TSV with quoted cells holding line breaks and quotes', async () => {
    const { format, document } = await readSource({ text: 'Мероприятие\tСроки\r\n"Семинар\r\n«Старт»"\tСентябрь\r\n"Конкурс ""Педагог"""\tОктябрь\r\n' });
    expect(format).toBe('clipboard-text');
    const table = tables(document)[0]!;
    expect(table.rows.map((_, i) => rowTexts(table, i))).toEqual([
      ['Мероприятие', 'Сроки'],
      ['Семинар\n«Старт»', 'Сентябрь'],
      ['Конкурс "Педагог"', 'Октябрь'],
    ]);
  });

  it('a table wider than the column cap is cut to it, with a note', () => {
    const row = (prefix: string) => Array.from({ length: 60 }, (_, i) => `${prefix}${i}`).join('\t');
    const doc = readText(`${row('h')}\n${row('v')}`);
    expect(tables(doc)[0]!.rows.map((r) => r.cells.length)).toEqual([50, 50]);
    expect(doc.notes).toEqual(['Columns beyond 50 were dropped']);
  });

  it('text indented by tabs, or one line with a tab (a signature), is not a table', () => {
    const doc = readText(
      '\tПервый абзац текста, набранный с отступом табуляцией, достаточно длинный, чтобы не быть заголовком столбца таблицы.\n\tВторой абзац.\n\nДиректор\tИ.О. Фамилия\n',
    );
    expect(tables(doc)).toHaveLength(0);
    expect(texts(doc.blocks)).toEqual([
      'Первый абзац текста, набранный с отступом табуляцией, достаточно длинный, чтобы не быть заголовком столбца таблицы.',
      'Второй абзац.',
      'Директор И.О. Фамилия',
    ]);
  });

  it('readSource refuses text with nothing in it', async () => {
    expect((await failure(readSource({ text: ' \n\u00A0\n\u200B' }))).code).toBe('nothing_to_import');
  });
});

// What Word 2016+ puts on the clipboard for a paragraph, a table and a bulleted list (CF_HTML,
// trimmed of its long style sheet): namespaces, mso styles, <o:p>, downlevel-revealed conditionals
// around list markers, NBSPs, «text-align» in styles.
const WORD_CLIPBOARD = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/metod/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;font-size:12.0pt;font-family:"Times New Roman",serif;}
p.MsoListParagraph {margin-left:36.0pt;}
@list l0:level1 {mso-level-text:"%1\\.";}
-->
</style>
</head>
<body lang=RU style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:14.0pt'>План&nbsp;мероприятий на 2023&#8211;2024 учебный год<o:p></o:p></span></b></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=47 valign=top style='width:35.45pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>№ п/п<o:p></o:p></b></p>
  </td>
  <td width=300 valign=top style='width:225.0pt;border:solid windowtext 1.0pt;
  border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>Мероприятия<o:p></o:p></b></p>
  </td>
  <td width=120 valign=top style='width:90.0pt;border:solid windowtext 1.0pt;
  border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>Сроки<o:p></o:p></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=467 colspan=3 valign=top style='width:350.45pt;border:solid windowtext 1.0pt;
  border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>1. Учитель будущего<o:p></o:p></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2'>
  <td width=47 valign=top style='width:35.45pt;border:solid windowtext 1.0pt;
  border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>1.1<o:p></o:p></p>
  </td>
  <td width=300 valign=top style='width:225.0pt;border-top:none;border-left:
  none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;mso-add-space:
  auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
  style='mso-fareast-font-family:"Times New Roman"'><span style='mso-list:Ignore'>1.<span
  style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
  </span></span></span><![endif]>Семинар «Наставник»<o:p></o:p></p>
  <p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;mso-add-space:
  auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span
  style='mso-fareast-font-family:"Times New Roman"'><span style='mso-list:Ignore'>1.1.<span
  style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
  </span></span></span><!--[endif]-->Мастер-класс для моло&shy;дых педагогов<o:p></o:p></p>
  </td>
  <td width=120 rowspan=2 valign=top style='width:90.0pt;border-top:none;border-left:
  none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>Сентябрь 2023 г.<o:p></o:p></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:3;mso-yfti-lastrow:yes'>
  <td width=47 valign=top style='width:35.45pt;border:solid windowtext 1.0pt;
  border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>1.2<o:p></o:p></p>
  </td>
  <td width=300 valign=top style='width:225.0pt;border-top:none;border-left:
  none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>Конкурс<br>«Педагог года»<o:p></o:p></p>
  </td>
 </tr>
</table>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>ДОО – дошкольная образовательная организация<o:p></o:p></p>
<!--EndFragment-->
</body>
</html>`;

// Google Docs: everything inside a <b style="font-weight:normal" id="docs-internal-guid-…">,
// bold as font-weight:700 on spans, list depth in aria-level.
const GOOGLE_CLIPBOARD =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5d3f1c2a-7fff-8c1e-41a2-0b3c4d5e6f70">' +
  '<p dir="ltr" style="line-height:1.38;text-align: center;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:14pt;font-family:\'Times New Roman\',serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Дорожная карта</span></p>' +
  '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;white-space:pre-wrap;">Цель: </span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;font-style:italic;white-space:pre-wrap;">развитие   сети</span></p>' +
  '<br /><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="48" /><col width="300" /><col width="120" /></colgroup><tbody>' +
  '<tr style="height:0pt"><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:700;white-space:pre-wrap;">№</span></p></td>' +
  '<td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:700;white-space:pre-wrap;">Мероприятие</span></p></td>' +
  '<td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:700;white-space:pre-wrap;">Сроки</span></p></td></tr>' +
  '<tr style="height:0pt"><td style="vertical-align:top;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:400;white-space:pre-wrap;">1</span></p></td>' +
  '<td style="vertical-align:top;"><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;font-weight:400;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-weight:400;white-space:pre-wrap;">Семинар</span></p></li>' +
  '<li dir="ltr" style="list-style-type:circle;font-size:11pt;font-weight:400;white-space:pre;" aria-level="2"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-weight:400;white-space:pre-wrap;">для молодых педагогов</span></p></li></ul></td>' +
  '<td style="vertical-align:top;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:400;white-space:pre-wrap;">Октябрь</span></p></td></tr>' +
  '</tbody></table></div></b>';

// LibreOffice Writer: HTML 4 with a DOCTYPE, <font>, align attributes, <thead> for the repeated heading.
const LIBREOFFICE_CLIPBOARD = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<meta name="generator" content="LibreOffice 7.3.7.2 (Linux)"/>
<style type="text/css">@page { size: 21cm 29.7cm; margin: 2cm } p { line-height: 115%; margin-bottom: 0.25cm; background: transparent }</style>
</head><body lang="ru-RU" link="#000080" vlink="#800000" dir="ltr">
<p align="right" style="line-height: 100%; margin-bottom: 0cm"><font face="Times New Roman, serif">УТВЕРЖДАЮ</font></p>
<table width="100%" cellpadding="4" cellspacing="0"><col width="26*"/><col width="154*"/><col width="76*"/>
<thead><tr valign="top"><th width="10%" style="border: 1px solid #000000; padding: 0.1cm"><p>№</p></th><th width="60%" style="border: 1px solid #000000; padding: 0.1cm"><p>Наименование мероприятия</p></th><th width="30%" style="border: 1px solid #000000; padding: 0.1cm"><p>Ответственный</p></th></tr></thead>
<tbody><tr valign="top"><td colspan="3" style="border: 1px solid #000000; padding: 0.1cm"><p><b>Раздел 1</b></p></td></tr>
<tr valign="top"><td style="border: 1px solid #000000; padding: 0.1cm"><p>1</p></td><td style="border: 1px solid #000000; padding: 0.1cm"><ol><li><p>Семинар</p></li><li><p>Конкурс</p></li></ol></td><td style="border: 1px solid #000000; padding: 0.1cm"><p>МДОУ № 8<br/>МДОУ № 25</p></td></tr>
</tbody></table>
<p><a href="https://example.org/plan">План на сайте</a> <a href="javascript:alert(1)">клик</a></p>
</body></html>`;

describe('HTML reader', () => {
  it('Word clipboard: bold centred title, header row, spanning section row, list markers from mso-list:Ignore, rowspan, <br> in a cell', async () => {
    const { format, document } = await readSource({ html: WORD_CLIPBOARD });
    expect(format).toBe('clipboard-html');
    expect(document.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const [title, table, list] = document.blocks as [Paragraph, Table, Paragraph];
    expect(title).toEqual({ type: 'paragraph', inlines: [{ text: 'План мероприятий на 2023–2024 учебный год', bold: true }], align: 'center' });
    expect(table.rows).toHaveLength(4);
    expect(rowTexts(table, 0)).toEqual(['№ п/п', 'Мероприятия', 'Сроки']);
    expect(table.rows[1]!.cells.map((c) => c.colSpan)).toEqual([3]);
    const events = table.rows[2]!.cells[1]!.paragraphs;
    expect(events.map((p) => [paragraphText(p), p.list])).toEqual([
      ['Семинар «Наставник»', { ordered: true, depth: 0, marker: '1.' }],
      ['Мастер-класс для молодых педагогов', { ordered: true, depth: 1, marker: '1.1.' }],
    ]);
    expect(table.rows[2]!.cells[2]!.rowSpan).toBe(2);
    expect(table.rows[3]!.cells.map(cellText)).toEqual(['1.2', 'Конкурс\n«Педагог года»']);
    expect(list).toEqual({
      type: 'paragraph',
      inlines: [{ text: 'ДОО – дошкольная образовательная организация' }],
      list: { ordered: false, depth: 0, marker: '•' },
    });
  });

  it('a Word list paragraph left empty gives its marker to nothing that follows', async () => {
    const { document } = await readSource({
      html: "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.<span> </span></span></p><p class=MsoNormal>Обычный абзац</p>",
    });
    expect(document.blocks).toEqual([{ type: 'paragraph', inlines: [{ text: 'Обычный абзац' }] }]);
  });

  it('Google Docs clipboard: the font-weight:normal wrapper is not bold, 700 spans are; list depth from aria-level', async () => {
    const { document } = await readSource({ html: GOOGLE_CLIPBOARD });
    const [title, goal, table] = document.blocks as [Paragraph, Paragraph, Table];
    expect(title).toEqual({ type: 'paragraph', inlines: [{ text: 'Дорожная карта', bold: true }], align: 'center' });
    expect(goal.inlines).toEqual([{ text: 'Цель: ' }, { text: 'развитие сети', italic: true }]);
    expect(table.rows.map((r) => r.cells.length)).toEqual([3, 3]);
    expect(table.rows[0]!.cells[1]!.paragraphs[0]!.inlines).toEqual([{ text: 'Мероприятие', bold: true }]);
    expect(table.rows[1]!.cells[1]!.paragraphs.map((p) => [paragraphText(p), p.list])).toEqual([
      ['Семинар', { ordered: false, depth: 0, marker: '•' }],
      ['для молодых педагогов', { ordered: false, depth: 1, marker: '•' }],
    ]);
  });

  it('[I7] LibreOffice clipboard: <thead> header, <ol> in a cell, <br> splits paragraphs, links keep http(s) only', async () => {
    const { document } = await readSource({ html: LIBREOFFICE_CLIPBOARD });
    const [approve, table, links] = document.blocks as [Paragraph, Table, Paragraph];
    expect(approve).toEqual({ type: 'paragraph', inlines: [{ text: 'УТВЕРЖДАЮ' }], align: 'right' });
    expect(table.rows.map((r) => r.header ?? false)).toEqual([true, false, false]);
    expect(table.rows[2]!.cells[1]!.paragraphs.map((p) => [paragraphText(p), p.list])).toEqual([
      ['Семинар', { ordered: true, depth: 0, marker: '1.' }],
      ['Конкурс', { ordered: true, depth: 0, marker: '2.' }],
    ]);
    expect(table.rows[2]!.cells[2]!.paragraphs.map(paragraphText)).toEqual(['МДОУ № 8', 'МДОУ № 25']);
    expect(links.inlines).toEqual([{ text: 'План на сайте', href: 'https://example.org/plan' }, { text: ' клик' }]);
  });

  it('[I7] never lets markup through: scripts, styles and the head dropped, entities decoded, images and nested tables noted, <pre> lines kept', async () => {
    const { document } = await readSource({
      html:
        '<head><title>Секрет</title><script>alert(1)</script></head><body><style>p{}</style><p onclick="x()">&laquo;A&raquo; &lt;b&gt;не жирный&lt;/b&gt; &#171;B&#187;<img src="x.png" onerror="alert(1)"></p>' +
        '<table><tr><th>Мероприятие</th><th>Сроки</th></tr><tr><td>Внешняя<table><tr><td>вложенная 1</td><td>вложенная 2</td></tr></table></td><td>Май</td></tr></table>' +
        '<svg><text>рисунок</text></svg><noscript>без скриптов</noscript><pre>строка 1\n  строка 2</pre></body>',
    });
    expect(texts(document.blocks)).toEqual(['«A» <b>не жирный</b> «B»', '[table]', 'строка 1', 'строка 2']);
    const table = tables(document)[0]!;
    expect(table.rows[0]!.header).toBe(true);
    expect(table.rows[1]!.cells[0]!.paragraphs.map(paragraphText)).toEqual(['Внешняя', 'вложенная 1', 'вложенная 2']);
    expect(document.notes).toEqual(['An image was dropped', 'A table inside a table cell became paragraphs of that cell']);
  });

  it('reads an .html file in Windows-1251, the way Word saves web pages in a Russian locale', async () => {
    const html = '<html><head><meta charset="windows-1251"></head><body><h2>Раздел</h2><p>Ёлка</p></body></html>';
    const bytes = encode1251(html);
    const { format, document } = await readSource({ fileName: 'план.htm', bytes });
    expect(format).toBe('html');
    expect(document.blocks).toEqual([
      { type: 'paragraph', inlines: [{ text: 'Раздел' }], heading: 2 },
      { type: 'paragraph', inlines: [{ text: 'Ёлка' }] },
    ]);
  });

  it('[I3] a document nested past any real one is refused as too complex, not a stack overflow', async () => {
    const html = '<div>'.repeat(5000) + 'глубоко' + '</div>'.repeat(5000);
    expect((await failure(readSource({ html }))).code).toBe('import_too_complex');
    // 400 levels are read
    const deep = '<div>'.repeat(400) + 'глубоко' + '</div>'.repeat(400);
    expect(texts((await readSource({ html: deep })).document.blocks)).toEqual(['глубоко']);
  });

  it('[I3] parsing stops at the element that nests too deep: 200 000 <div>s are refused at the 401st, not built first', async () => {
    const html = '<div>'.repeat(200_000) + 'глубоко';
    // the offset is where the parser was when it gave up: at the 401st <div>, 2 000 characters in
    expect(await failure(readSource({ html }))).toMatchObject({ code: 'import_too_complex', params: { maxDepth: 400, offset: 400 * '<div>'.length } });
  });
});

/** Windows-1251 bytes of a text of ASCII and Cyrillic (TextEncoder writes only UTF-8). */
function encode1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (ch === 'Ё') return 0xa8;
    if (ch === 'ё') return 0xb8;
    throw new Error(`not in the test's 1251 table: ${ch}`);
  });
}

const PNG_1X1 = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

const cell = (text: string | DocxParagraph[], options: { columnSpan?: number; verticalMerge?: 'restart' | 'continue' } = {}) =>
  new TableCell({
    children: typeof text === 'string' ? [new DocxParagraph(text)] : text,
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.verticalMerge ? { verticalMerge: options.verticalMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });

/** A small roadmap as Word writes it: a приказ heading, a centred bold title, a numbered list, a table with a repeated header row, a section row, a merged «Сроки» cell, a list in a cell, a link with a footnote, a picture. */
async function roadmapDocx(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new DocxParagraph('Сноска о сайте')] } },
    numbering: {
      config: [
        {
          reference: 'tasks',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.START },
          ],
        },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }] },
      ],
    },
    sections: [
      {
        children: [
          new DocxParagraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('ПРИКАЗ')] }),
          new DocxParagraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: 'План мероприятий', bold: true }), new TextRun(' на 2024 год')],
          }),
          new DocxParagraph({ numbering: { reference: 'tasks', level: 0 }, children: [new TextRun('Создать модель')] }),
          new DocxParagraph({ numbering: { reference: 'tasks', level: 1 }, children: [new TextRun('Описать структуру')] }),
          new DocxParagraph({
            children: [
              new TextRun('Сайт: '),
              new ExternalHyperlink({ link: 'https://example.org/plan', children: [new TextRun('example.org')] }),
              new FootnoteReferenceRun(1),
            ],
          }),
          new DocxParagraph({ children: [new ImageRun({ type: 'png', data: PNG_1X1, transformation: { width: 10, height: 10 } })] }),
          new DocxTable({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('№ п/п'), cell('Наименование мероприятия'), cell('Сроки')] }),
              new TableRow({ children: [cell([new DocxParagraph({ children: [new TextRun({ text: 'Раздел 1. Кадры', bold: true })] })], { columnSpan: 3 })] }),
              new TableRow({
                children: [
                  cell('1'),
                  cell([
                    new DocxParagraph('Семинары:'),
                    new DocxParagraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun('для наставников')] }),
                    new DocxParagraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun('для молодых\u00A0педагогов')] }),
                  ]),
                  cell('Сентябрь – октябрь 2024 г.', { verticalMerge: 'restart' }),
                ],
              }),
              new TableRow({ children: [cell('2'), cell('Конкурс «Педа\u00ADгог года»'), cell('', { verticalMerge: 'continue' })] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('DOCX reader', () => {
  it('reads headings, alignment, bold, Word numbering, links, header rows, spans and lists in cells; notes the picture', async () => {
    const { format, document } = await readSource({ fileName: 'План.DOCX', bytes: await roadmapDocx() });
    expect(format).toBe('docx');
    expect(document.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'table']);
    const [prikaz, title, task, subtask, site] = document.blocks as Paragraph[];
    expect(prikaz).toEqual({ type: 'paragraph', inlines: [{ text: 'ПРИКАЗ' }], heading: 1 });
    expect(title).toEqual({ type: 'paragraph', inlines: [{ text: 'План мероприятий', bold: true }, { text: ' на 2024 год' }], align: 'center' });
    expect([task!.list, subtask!.list?.depth, subtask!.list?.ordered]).toEqual([{ ordered: true, depth: 0, marker: '1.' }, 1, true]);
    expect(site!.inlines).toEqual([{ text: 'Сайт: ' }, { text: 'example.org', href: 'https://example.org/plan' }]);
    const table = tables(document)[0]!;
    expect(table.rows.map((r) => r.header ?? false)).toEqual([true, false, false, false]);
    expect(table.rows[1]!.cells.map((c) => [cellText(c), c.colSpan])).toEqual([['Раздел 1. Кадры', 3]]);
    expect(table.rows[1]!.cells[0]!.paragraphs[0]!.inlines[0]!.bold).toBe(true);
    expect(table.rows[2]!.cells[1]!.paragraphs.map((p) => [paragraphText(p), p.list?.ordered ?? null])).toEqual([
      ['Семинары:', null],
      ['для наставников', false],
      ['для молодых педагогов', false],
    ]);
    expect(table.rows[2]!.cells[2]!.rowSpan).toBe(2);
    // the merged-away cell is not a cell of the row
    expect(table.rows[3]!.cells.map(cellText)).toEqual(['2', 'Конкурс «Педагог года»']);
    expect(document.notes).toEqual(['An image was dropped']);
    // a footnote is neither text of the paragraph (its «[1]» mark) nor a list after the document
    expect(JSON.stringify(document)).not.toMatch(/Сноска|\[1\]|↑/);
  });

  it('[I3] a part nested past any real document is refused before mammoth builds and walks it (seconds, then a stack overflow)', async () => {
    const docx = await roadmapDocx();
    const deep = withPart(docx, 'word/document.xml', (xml) =>
      xml.replace('<w:body>', `<w:body>${'<w:customXml>'.repeat(5000)}${'</w:customXml>'.repeat(5000)}`),
    );
    const xml = strFromU8(unzipSync(deep)['word/document.xml']!);
    // the 401st element open, counted from the document's root
    const offset = [...xml.matchAll(/<(?![/?!])/g)][400]!.index;
    expect(await failure(readSource({ fileName: 'deep.docx', bytes: deep }))).toMatchObject({ code: 'import_too_complex', params: { maxDepth: 400, offset } });
  });

  it('an empty document has nothing to import', async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new DocxParagraph('')] }] })));
    expect((await failure(readSource({ fileName: 'empty.docx', bytes }))).code).toBe('nothing_to_import');
  });
});

/** Converts with LibreOffice in a temporary directory, with a profile of its own (a shared one serialises or breaks conversions). */
async function sofficeConvert(bytes: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'soplan-readers-'));
  try {
    await writeFile(join(dir, `in.${from}`), bytes);
    await promisify(execFile)(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, join(dir, `in.${from}`)],
      {
        timeout: 90_000,
      },
    );
    return new Uint8Array(await readFile(join(dir, `in.${to}`)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('ODT reader', () => {
  it('reads what LibreOffice writes: headings, bold from automatic styles, numbered and bulleted lists, header rows, spans', { timeout: 120_000 }, async () => {
    const odt = await sofficeConvert(await roadmapDocx(), 'docx', 'odt');
    const { format, document } = await readSource({ fileName: 'plan.odt', bytes: odt });
    expect(format).toBe('odt');
    const [prikaz, title, task, subtask, site] = paragraphs(document);
    expect(prikaz).toMatchObject({ inlines: [{ text: 'ПРИКАЗ' }], heading: 1 });
    expect(title).toEqual({ type: 'paragraph', inlines: [{ text: 'План мероприятий', bold: true }, { text: ' на 2024 год' }], align: 'center' });
    expect(task!.list).toEqual({ ordered: true, depth: 0, marker: '1.' });
    expect(subtask!.list).toEqual({ ordered: true, depth: 1, marker: '1.1.' });
    expect(site!.inlines).toEqual([{ text: 'Сайт: ' }, { text: 'example.org', href: 'https://example.org/plan' }]);
    const table = tables(document)[0]!;
    expect(table.rows.map((r) => r.header ?? false)).toEqual([true, false, false, false]);
    expect(table.rows[1]!.cells.map((c) => [cellText(c), c.colSpan])).toEqual([['Раздел 1. Кадры', 3]]);
    expect(table.rows[1]!.cells[0]!.paragraphs[0]!.inlines[0]!.bold).toBe(true);
    expect(table.rows[2]!.cells[1]!.paragraphs.map((p) => [paragraphText(p), p.list?.ordered ?? null, p.list?.marker ?? null])).toEqual([
      ['Семинары:', null, null],
      ['для наставников', false, '•'],
      ['для молодых педагогов', false, '•'],
    ]);
    expect(table.rows[2]!.cells[2]!.rowSpan).toBe(2);
    expect(table.rows[3]!.cells.map(cellText)).toEqual(['2', 'Конкурс «Педагог года»']);
    expect(JSON.stringify(document)).not.toContain('Сноска');
  });

  it('caps repeated rows and cells: an empty row repeated a million times is one row, a repeated cell stops at the column cap', async () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">' +
      '<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>' +
      '<office:body><office:text><text:p>Раз<text:s text:c="3"/>два<office:annotation><text:p>комментарий</text:p></office:annotation><text:tab/>три<text:line-break/>четыре <text:span text:style-name="T1">жирно</text:span></text:p>' +
      '<table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>' +
      '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>' +
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>удалённое</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      '</office:text></office:body></office:document-content>';
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
    const { document } = await readSource({ fileName: 'sheet-like.odt', bytes });
    expect(paragraphs(document).map((p) => p.inlines)).toEqual([[{ text: 'Раз два три' }], [{ text: 'четыре ' }, { text: 'жирно', bold: true }]]);
    const table = tables(document)[0]!;
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]!.cells).toHaveLength(50);
    expect(document.notes).toContain('Columns beyond 50 were dropped');
  });

  it('[I3] content.xml nested past any real document is refused where it passes the limit, before the rest is parsed', async () => {
    const content =
      '<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>' +
      '<text:section>'.repeat(5000) +
      '<text:p>глубоко</text:p>' +
      '</text:section>'.repeat(5000) +
      '</office:text></office:body></office:document-content>';
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
    const error = await failure(readSource({ fileName: 'deep.odt', bytes }));
    // document-content, body and text are three of the 400 levels: the 398th section is one too many
    expect(error).toMatchObject({
      code: 'import_too_complex',
      params: { maxDepth: 400, offset: content.indexOf('<text:section>') + 397 * '<text:section>'.length },
    });
  });

  it('[I3] a non-empty row repeated past the row limit is too complex', async () => {
    const content =
      '<office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb"><office:body><office:text><table:table>' +
      `<table:table-row table:number-rows-repeated="${IMPORT_LIMITS.maxRows + 1}"><table:table-cell><text:p>строка</text:p></table:table-cell></table:table-row>` +
      '</table:table></office:text></office:body></office:document-content>';
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
    expect((await failure(readSource({ fileName: 'rows.odt', bytes }))).code).toBe('import_too_complex');
  });
});

async function roadmapXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.getCell('B2').value = 'План мероприятий на 2024 год';
  sheet.mergeCells('B2:E2');
  sheet.getRow(3).values = [undefined, '№', 'Мероприятие', 'Сроки', 'Ответственный'];
  sheet.getRow(3).font = { bold: true };
  sheet.getCell('B4').value = 1;
  sheet.getCell('C4').value = { richText: [{ text: 'Семинар ', font: { bold: true } }, { text: '«Старт»\nдля молодых' }] };
  sheet.getCell('D4').value = new Date(Date.UTC(2024, 8, 15));
  sheet.mergeCells('D4:D5');
  sheet.getCell('E4').value = { text: 'МДОУ № 8', hyperlink: 'https://example.org/8' };
  sheet.getCell('B5').value = { formula: 'B4+1', result: 2 };
  sheet.getCell('C5').value = 'Конкурс';
  sheet.getCell('E5').value = 0.1 + 0.2;
  // a row split across a page: one cell of text right under the table
  sheet.getCell('C6').value = 'и выставка';
  sheet.getCell('B8').value = 'Составил: методист';
  // formatting without values below the table: exceljs keeps these rows, the reader drops them
  sheet.getCell('C40').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
  const hidden = workbook.addWorksheet('Справочник', { state: 'hidden' });
  hidden.getCell('A1').value = 'скрытый';
  workbook.addWorksheet('Пустой');
  const notes = workbook.addWorksheet('Заметки');
  notes.getCell('A1').value = 'Первая строка';
  notes.getCell('A2').value = 'Вторая строка';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('XLSX reader', () => {
  it('each visible sheet with text is a table cut to its text, lines above and below it paragraphs: merges as spans, rich text, dates, formulas, links', async () => {
    const { format, document } = await readSource({ fileName: 'plan.xlsx', bytes: await roadmapXlsx() });
    expect(format).toBe('xlsx');
    expect(texts(document.blocks)).toEqual(['План мероприятий на 2024 год', '[table]', 'Составил: методист', 'Первая строка', 'Вторая строка']);
    const table = tables(document)[0]!;
    expect(table.name).toBe('Дорожная карта');
    expect(table.rows).toHaveLength(4);
    expect(rowTexts(table, 0)).toEqual(['№', 'Мероприятие', 'Сроки', 'Ответственный']);
    expect(table.rows[0]!.cells.every((c) => c.paragraphs[0]!.inlines[0]!.bold)).toBe(true);
    expect(rowTexts(table, 1)).toEqual(['1', 'Семинар «Старт»\nдля молодых', '15.09.2024', 'МДОУ № 8']);
    expect(table.rows[1]!.cells[1]!.paragraphs[0]!.inlines).toEqual([{ text: 'Семинар ', bold: true }, { text: '«Старт»' }]);
    expect(table.rows[1]!.cells[2]!.rowSpan).toBe(2);
    expect(table.rows[1]!.cells[3]!.paragraphs[0]!.inlines).toEqual([{ text: 'МДОУ № 8', href: 'https://example.org/8' }]);
    expect(rowTexts(table, 2)).toEqual(['2', 'Конкурс', '0.3']);
    expect(rowTexts(table, 3)).toEqual(['', 'и выставка', '', '']);
  });

  it('[I3] merged ranges over millions of cells are refused before exceljs makes an object of each; overlapping ones are corrupt', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист1').getCell('A1').value = 'a';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const merged = (refs: string[]) =>
      withPart(bytes, 'xl/worksheets/sheet1.xml', (xml) =>
        xml.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`),
      );
    expect(await failure(readSource({ fileName: 'plan.xlsx', bytes: merged(['A1:XFD1048576']) }))).toMatchObject({ code: 'import_too_complex' });
    expect((await failure(readSource({ fileName: 'plan.xlsx', bytes: merged(['A1:B2', 'B2:C3']) }))).code).toBe('corrupt_file');
  });

  it('[I3] rows and columns past the limits are refused before exceljs lays out every one (an array slot per row number, an object per column)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист1').getRow(1).values = [undefined, 'Мероприятие', 'Сроки'];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheet = (change: (xml: string) => string) => readSource({ fileName: 'plan.xlsx', bytes: withPart(bytes, 'xl/worksheets/sheet1.xml', change) });
    const rows = (tags: string) => sheet((xml) => xml.replace('</sheetData>', `${tags}</sheetData>`));
    const tooManyRows = { code: 'import_too_complex', params: { maxRows: IMPORT_LIMITS.maxRows } };
    // empty rows, so the budget of the table read (cut to its text) never sees them
    expect(await failure(rows('<row r="999999999"/>'))).toMatchObject(tooManyRows);
    expect(await failure(rows('<row r="&#57;99999999"/>'))).toMatchObject(tooManyRows);
    expect(await failure(rows('<row r="2"/>'.repeat(IMPORT_LIMITS.maxRows)))).toMatchObject(tooManyRows);
    // a sheet reaching past column XFD, by a column range or a cell
    const beyondGrid = { code: 'import_too_complex', params: { maxColumn: 16_384 } };
    const columns = (max: number) => sheet((xml) => xml.replace('<sheetData>', `<cols><col min="1" max="${max}" width="9"/></cols><sheetData>`));
    expect(await failure(columns(16_385))).toMatchObject(beyondGrid);
    expect(await failure(columns(999_999_999))).toMatchObject(beyondGrid);
    expect(await failure(rows('<row r="2"><c r="XFE2"/></row>'))).toMatchObject(beyondGrid);
    // one cell in column XFD makes a row of 16 384 slots: thirteen such rows are more cells than the budget reads
    const far = Array.from({ length: 13 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    expect(await failure(rows(far))).toMatchObject({ code: 'import_too_complex', params: { maxCells: 200_000 } });
    // merged ranges: exceljs makes each cell (and row) one covers, and checks each range against all before it
    const merges = (refs: string[]) =>
      sheet((xml) =>
        xml.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`),
      );
    expect(await failure(merges(['A20001:B20001']))).toMatchObject(tooManyRows);
    expect(await failure(merges(['XFD1:XFE1']))).toMatchObject(beyondGrid);
    const many = Array.from({ length: 2001 }, (_, i) => `C${i + 2}:D${i + 2}`);
    expect(await failure(merges(many))).toMatchObject({ code: 'import_too_complex', params: { maxMerges: 2000 } });
    // a sheet is checked wherever the workbook keeps it (exceljs reads any part named …xl/worksheets/sheetN.xml the workbook points to)
    const files = unzipSync(bytes);
    const moved = (tags: string): Uint8Array => {
      const { 'xl/worksheets/sheet1.xml': sheet1, ...rest } = files;
      const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!).replace('"worksheets/sheet1.xml"', '"data/xl/worksheets/sheet1.xml"');
      const xml = strFromU8(sheet1!).replace('</sheetData>', `${tags}</sheetData>`);
      return zipSync({ ...rest, 'xl/_rels/workbook.xml.rels': strToU8(rels), 'xl/data/xl/worksheets/sheet1.xml': strToU8(xml) });
    };
    expect(rowTexts(tables((await readSource({ fileName: 'plan.xlsx', bytes: moved('') })).document)[0]!, 0)).toEqual(['Мероприятие', 'Сроки']);
    expect(await failure(readSource({ fileName: 'plan.xlsx', bytes: moved('<row r="999999999"/>') }))).toMatchObject(tooManyRows);
    // within the limits: a full-width column range, the last row, the last column
    const { document } = await sheet((xml) =>
      xml
        .replace('<sheetData>', '<cols><col min="3" max="16384" width="9"/></cols><sheetData>')
        .replace('</sheetData>', '<row r="20000"><c r="XFD20000" s="0"/></row></sheetData>'),
    );
    expect(rowTexts(tables(document)[0]!, 0)).toEqual(['Мероприятие', 'Сроки']);
  });

  it(
    '[I2] what exceljs would expand and the reader never uses is left out: a list validation on whole columns, column ranges to XFD on every sheet',
    { timeout: 90_000 },
    async () => {
      // run as an upload is, in the import worker with its limits: given to exceljs, each takes more than the worker's heap
      const pool = new WorkerPool<ExchangeJob, unknown>({
        module: new URL('../../server/src/exchange/worker.ts', import.meta.url),
        size: 1,
        maxQueue: 1,
        maxHeapMb: IMPORT_LIMITS.maxHeapMb,
        timeoutMs: IMPORT_LIMITS.maxMilliseconds,
      });
      const preview = async (files: Zippable): Promise<ImportPreviewDto> => {
        const bytes = zipSync(files);
        const context = { today: '2024-09-01', organisations: [], maxRows: IMPORT_LIMITS.maxRows };
        const job = { input: { fileName: 'plan.xlsx', bytes }, options: {}, context };
        return JSON.parse((await pool.run({ type: 'import', job })) as string) as ImportPreviewDto;
      };
      const workbook = new ExcelJS.Workbook();
      for (let i = 1; i <= 200; i++) {
        const sheet = workbook.addWorksheet(`Лист${i}`);
        sheet.getRow(1).values = [undefined, 'Мероприятие', 'Сроки'];
        sheet.getRow(2).values = [undefined, `Семинар ${i}`, 'Сентябрь 2024'];
      }
      const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
      const sheets = Object.keys(files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
      const change = (names: string[], edit: (xml: string) => string): Zippable => ({
        ...files,
        ...Object.fromEntries(names.map((name) => [name, strToU8(edit(strFromU8(files[name]!)))])),
      });
      try {
        // Excel writes this when a list is set on the columns from row 2 down: eight million cells
        const validated = change(['xl/worksheets/sheet1.xml'], (xml) =>
          xml.replace(
            '<pageMargins',
            '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B2:I1048576"><formula1>"да,нет"</formula1></dataValidation></dataValidations><pageMargins',
          ),
        );
        expect((await preview(validated)).tables).toHaveLength(200);
        // and this for a styled row: a range from the last used column to XFD, here on 200 sheets
        const wide = change(sheets, (xml) => xml.replace('<sheetData>', '<cols><col min="4" max="16384" width="9"/></cols><sheetData>'));
        expect((await preview(wide)).tables).toHaveLength(200);
      } finally {
        await pool.close();
      }
    },
  );
});

describe('CSV reader', () => {
  it('UTF-8 with a BOM, «;» delimiter, quoted cells with line breaks and quotes, empty columns at the right dropped', async () => {
    const csv = '\uFEFF№;Мероприятие;Сроки;;\r\n1;"Семинар\r\n""Старт""";Сентябрь;;\r\n\r\n2;Конкурс;Октябрь;;\r\n';
    const { format, document } = await readSource({ fileName: 'plan.csv', bytes: new TextEncoder().encode(csv) });
    expect(format).toBe('csv');
    expect(document.blocks).toHaveLength(1);
    const table = tables(document)[0]!;
    expect(table.rows.map((_, i) => rowTexts(table, i))).toEqual([
      ['№', 'Мероприятие', 'Сроки'],
      ['1', 'Семинар\n"Старт"', 'Сентябрь'],
      ['2', 'Конкурс', 'Октябрь'],
    ]);
  });

  it('Windows-1251 from Excel in a Russian locale, and commas or tabs as delimiters', async () => {
    const cp1251 = await readSource({ fileName: 'plan.csv', bytes: encode1251('Месяц;Событие\nСентябрь;Ёлка, хоровод\n') });
    expect(rowTexts(tables(cp1251.document)[0]!, 1)).toEqual(['Сентябрь', 'Ёлка, хоровод']);
    const comma = await readSource({ fileName: 'plan.csv', bytes: new TextEncoder().encode('a,b,c\n1,"x; y",3\n') });
    expect(rowTexts(tables(comma.document)[0]!, 1)).toEqual(['1', 'x; y', '3']);
    const tab = await readSource({ fileName: 'plan.csv', bytes: new TextEncoder().encode('a\tb\n1,5\t2;3\n') });
    expect(rowTexts(tables(tab.document)[0]!, 1)).toEqual(['1,5', '2;3']);
  });
});

/** Sets fields of an entry's central directory record: what a crafted archive claims about itself. */
function patchDirectory(zip: Uint8Array, name: string, fields: { size?: number; compressedSize?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd -= 1;
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const entry = strFromU8(out.subarray(at + 46, at + 46 + nameLength));
    if (entry === name) {
      if (fields.compressedSize !== undefined) view.setUint32(at + 20, fields.compressedSize, true);
      if (fields.size !== undefined) view.setUint32(at + 24, fields.size, true);
      return out;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no ${name} in the archive`);
}

/**
 * The archive rewritten as ZIP64, as streaming writers (.NET's packaging among them) write Office
 * files: every size and offset in the central directory 0xFFFFFFFF with the real values in the
 * ZIP64 extra field, and the ZIP64 end records before the classic one.
 */
function toZip64(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd -= 1;
  const count = view.getUint16(eocd + 10, true);
  const directory = view.getUint32(eocd + 16, true);
  const entries: Uint8Array[] = [];
  for (let i = 0, at = directory; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const length = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const entry = new Uint8Array(46 + nameLength + 28);
    const out = new DataView(entry.buffer);
    entry.set(zip.subarray(at, at + 46 + nameLength));
    out.setUint32(20, 0xffffffff, true);
    out.setUint32(24, 0xffffffff, true);
    out.setUint32(42, 0xffffffff, true);
    out.setUint16(30, 28, true);
    out.setUint16(32, 0, true);
    const extra = 46 + nameLength;
    out.setUint16(extra, 0x0001, true);
    out.setUint16(extra + 2, 24, true);
    out.setBigUint64(extra + 4, BigInt(view.getUint32(at + 24, true)), true);
    out.setBigUint64(extra + 12, BigInt(view.getUint32(at + 20, true)), true);
    out.setBigUint64(extra + 20, BigInt(view.getUint32(at + 42, true)), true);
    entries.push(entry);
    at += length;
  }
  const size = entries.reduce((n, e) => n + e.length, 0);
  const tail = new Uint8Array(56 + 20 + 22);
  const t = new DataView(tail.buffer);
  t.setUint32(0, 0x06064b50, true);
  t.setBigUint64(4, 44n, true);
  t.setBigUint64(24, BigInt(count), true);
  t.setBigUint64(32, BigInt(count), true);
  t.setBigUint64(40, BigInt(size), true);
  t.setBigUint64(48, BigInt(directory), true);
  t.setUint32(56, 0x07064b50, true);
  t.setBigUint64(64, BigInt(directory + size), true);
  t.setUint32(72, 1, true);
  t.setUint32(76, 0x06054b50, true);
  t.setUint16(84, 0xffff, true);
  t.setUint16(86, 0xffff, true);
  t.setUint32(88, 0xffffffff, true);
  t.setUint32(92, 0xffffffff, true);
  const out = new Uint8Array(directory + size + tail.length);
  out.set(zip.subarray(0, directory));
  let at = directory;
  for (const entry of entries) {
    out.set(entry, at);
    at += entry.length;
  }
  out.set(tail, at);
  return out;
}

/** The archive with one part's text changed (the rest kept byte for byte). */
function withPart(zip: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(zip);
  files[name] = strToU8(change(strFromU8(files[name]!)));
  return zipSync(files as Zippable);
}

const DOCTYPE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>';
const addDoctype = (xml: string): string => xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => decl + DOCTYPE);

describe('bad input is refused with its own code, before a parser sees it', () => {
  const read = (fileName: string, bytes: Uint8Array) => failure(readSource({ fileName, bytes } satisfies SourceInput));

  it('[I3] unknown extensions, no extension, and board JSON (read by the caller, not here)', async () => {
    expect(readSourceFormat('План.DOCX')).toBe('docx');
    expect(readSourceFormat('plan.htm')).toBe('html');
    expect(readSourceFormat('plan.markdown')).toBe('md');
    expect(readSourceFormat('board.json')).toBe('json');
    expect(readSourceFormat('plan.pdf')).toBeNull();
    expect(readSourceFormat('plan')).toBeNull();
    for (const name of ['plan.pdf', 'plan.doc', 'plan', 'board.json']) {
      const error = await read(name, new TextEncoder().encode('{}'));
      expect(error.code).toBe('unsupported_format');
    }
    expect((await read('plan.pdf', new Uint8Array(4))).params).toEqual({ extension: 'pdf' });
  });

  it('[I3] a file that is not what its name says: a PDF, a picture, a spreadsheet or an old .doc named .docx; binary named .txt', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    expect(await read('plan.docx', pdf)).toMatchObject({ code: 'format_mismatch', params: { expected: 'docx', found: 'pdf' } });
    expect(await read('plan.docx', PNG_1X1)).toMatchObject({ code: 'format_mismatch', params: { found: 'png' } });
    const xlsx = await roadmapXlsx();
    expect(await read('plan.docx', xlsx)).toMatchObject({ code: 'format_mismatch', params: { expected: 'docx', found: 'xlsx' } });
    expect(await read('plan.xlsx', await roadmapDocx())).toMatchObject({ code: 'format_mismatch', params: { expected: 'xlsx', found: 'docx' } });
    expect(await read('plan.odt', await roadmapDocx())).toMatchObject({ code: 'format_mismatch', params: { expected: 'odt', found: 'docx' } });
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') });
    expect(await read('plan.odt', ods)).toMatchObject({ code: 'format_mismatch', params: { found: 'ods' } });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await read('plan.docx', ole)).toMatchObject({ code: 'format_mismatch', params: { found: 'ole' } });
    expect(await read('plan.txt', new TextEncoder().encode('План\u0000\u0001\u0002'))).toMatchObject({ code: 'format_mismatch', params: { found: 'binary' } });
    expect(await read('plan.csv', xlsx)).toMatchObject({ code: 'format_mismatch', params: { expected: 'csv', found: 'zip' } });
    expect(await read('plan.html', pdf)).toMatchObject({ code: 'format_mismatch', params: { found: 'pdf' } });
  });

  it("[I3] UTF-16 text with a BOM (Word's «Unicode text») is text, not binary", async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'План\tСроки\nСеминар\tМай'].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    const { document } = await readSource({ fileName: 'plan.txt', bytes: utf16 });
    expect(rowTexts(tables(document)[0]!, 1)).toEqual(['Семинар', 'Май']);
  });

  it('[I3] corrupt archives: garbage after a zip signature, a truncated file, damaged compressed data, an encrypted entry', async () => {
    expect((await read('plan.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))).code).toBe('corrupt_file');
    const docx = await roadmapDocx();
    expect((await read('plan.docx', docx.subarray(0, Math.floor(docx.length / 2)))).code).toBe('corrupt_file');
    // overwrite the middle of document.xml's deflated data
    const files = unzipSync(docx);
    const big = zipSync({ ...files, 'word/document.xml': files['word/document.xml']! } as Zippable, { level: 6 });
    const damaged = big.slice();
    const at = strFromU8(damaged, true).indexOf('word/document.xml') + 'word/document.xml'.length + 40;
    damaged.fill(0xff, at, at + 200);
    expect((await read('plan.docx', damaged)).code).toBe('corrupt_file');
    const encrypted = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const view = new DataView(encrypted.buffer);
    const central = strFromU8(encrypted, true).lastIndexOf('PK\u0001\u0002');
    view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
    expect((await read('plan.docx', encrypted)).code).toBe('corrupt_file');
  });

  it('[I3] broken XML inside a well-formed archive is a corrupt file, whichever library reads it', async () => {
    const broken = (xml: string) => xml.slice(0, xml.length / 2) + '<<<';
    expect((await read('plan.docx', withPart(await roadmapDocx(), 'word/document.xml', broken))).code).toBe('corrupt_file');
    expect(
      (
        await read(
          'plan.xlsx',
          withPart(await roadmapXlsx(), 'xl/workbook.xml', () => 'не xml'),
        )
      ).code,
    ).toBe('corrupt_file');
    const missing = unzipSync(await roadmapDocx());
    delete missing['word/styles.xml'];
    expect(await readSource({ fileName: 'plan.docx', bytes: zipSync(missing as Zippable) })).toMatchObject({ format: 'docx' });
  });

  it('[I3] a ZIP64 archive is read like any other (and its 64-bit sizes are checked like any other)', async () => {
    const zip64 = toZip64(await roadmapDocx());
    const { document } = await readSource({ fileName: 'plan.docx', bytes: zip64 });
    expect(tables(document)[0]!.rows).toHaveLength(4);
    expect(Archive.open(zip64).entries.get('word/document.xml')).toMatchObject({ method: 8 });
    const huge = zip64.slice();
    const view = new DataView(huge.buffer);
    // the first entry's 64-bit uncompressed size, in its extra field, made 2^40
    const central = view.getUint32(huge.length - 22 - 20 - 56 + 48, true);
    view.setBigUint64(central + 46 + view.getUint16(central + 28, true) + 4, 1n << 40n, true);
    expect((await read('plan.docx', huge)).code).toBe('archive_too_large');
  });

  it('[I3] a ZIP64 field longer than its extra field is corrupt: its values are never read past the extra field or the file', async () => {
    // the end record first, the central directory last (inside the end record's comment), its one
    // entry's extra field 4 bytes: a ZIP64 header claiming 65 535 bytes and the file ending there
    const file = new Uint8Array(22 + 46 + 1 + 4);
    const view = new DataView(file.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, 1, true);
    view.setUint16(10, 1, true);
    view.setUint32(12, 46 + 1 + 4, true);
    view.setUint32(16, 22, true);
    view.setUint16(20, file.length - 22, true);
    view.setUint32(22, 0x02014b50, true);
    view.setUint32(22 + 20, 0xffffffff, true);
    view.setUint32(22 + 24, 0xffffffff, true);
    view.setUint16(22 + 28, 1, true);
    view.setUint16(22 + 30, 4, true);
    file[22 + 46] = 'a'.charCodeAt(0);
    view.setUint16(22 + 47, 0x0001, true);
    view.setUint16(22 + 49, 0xffff, true);
    expect(await read('plan.docx', file)).toMatchObject({ code: 'corrupt_file' });

    // the same lie with the real values right after the extra field, in the entry's comment: not taken
    const zip64 = toZip64(await roadmapDocx());
    const lying = zip64.slice();
    const patch = new DataView(lying.buffer);
    const central = patch.getUint32(lying.length - 22 - 20 - 56 + 48, true);
    patch.setUint16(central + 30, 4, true);
    patch.setUint16(central + 32, 24, true);
    expect(() => Archive.open(lying)).toThrow(expect.objectContaining({ code: 'corrupt_file' }));
    expect((await read('plan.docx', lying)).code).toBe('corrupt_file');
  });

  it('[I3] an entry name that no archive can hold again (64 KiB of invalid UTF-8) is a corrupt file', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), [`${'x'.repeat(0xfff0)}.xml`]: strToU8('<x/>') });
    const broken = zip.slice();
    // the long name's bytes in the central directory made invalid UTF-8: each decodes to a three-byte U+FFFD
    const central = strFromU8(broken, true).lastIndexOf('PK\u0001\u0002');
    broken.fill(0xff, central + 46, central + 46 + 0xfff0);
    // the copy handed to mammoth and exceljs cannot be written: the archive says so as a corrupt file, not fflate's error
    expect(() => Archive.open(broken).checkedCopy()).toThrow(expect.objectContaining({ name: 'ImportFailure', code: 'corrupt_file' }));
    expect((await read('plan.docx', broken)).code).toBe('corrupt_file');
  });

  it('[I3] a zip bomb by ratio: one entry that expands far beyond the allowed ratio is refused before inflating', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024), mimetype: strToU8('x') }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await read('plan.docx', bomb)).toMatchObject({ code: 'archive_too_large', params: { maxCompressionRatio: IMPORT_LIMITS.maxCompressionRatio } });
  });

  it('[I3] a zip bomb by entry count', async () => {
    const files: Zippable = { 'word/document.xml': strToU8('<w:document/>') };
    for (let i = 0; i < IMPORT_LIMITS.maxEntries; i++) files[`word/media/p${i}.xml`] = strToU8('<x/>');
    expect(await read('plan.docx', zipSync(files))).toMatchObject({ code: 'archive_too_large', params: { maxEntries: IMPORT_LIMITS.maxEntries } });
  });

  it('[I3] a zip bomb by total size: entries that each pass the ratio but together declare more than allowed', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') });
    const half = IMPORT_LIMITS.maxUncompressedBytes / 2 + 1;
    const lying = patchDirectory(patchDirectory(zip, 'a.xml', { size: half, compressedSize: half / 100 }), 'b.xml', { size: half, compressedSize: half / 100 });
    expect(await read('plan.docx', lying)).toMatchObject({ code: 'archive_too_large', params: { maxUncompressedBytes: IMPORT_LIMITS.maxUncompressedBytes } });
  });

  it('[I3] a directory that lies: an entry declared small that inflates to megabytes is stopped at its declared size', async () => {
    const docx = await roadmapDocx();
    const padded = withPart(docx, 'word/document.xml', (xml) => xml.replace('<w:body>', `<w:body><!--${' '.repeat(8 * 1024 * 1024)}-->`));
    const lying = patchDirectory(padded, 'word/document.xml', { size: 4096 });
    expect(await read('plan.docx', lying)).toMatchObject({ code: 'archive_too_large', params: { declared: 4096 } });
    // inflating stops at the bound: the reader never holds the 8 MiB
    const archive = Archive.open(lying);
    expect(() => archive.read('word/document.xml')).toThrow(ImportFailure);
  });

  it('[I3] DOCTYPE or ENTITY in any XML part of a DOCX, an ODT or an XLSX (also a part mammoth would find by relationship)', async () => {
    const docx = await roadmapDocx();
    expect(await read('plan.docx', withPart(docx, 'word/document.xml', addDoctype))).toMatchObject({
      code: 'doctype_refused',
      params: { part: 'word/document.xml' },
    });
    expect((await read('plan.docx', withPart(docx, 'word/_rels/document.xml.rels', addDoctype))).code).toBe('doctype_refused');
    expect(
      (
        await read(
          'plan.docx',
          withPart(docx, 'word/styles.xml', (xml) => xml.replace('?>', '?><!ENTITY a "b">')),
        )
      ).code,
    ).toBe('doctype_refused');
    const xlsx = await roadmapXlsx();
    expect((await read('plan.xlsx', withPart(xlsx, 'xl/sharedStrings.xml', addDoctype))).code).toBe('doctype_refused');
    const odt = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8(addDoctype('<?xml version="1.0"?><office:document-content/>')),
    });
    expect((await read('plan.odt', odt)).code).toBe('doctype_refused');
  });

  it('[I3] more table rows than the limit is too complex, and so is a 20 MiB file of line breaks', async () => {
    const rows = Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => `${i}\tстрока`).join('\n');
    expect((await failure(readSource({ text: `№\tМероприятие\n${rows}` }))).code).toBe('import_too_complex');
    expect((await failure(readSource({ text: 'а\n'.repeat(IMPORT_LIMITS.maxBytes / 4) }))).code).toBe('import_too_complex');
  });
});
