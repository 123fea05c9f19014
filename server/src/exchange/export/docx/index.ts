// A board as the Word document a методист makes by hand (issue 14): the приказ page when the board's
// document header has one, then the plan with its requisites top right, its title, goal and tasks
// and its table, laid out as the workspace's document settings say (ГОСТ Р 7.0.97-2025 by default).
import { hasOrder, PLAN_GRAPH_COLUMNS, PROGRAMME_PARTS, ROADMAP_COLUMNS, type BoardJson, type DocumentSettings } from '@soplan/shared';
import { AlignmentType, Document, Header, LevelFormat, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions, type Table } from 'docx';
import { orderPage, planPreamble, planRequisites } from './document-header.ts';
import { A4, empty, LANDSCAPE_COLUMNS, layoutOf, mmToTwips, type Layout } from './layout.ts';
import { planGraphTable, roadmapTable } from './plan-tables.ts';
import { ORDERED_LIST, programmeBody } from './programme.ts';

type Content = (Paragraph | Table)[];

interface Part {
  landscape: boolean;
  build: (layout: Layout) => Content;
}

/**
 * The parts of the document, each a section of its own orientation, in order: the приказ page, the
 * plan's opening (requisites, title, goal, tasks, abbreviations) with the plan's body, and a
 * programme's plan of events. `ownOpening` sets the opening apart as a section of its own, so the
 * body starts the next page (what numbering from page 3 needs, see `boardDocx`).
 */
function partsOf(board: BoardJson, settings: DocumentSettings, ownOpening: boolean): Part[] {
  const header = board.document;
  const parts: Part[] = [];
  if (hasOrder(header)) parts.push({ landscape: false, build: (layout) => orderPage(layout, header) });
  const opened = (landscape: boolean, goal: string, tasks: string, body: (layout: Layout) => Content) => {
    const opening = (layout: Layout) => [
      ...planRequisites(layout, header, settings.approval),
      ...planPreamble(layout, board.title, goal, tasks, header.abbreviations),
    ];
    // the body's section opens with a line: LibreOffice gives a section its first-page header only
    // when a paragraph starts it, not a table
    if (ownOpening) parts.push({ landscape, build: opening }, { landscape, build: (layout) => [empty(), ...body(layout)] });
    else parts.push({ landscape, build: (layout) => [...opening(layout), ...body(layout)] });
  };
  if (board.kind === 'roadmap')
    opened(ROADMAP_COLUMNS.length >= LANDSCAPE_COLUMNS, header.goal, header.tasks, (layout) => [roadmapTable(layout, board.roadmap)]);
  else if (board.kind === 'plan-graph')
    opened(PLAN_GRAPH_COLUMNS.length >= LANDSCAPE_COLUMNS, header.goal, header.tasks, (layout) => [planGraphTable(layout, board.planGraph)]);
  else {
    const { programme } = board;
    // the passport's Цель and Задачи are in its table: the opening says them only when the passport does not
    const goal = programme.passport.goal.trim() ? '' : header.goal;
    const tasks = programme.passport.tasks.trim() ? '' : header.tasks;
    opened(false, goal, tasks, (layout) => programmeBody(layout, board.title, programme));
    if (programme.plan.sections.length > 0 || programme.plan.unplaced.length > 0)
      parts.push({
        landscape: ROADMAP_COLUMNS.length >= LANDSCAPE_COLUMNS,
        build: (layout) => [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: PROGRAMME_PARTS.plan.heading, bold: true })],
          }),
          roadmapTable(layout, programme.plan),
        ],
      });
  }
  return parts;
}

const pageNumberHeader = () =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });

export async function boardDocx(board: BoardJson, settings: DocumentSettings): Promise<Uint8Array> {
  const margin = {
    top: mmToTwips(settings.marginTopMm),
    right: mmToTwips(settings.marginRightMm),
    bottom: mmToTwips(settings.marginBottomMm),
    left: mmToTwips(settings.marginLeftMm),
  };
  // Page numbers from page N: the pages before it carry an empty «first page» header (w:titlePg),
  // which is a section's first page only, and the count runs on through all sections. From 2: the
  // first section's. From 3: the first two sections', so page 2 must start a section — after a
  // приказ page it does (the plan follows on the next page); without one, the plan's opening is set
  // apart and its body starts page 2. Word's other way, a PAGE inside an IF field, LibreOffice
  // renders as both numbers («22»), and the PDF is LibreOffice's.
  const unnumbered = settings.pageNumbersFrom - 1;
  const parts = partsOf(board, settings, unnumbered >= 2 && !hasOrder(board.document));
  const sections: ISectionOptions[] = parts.map((part, i) => {
    const unnumberedFirst = i < unnumbered;
    return {
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin,
        },
        ...(unnumberedFirst ? { titlePage: true } : {}),
      },
      headers: unnumberedFirst ? { default: pageNumberHeader(), first: new Header({ children: [] }) } : { default: pageNumberHeader() },
      children: part.build(layoutOf(settings, part.landscape)),
    };
  });
  const document = new Document({
    creator: 'Soplan',
    title: board.title,
    styles: {
      default: {
        document: {
          run: { font: settings.fontFamily, size: Math.round(settings.fontSizePt * 2) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    numbering: {
      config: [{ reference: ORDERED_LIST, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
