// A programme's body as a document: its passport as a two-column table, each rich-text section as a
// heading and its blocks, then stages, indicators, the mentor–mentee pairs with their routes (ИОМ),
// nominations and products (its plan of events follows on landscape pages, as a roadmap's table).
import {
  DOCUMENT_MENTORING_FORM_LABELS,
  PASSPORT_LABELS,
  PROGRAMME_PARTS,
  routeHeading,
  type ProgrammeContentJson,
  type RichBlockJson,
  type RichRunJson,
} from '@soplan/shared';
import { HeadingLevel, Paragraph, Table, WidthType } from 'docx';
import { bodyParagraph, columnWidths, empty, linesOf, runsOf, tableRow, type Layout } from './layout.ts';

/** The numbering of ordered lists, defined once in the document; each list restarts it by instance. */
export const ORDERED_LIST = 'soplan-ordered-list';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

const richRuns = (runs: readonly RichRunJson[]) =>
  runs.flatMap((r) => runsOf(r.text, { ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }));

const heading = (text: string, level: number) => new Paragraph({ heading: HEADINGS[Math.min(level, 6) - 1]!, children: runsOf(text) });

/** A table of text; `header` null for a table of labelled rows (the passport), which has none. */
const simpleTable = (layout: Layout, shares: number[], header: readonly string[] | null, rows: string[][]) => {
  const widths = columnWidths(layout, shares);
  const body = rows.map((r) =>
    tableRow(
      layout,
      widths,
      r.map((cell) => ({ lines: linesOf(cell) })),
    ),
  );
  return new Table({
    width: { size: layout.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: header
      ? [
          tableRow(
            layout,
            widths,
            header.map((h) => ({ lines: [h] })),
            true,
          ),
          ...body,
        ]
      : body,
  });
};

/** A rich-text section's blocks: a section heading is level 1, so its own headings sit one level below. */
function blocks(layout: Layout, body: readonly RichBlockJson[], lists: { count: number }): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of body) {
    if (block.type === 'paragraph') out.push(bodyParagraph(layout, richRuns(block.runs)));
    else if (block.type === 'heading') out.push(heading(block.runs.map((r) => r.text).join(''), block.level + 1));
    else {
      const instance = ++lists.count;
      for (const item of block.items)
        out.push(
          new Paragraph({
            ...(block.type === 'bulletList' ? { bullet: { level: 0 } } : { numbering: { reference: ORDERED_LIST, level: 0, instance } }),
            children: richRuns(item),
          }),
        );
    }
  }
  return out;
}

/** Everything of a programme but its plan of events. */
export function programmeBody(layout: Layout, title: string, programme: ProgrammeContentJson): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const passport = PASSPORT_LABELS.filter(([key]) => programme.passport[key].trim() !== '');
  // no «Паспорт программы» heading above it (the first heading of a document reads back as its
  // title); the passport names the programme in its first row, as passports do
  out.push(
    simpleTable(
      layout,
      [30, 70],
      // no header row: «Наименование» above the labels would read back as the programme's title
      null,
      [['Наименование программы', title], ...passport.map(([key, label]) => [label, programme.passport[key]])],
    ),
    empty(),
  );
  const lists = { count: 0 };
  for (const section of programme.sections) out.push(heading(section.title, 1), ...blocks(layout, section.body, lists));
  // No table but the plan's may read back as a plan (a title column with periods): an import takes
  // the first such table for the programme's plan. Hence «Основное содержание», not «Содержание».
  if (programme.stages.length > 0)
    out.push(
      heading(PROGRAMME_PARTS.stages.heading, 1),
      simpleTable(
        layout,
        [25, 20, 55],
        PROGRAMME_PARTS.stages.columns,
        programme.stages.map((s) => [s.title, s.period, s.description]),
      ),
      empty(),
    );
  if (programme.indicators.length > 0)
    out.push(
      heading(PROGRAMME_PARTS.indicators.heading, 1),
      simpleTable(
        layout,
        [50, 25, 25],
        PROGRAMME_PARTS.indicators.columns,
        programme.indicators.map((i) => [i.title, i.target, i.actual]),
      ),
      empty(),
    );
  if (programme.pairs.length > 0) out.push(...pairsOf(layout, programme.pairs));
  if (programme.nominations.length > 0) out.push(heading(PROGRAMME_PARTS.nominations.heading, 1), ...bullets(programme.nominations));
  if (programme.products.length > 0) out.push(heading(PROGRAMME_PARTS.products.heading, 1), ...bullets(programme.products));
  return out;
}

const bullets = (lines: readonly string[]) => lines.map((line) => new Paragraph({ bullet: { level: 0 }, children: runsOf(line) }));

/**
 * The mentor–mentee pairs as a table (four columns: a portrait page holds it), then each pair's
 * individual route (ИОМ) under a heading naming the pair, its steps numbered with their periods.
 */
function pairsOf(layout: Layout, pairs: ProgrammeContentJson['pairs']): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading(PROGRAMME_PARTS.pairs.heading, 1),
    simpleTable(
      layout,
      [25, 25, 20, 30],
      PROGRAMME_PARTS.pairs.columns,
      pairs.map((p) => [p.mentor, p.mentee, DOCUMENT_MENTORING_FORM_LABELS[p.form], p.deficits]),
    ),
    empty(),
  ];
  const routed = pairs.filter((p) => p.route.length > 0);
  if (routed.length > 0) out.push(heading(PROGRAMME_PARTS.routes.heading, 1));
  for (const pair of routed) {
    out.push(
      heading(routeHeading(pair), 2),
      simpleTable(
        layout,
        [10, 60, 30],
        PROGRAMME_PARTS.routes.columns,
        pair.route.map((step, i) => [`${i + 1}`, step.title, step.period]),
      ),
      empty(),
    );
  }
  return out;
}
