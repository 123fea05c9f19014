// The requisites of a plan's first page (SPEC E1, E4), worded once for the DOCX (and so the PDF) and
// the print view: «Приложение № 1 к приказу … от … № …» when the board's document header holds a
// приказ, «УТВЕРЖДАЮ / должность / подпись / И.О. Фамилия / дата» when the workspace names who
// approves, else «УТВЕРЖДЕН приказом от … № …» from the header. Lines are plain text; each writer
// sets them top right in its own way.
import type { DocumentHeader } from './boards/board-json.ts';

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

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** «от 12.10.2021 № 01-05/812», leaving out what the header lacks. */
function dateAndNumber(header: DocumentHeader): string {
  const date = oneLine(header.date);
  const number = oneLine(header.number);
  return [date && `от ${date}`, number && `№ ${number}`].filter(Boolean).join(' ');
}

/** Who approves the workspace's plans (DocumentSettings.approval). */
export interface Approval {
  position: string;
  name: string;
}

/** The blocks of lines top right of the plan's first page, in order; none when there is nothing to say. */
export function requisiteBlocks(header: DocumentHeader, approval: Approval): string[][] {
  const blocks: string[][] = [];
  const order = hasOrder(header);
  if (order) blocks.push(['Приложение № 1', `к ${declined(header).dative} ${dateAndNumber(header)}`.trim()]);
  const position = approval.position
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const name = oneLine(approval.name);
  if (position.length > 0 || name) blocks.push(['УТВЕРЖДАЮ', ...position, `________________ ${name}`.trim(), '«___» ____________ 20__ г.']);
  // with a приказ page, «Приложение № 1 к приказу …» already says which приказ approved the plan
  else if (!order && header.date.trim() && header.number.trim()) blocks.push(['УТВЕРЖДЕН', `${declined(header).instrumental} ${dateAndNumber(header)}`]);
  return blocks;
}
