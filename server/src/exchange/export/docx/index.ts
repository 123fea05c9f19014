// A board as the Word document a методист makes by hand (issue 14): the приказ page when the board's
// document header has one, then the plan with its requisites top right, its title, goal and tasks
// and its table, laid out as the workspace's document settings say (ГОСТ Р 7.0.97-2025 by default).
import type { BoardJson, DocumentSettings } from '@soplan/shared';
import { AlignmentType, Document, Header, LevelFormat, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions, type Table } from 'docx';
import { hasOrder, orderPage, planPreamble, planRequisites } from './document-header.ts';
import { A4, LANDSCAPE_COLUMNS, layoutOf, mmToTwips, type Layout } from './layout.ts';
import { PLAN_GRAPH_COLUMNS, planGraphTable, ROADMAP_COLUMNS, roadmapTable } from './plan-tables.ts';
import { ORDERED_LIST, programmeBody } from './programme.ts';

type Content = (Paragraph | Table)[];

interface Part {
  landscape: boolean;
  build: (layout: Layout) => Content;
}

/** The parts of the document, each a section of its own orientation, in order. */
function partsOf(board: BoardJson, settings: DocumentSettings): Part[] {
  const header = board.document;
  const parts: Part[] = [];
  if (hasOrder(header)) parts.push({ landscape: false, build: (layout) => orderPage(layout, header) });
  const opening = (layout: Layout, goal: string, tasks: string) => [
    ...planRequisites(layout, header, settings.approval),
    ...planPreamble(layout, board.title, goal, tasks),
  ];
  if (board.kind === 'roadmap')
    parts.push({
      landscape: ROADMAP_COLUMNS.length >= LANDSCAPE_COLUMNS,
      build: (layout) => [...opening(layout, header.goal, header.tasks), roadmapTable(layout, board.roadmap)],
    });
  else if (board.kind === 'plan-graph')
    parts.push({
      landscape: PLAN_GRAPH_COLUMNS.length >= LANDSCAPE_COLUMNS,
      build: (layout) => [...opening(layout, header.goal, header.tasks), planGraphTable(layout, board.planGraph)],
    });
  else {
    const { programme } = board;
    const goal = programme.passport.goal.trim() ? programme.passport.goal : header.goal;
    const tasks = programme.passport.tasks.trim() ? programme.passport.tasks : header.tasks;
    parts.push({ landscape: false, build: (layout) => [...opening(layout, goal, tasks), ...programmeBody(layout, board.title, programme)] });
    if (programme.plan.sections.length > 0 || programme.plan.unplaced.length > 0)
      parts.push({
        landscape: ROADMAP_COLUMNS.length >= LANDSCAPE_COLUMNS,
        build: (layout) => [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: 'План мероприятий', bold: true })] }),
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
  const sections: ISectionOptions[] = partsOf(board, settings).map((part, i) => {
    // Numbers from page 2: the first page of the document (not of every section) has an empty
    // header; later sections carry the numbered header on all their pages, and the count runs on.
    const unnumberedFirst = i === 0 && settings.pageNumbersFrom > 1;
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
