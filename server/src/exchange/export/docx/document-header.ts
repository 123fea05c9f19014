// The document around the plan, from the board's document header (rule B9) and the workspace's
// approval signatory: the приказ page that approves the plan, and the requisites top right of the
// plan's first page («Приложение № 1 к приказу …», «УТВЕРЖДАЮ …» or «УТВЕРЖДЕН приказом …»).
import type { DocumentHeader } from '@soplan/shared';
import { AlignmentType, Paragraph, TabStopType, TextRun } from 'docx';
import { bodyParagraph, centred, clean, empty, linesOf, runsOf, type Layout } from './layout.ts';

/** Whether the header holds a приказ worth its own page. */
export const hasOrder = (header: DocumentHeader): boolean => header.documentKind.trim() !== '' || header.title.trim() !== '';

// «к приказу», «УТВЕРЖДЕН приказом»: the kind of document declined as the requisites need it.
const DECLINED: Record<string, { dative: string; instrumental: string }> = {
  ПРИКАЗ: { dative: 'приказу', instrumental: 'приказом' },
  РАСПОРЯЖЕНИЕ: { dative: 'распоряжению', instrumental: 'распоряжением' },
  ПОСТАНОВЛЕНИЕ: { dative: 'постановлению', instrumental: 'постановлением' },
  РЕШЕНИЕ: { dative: 'решению', instrumental: 'решением' },
};
const declined = (header: DocumentHeader) => DECLINED[header.documentKind.trim().toUpperCase()] ?? DECLINED.ПРИКАЗ!;

/** «от 12.10.2021 № 01-05/812», leaving out what the header lacks. */
function dateAndNumber(header: DocumentHeader): string {
  const date = clean(header.date).trim();
  const number = clean(header.number).trim();
  return [date && `от ${date}`, number && `№ ${number}`].filter(Boolean).join(' ');
}

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

export interface Approval {
  position: string;
  name: string;
}

/** The requisites top right of the plan's first page, or none. */
export function planRequisites(layout: Layout, header: DocumentHeader, approval: Approval): Paragraph[] {
  const out: Paragraph[] = [];
  const order = hasOrder(header);
  if (order) out.push(...topRight(layout, ['Приложение № 1', `к ${declined(header).dative} ${dateAndNumber(header)}`.trim()]));
  const position = clean(approval.position).trim();
  const name = clean(approval.name).trim();
  if (position || name) {
    if (out.length > 0) out.push(empty());
    out.push(...topRight(layout, ['УТВЕРЖДАЮ', ...linesOf(position), `________________ ${name}`.trim(), '«___» ____________ 20__ г.']));
  } else if (!order && header.date.trim() && header.number.trim()) {
    // with a приказ page, «Приложение № 1 к приказу …» already says which приказ approved the plan
    out.push(...topRight(layout, ['УТВЕРЖДЕН', `${declined(header).instrumental} ${dateAndNumber(header)}`]));
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
