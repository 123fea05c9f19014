// A programme as a workbook: a sheet for each part it has — its passport, its plan of events, stages,
// indicators, mentoring pairs and their routes (ИОМ), nominations, products and its sections' text —
// in that order; a part the programme does not have gets no sheet.
import {
  DOCUMENT_MENTORING_FORM_LABELS as MENTORING_FORM_LABELS,
  DOCUMENT_STATUS_LABELS as STATUS_LABELS,
  PASSPORT_LABELS,
  type ProgrammeContentJson,
  type RichBlockJson,
  type RichRunJson,
} from '@soplan/shared';
import { ROADMAP_COLUMNS, roadmapRows } from './plan-rows.ts';
import type { Column, Row } from './sheet.ts';
import { linesOf, oneLine } from './text.ts';

/** A part of the workbook: its sheet's name and heading, and its table. */
export interface Part {
  name: string;
  heading: string;
  columns: readonly Column[];
  header: boolean;
  rows: Row[];
}

const NUMBER: Column = { header: '№ п/п', width: 10, centre: true };
const STATUS: Column = { header: 'Статус', width: 16 };

const runsText = (runs: readonly RichRunJson[]) => runs.map((r) => r.text).join('');

/** A rich-text section's blocks, a row each; a list's items a row each, marked as the list marks them. */
function blockRows(blocks: readonly RichBlockJson[]): Row[] {
  return blocks
    .flatMap((block): Row[] => {
      if (block.type === 'paragraph' || block.type === 'heading') return [{ cells: [linesOf(runsText(block.runs))] }];
      return block.items.map((item, k) => ({ cells: [`${block.type === 'bulletList' ? '•' : `${k + 1}.`} ${linesOf(runsText(item))}`] }));
    })
    .filter((row) => !('cells' in row) || row.cells[0] !== '');
}

export function programmeParts(title: string, programme: ProgrammeContentJson): Part[] {
  const parts: Part[] = [];
  const passport = PASSPORT_LABELS.filter(([key]) => programme.passport[key].trim() !== '');
  parts.push({
    name: 'Паспорт',
    heading: 'Паспорт программы',
    columns: [
      { header: 'Раздел паспорта', width: 27, bold: true },
      { header: 'Содержание', width: 70 },
    ],
    // labels beside values, as the DOCX's passport: no header row to filter by
    header: false,
    rows: [
      { cells: ['Наименование программы', linesOf(title)] },
      ...passport.map(([key, label]): Row => ({ cells: [label, linesOf(programme.passport[key])] })),
    ],
  });
  if (programme.plan.sections.length > 0 || programme.plan.unplaced.length > 0)
    parts.push({ name: 'План', heading: 'План мероприятий', columns: ROADMAP_COLUMNS, header: true, rows: roadmapRows(programme.plan) });
  if (programme.stages.length > 0)
    parts.push({
      name: 'Этапы',
      heading: 'Этапы реализации',
      columns: [NUMBER, { header: 'Этап', width: 34 }, { header: 'Сроки', width: 20 }, { header: 'Содержание', width: 60 }, STATUS],
      header: true,
      rows: programme.stages.map((s, k) => ({ cells: [`${k + 1}`, linesOf(s.title), linesOf(s.period), linesOf(s.description), STATUS_LABELS[s.status]] })),
    });
  if (programme.indicators.length > 0)
    parts.push({
      name: 'Показатели',
      heading: 'Показатели',
      columns: [NUMBER, { header: 'Показатель', width: 50 }, { header: 'Целевое значение', width: 18 }, { header: 'Фактическое значение', width: 18 }],
      header: true,
      rows: programme.indicators.map((x, k) => ({ cells: [`${k + 1}`, linesOf(x.title), linesOf(x.target), linesOf(x.actual)] })),
    });
  if (programme.pairs.length > 0)
    parts.push({
      name: 'Наставнические пары',
      heading: 'Пары «наставник — наставляемый»',
      columns: [
        NUMBER,
        { header: 'Наставник', width: 30 },
        { header: 'Наставляемый', width: 30 },
        { header: 'Форма наставничества', width: 22 },
        { header: 'Профессиональные дефициты', width: 50 },
      ],
      header: true,
      rows: programme.pairs.map((p, k) => ({ cells: [`${k + 1}`, linesOf(p.mentor), linesOf(p.mentee), MENTORING_FORM_LABELS[p.form], linesOf(p.deficits)] })),
    });
  if (programme.pairs.some((p) => p.route.length > 0))
    parts.push({
      name: 'ИОМ',
      heading: 'Индивидуальные образовательные маршруты',
      columns: [NUMBER, { header: 'Шаг маршрута', width: 50 }, { header: 'Сроки', width: 20 }, STATUS],
      header: true,
      // a pair's route under a section row named as its row of «Наставнические пары», steps numbered within it
      rows: programme.pairs.flatMap((p, k): Row[] =>
        p.route.length === 0
          ? []
          : [
              { section: `${k + 1}. ${[oneLine(p.mentor), oneLine(p.mentee)].filter(Boolean).join(' — ')}` },
              ...p.route.map((s, j): Row => ({ cells: [`${k + 1}.${j + 1}`, linesOf(s.title), linesOf(s.period), STATUS_LABELS[s.status]] })),
            ],
      ),
    });
  const list = (name: string, heading: string, column: string, entries: readonly string[]) => {
    if (entries.length > 0)
      parts.push({
        name,
        heading,
        columns: [NUMBER, { header: column, width: 86 }],
        header: true,
        rows: entries.map((e, k) => ({ cells: [`${k + 1}`, linesOf(e)] })),
      });
  };
  list('Номинации', 'Номинации', 'Номинация', programme.nominations);
  list('Продукты', 'Ожидаемые продукты', 'Продукт', programme.products);
  if (programme.sections.length > 0)
    parts.push({
      name: 'Разделы',
      heading: 'Разделы программы',
      columns: [{ header: 'Текст', width: 96 }],
      header: false,
      rows: programme.sections.flatMap((s, k): Row[] => [{ section: `${k + 1}. ${oneLine(s.title)}` }, ...blockRows(s.body)]),
    });
  return parts;
}
