// The document around the plan, from the board's document header (rule B9) and the workspace's
// approval signatory: the приказ page that approves the plan, and the requisites top right of the
// plan's first page («Приложение № 1 к приказу …», «УТВЕРЖДАЮ …» or «УТВЕРЖДЕН приказом …»).
import { requisiteBlocks, type Approval, type DocumentHeader } from '@soplan/shared';
import { AlignmentType, Paragraph, TabStopType, TextRun } from 'docx';
import { bodyParagraph, centred, clean, empty, linesOf, runsOf, type Layout } from './layout.ts';

// A signatory written «Директор департамента И.О. Фамилия» or «… Фамилия И.О.»: the name is set right.
const NAME_AT_END = /\s+((?:[А-ЯЁA-Z]\.\s?){1,2}[А-ЯЁA-Z][а-яёa-z-]+|[А-ЯЁA-Z][а-яёa-z-]+\s+(?:[А-ЯЁA-Z]\.\s?){1,2})$/;

function splitSignatory(signatory: string): [string, string] {
  const text = signatory.replace(/\s+/g, ' ').trim();
  const tab = signatory.split('\t').map((s) => s.trim());
  if (tab.length === 2 && tab[0] && tab[1]) return [clean(tab[0]), clean(tab[1])];
  const match = NAME_AT_END.exec(text);
  return match ? [clean(text.slice(0, match.index)), clean(match[1]!)] : [clean(text), ''];
}

/** A line with its left part at the margin and its right part flush right. */
function spread(layout: Layout, left: string, right: string): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: layout.textWidth }],
    children: [...runsOf(left), ...(right ? [new TextRun({ text: `\t${clean(right)}` })] : [])],
  });
}

/** The приказ page: authority, «ПРИКАЗ», date and №, title, body, signatory. */
export function orderPage(layout: Layout, header: DocumentHeader): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of linesOf(header.authority)) out.push(centred(runsOf(line)));
  out.push(empty(), centred([new TextRun({ text: clean(header.documentKind).trim().toUpperCase() || 'ПРИКАЗ', bold: true })], 240));
  const date = clean(header.date).trim();
  const number = clean(header.number).trim();
  if (date || number) out.push(spread(layout, date, number && `№ ${number}`), empty());
  if (header.title.trim()) out.push(new Paragraph({ spacing: { after: 240 }, children: runsOf(header.title.trim(), { bold: true }) }));
  for (const line of linesOf(header.body)) out.push(bodyParagraph(layout, runsOf(line)));
  if (header.signatory.trim()) {
    const [post, name] = splitSignatory(header.signatory);
    out.push(empty(), empty(), spread(layout, post, name));
  }
  return out;
}

/** Paragraphs set as a block in the right half of the page, as requisites are. */
function topRight(layout: Layout, lines: readonly string[]): Paragraph[] {
  return lines.map((line) => new Paragraph({ indent: { left: Math.round(layout.textWidth / 2) }, children: runsOf(line) }));
}

/** The requisites top right of the plan's first page (shared requisiteBlocks), or none. */
export function planRequisites(layout: Layout, header: DocumentHeader, approval: Approval): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of requisiteBlocks(header, approval)) {
    if (out.length > 0) out.push(empty());
    out.push(...topRight(layout, block.map(clean)));
  }
  if (out.length > 0) out.push(empty());
  return out;
}

/** The plan's title, «Цель: …», «Задачи:» with a paragraph per task, and the list of abbreviations. */
export function planPreamble(layout: Layout, title: string, goal: string, tasks: string, abbreviations: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of linesOf(title)) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: runsOf(line, { bold: true }) }));
  out.push(empty());
  const label = (text: string) => new TextRun({ text, bold: true });
  const goalText = linesOf(goal).join(' ');
  if (goalText) out.push(bodyParagraph(layout, [label('Цель: '), ...runsOf(goalText)]));
  const lists: [string, string[]][] = [
    ['Задачи:', linesOf(tasks)],
    ['Список сокращений:', linesOf(abbreviations)],
  ];
  for (const [heading, lines] of lists) {
    if (lines.length === 0) continue;
    out.push(bodyParagraph(layout, [label(heading)]));
    for (const line of lines) out.push(bodyParagraph(layout, runsOf(line)));
  }
  if (out.length > 1) out.push(empty());
  return out;
}
