// A roadmap table as it arrives when a user copies it and presses Ctrl+V in the import dialog: the
// clipboard's `text/html` from Word (Word's own dialect: mso styles, <o:p>, MsoNormal, list
// paragraphs with their bullets inside <![if !supportLists]>, the <thead> of a repeated header row,
// the empty row Word adds for misaligned columns), from LibreOffice Writer (its HTML export, which is
// what Writer puts on the clipboard) and from Google Docs (the <b id="docs-internal-guid-…"> wrapper
// with font-weight:normal, spans with font-weight:700), and the clipboard's `text/plain` (cells
// separated by tabs, rows by CRLF, a section's title followed by empty cells). The samples live in
// tests/fixtures/import/clipboard/; each gives the same board. The Word and Google Docs samples are
// written by hand after what those programs put on the clipboard (Word 2016 on Windows, with its
// CRLF line ends; Google Docs in Chrome); the LibreOffice one is Writer's own output for
// `clipboardTableDocx()`, and a test checks that it still is.
import fs from 'node:fs';
import path from 'node:path';
import { sourceToDocx } from './docx.ts';
import type { ExpectedBoard } from './expected.ts';
import { bold, cell, document, headerRow, list, p, row, table } from './model.ts';
import { sectionRow } from './cases/roadmap.ts';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/import/clipboard');

const SECTIONS = ['Работа с молодыми педагогами', 'Обобщение опыта'];
const COLUMNS = ['№ п/п', 'Наименование мероприятия', 'Сроки проведения', 'Ответственные', 'Ожидаемый результат'];

/** The table every sample holds, as the model (the LibreOffice sample is this table's DOCX saved by Writer as HTML). */
export const clipboardTable = table([
  headerRow(COLUMNS),
  sectionRow(SECTIONS[0]!),
  row(['1', 'Семинар «Адаптация молодого педагога в ДОО»', 'Октябрь 2023 г.', 'МОУ ГЦРО', 'Программа семинара, методические материалы']),
  row([
    '2',
    'Консультации наставников по запросам молодых педагогов',
    'В течение учебного года',
    cell(list(false, ['МДОУ «Детский сад № 8»', 'МДОУ «Детский сад № 25»'])),
    'Журнал консультаций',
  ]),
  row([
    '3',
    cell(p([bold('Конкурс'), ' педагогического мастерства «Первые шаги»'])),
    'Март – апрель 2024 г.',
    'МОУ ГЦРО, МДОУ «Детский сад № 27»',
    'Приказ об итогах конкурса',
  ]),
  sectionRow(SECTIONS[1]!),
  row(['4', 'Итоговая конференция «Наставничество: опыт и перспективы»', 'Май 2024 г.', 'Департамент образования', 'Сборник материалов конференции']),
]);

export const clipboardTableDocx = (): Promise<Buffer> => sourceToDocx(document([clipboardTable]));

/** What each sample must give: a pasted table names no title and no document header. */
export const clipboardExpected: ExpectedBoard = {
  kind: 'roadmap',
  document: {},
  plan: {
    sections: [
      {
        number: '1',
        title: SECTIONS[0]!,
        items: [
          {
            number: '1.1',
            title: 'Семинар «Адаптация молодого педагога в ДОО»',
            period: 'Октябрь 2023 г.',
            responsibles: ['МОУ ГЦРО'],
            result: 'Программа семинара, методические материалы',
          },
          {
            number: '1.2',
            title: 'Консультации наставников по запросам молодых педагогов',
            period: 'В течение учебного года',
            responsibles: ['МДОУ «Детский сад № 8»', 'МДОУ «Детский сад № 25»'],
            result: 'Журнал консультаций',
          },
          {
            number: '1.3',
            title: 'Конкурс педагогического мастерства «Первые шаги»',
            period: 'Март – апрель 2024 г.',
            responsibles: ['МОУ ГЦРО', 'МДОУ «Детский сад № 27»'],
            result: 'Приказ об итогах конкурса',
          },
        ],
        sections: [],
      },
      {
        number: '2',
        title: SECTIONS[1]!,
        items: [
          {
            number: '2.1',
            title: 'Итоговая конференция «Наставничество: опыт и перспективы»',
            period: 'Май 2024 г.',
            responsibles: ['Департамент образования'],
            result: 'Сборник материалов конференции',
          },
        ],
        sections: [],
      },
    ],
    unplaced: [],
  },
  warnings: {},
};

export const CLIPBOARD_SAMPLES = ['word', 'libreoffice-writer', 'google-docs', 'tsv'] as const;
export type ClipboardSampleName = (typeof CLIPBOARD_SAMPLES)[number];

export interface ClipboardSample {
  name: ClipboardSampleName;
  /** The JSON body the import dialog sends for this paste. */
  body: { html: string } | { text: string };
  expected: ExpectedBoard;
}

/** The committed sample's text (`*.html.txt`, so no formatter ever rewrites what the clipboard held). */
export const clipboardFile = (name: ClipboardSampleName): string => fs.readFileSync(path.join(DIR, name === 'tsv' ? 'table.tsv' : `${name}.html.txt`), 'utf8');

export function clipboardSample(name: ClipboardSampleName): ClipboardSample {
  const text = clipboardFile(name);
  return { name, body: name === 'tsv' ? { text } : { html: text }, expected: clipboardExpected };
}
