// The document around the plan (rule B9): a приказ's requisites (authority, «ПРИКАЗ», date and №,
// «Об утверждении …», body, signatory), the plan's «Цель», «Задачи» and list of abbreviations, and
// the plan's title. Read from the paragraphs in reading order; whatever is not found stays empty.
import { emptyDocumentHeader, type DocumentHeader } from '@soplan/shared';
import { paragraphText, type Paragraph } from '../source-document.ts';
import { continuesNumbering, lineOf, norm } from './text.ts';

const DOCUMENT_KINDS = /^(приказ|распоряжение|постановление|решение)$/;
const REQUISITES = /^(?:от\s+)?(\d{1,2}[./]\d{1,2}[./]\d{2,4}|«?\d{1,2}»?\s+[а-яё]+\s+\d{4}\s*(?:г\.?|года)?)\s*(?:г\.?)?\s*(?:№|N)\s*(\S.*)$/i;
const SIGNATORY_POST = /^(директор|начальник|руководитель|председатель|заведующ|министр|глава|заместитель|и\.\s?о\.|врио)/i;
const PERSON = /[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\./;
const APPENDIX = /^приложение(?:\s|$)/i;
const APPROVAL = /^(утверждаю|утвержден[аоы]?|согласовано|принят[аоы]?)\b/i;
const ABBREVIATIONS_HEADING = /^(?:список\s+)?(?:используемых\s+|принятых\s+)?сокращени[йя]|^условные обозначения/;
const ABBREVIATION_LINE = /^[А-ЯЁA-Z][А-ЯЁA-Z0-9 .-]{1,20}\s+[–—-]\s+\S/;

const isCaps = (text: string) => /\p{Lu}/u.test(text) && text === text.toUpperCase() && /\p{L}{3,}/u.test(text);

export interface PreambleResult {
  header: DocumentHeader;
  /** Indexes of paragraphs that went into the header (so the programme reader does not take them again). */
  used: Set<number>;
  /** How many header fields were filled. */
  fields: number;
}

/**
 * Reads the document header from the paragraphs (all of the document's, in order). The приказ is
 * recognised only when its «ПРИКАЗ» line is there; the authority is the caps lines above it.
 */
export function recogniseDocumentHeader(paragraphs: readonly Paragraph[]): PreambleResult {
  const header = emptyDocumentHeader();
  const used = new Set<number>();
  const texts = paragraphs.map((p) => paragraphText(p).trim());
  // «П Р И К А З» is how many authorities letter-space it; «ПРИКАЗ № 812» or «ПРИКАЗ от 12.10.2021 № 812» carry the requisites on its line.
  const kindLine = (t: string) => {
    const joined = t.replace(/^((?:\p{Lu} +){3,}\p{Lu})(?=\s|$)/u, (m) => m.replace(/\s+/g, ''));
    const word = /^\S+/.exec(joined)?.[0] ?? '';
    return DOCUMENT_KINDS.test(norm(word)) ? { kind: word, rest: joined.slice(word.length).trim() } : null;
  };
  const kindAt = texts.findIndex((t, i) => i < 40 && kindLine(t) !== null && (kindLine(t)!.rest === '' || /№|^от\s/i.test(kindLine(t)!.rest)));
  if (kindAt >= 0) {
    const { kind, rest } = kindLine(texts[kindAt]!)!;
    header.documentKind = kind;
    used.add(kindAt);
    if (rest) {
      const m = REQUISITES.exec(rest) ?? /^(?:от\s+)?()(?:№|N)\s*(\S.*)$/i.exec(rest);
      if (m) {
        header.date = m[1]!.replace(/[«»]/g, '').trim();
        header.number = m[2]!.trim();
      }
    }
    const authority: string[] = [];
    for (let i = 0; i < kindAt; i++) {
      if (!texts[i]) continue;
      authority.push(texts[i]!);
      used.add(i);
    }
    header.authority = authority.join('\n');
    let i = kindAt + 1;
    for (; i < texts.length && i < kindAt + 4 && !(header.date && header.number); i++) {
      const dateOnly = header.number ? /^(?:от\s+)?(\d{1,2}[./]\d{1,2}[./]\d{2,4}|«?\d{1,2}»?\s+[а-яё]+\s+\d{4})\s*(?:г\.?|года)?$/i.exec(texts[i]!) : null;
      if (dateOnly) {
        header.date = dateOnly[1]!.replace(/[«»]/g, '').trim();
        used.add(i);
        i++;
        break;
      }
      const m = REQUISITES.exec(texts[i]!.replace(/\t+/g, ' '));
      if (m) {
        header.date = m[1]!.replace(/[«»]/g, '').trim();
        header.number = m[2]!.trim();
        used.add(i);
        i++;
        break;
      }
      if (texts[i]) break;
    }
    // The title: «Об утверждении …», possibly over several lines, up to the first paragraph of the body.
    const title: string[] = [];
    for (; i < texts.length; i++) {
      const t = texts[i]!;
      if (!t) continue;
      if (title.length === 0 && !/^о(?:б)?\s/i.test(t)) break;
      if (title.length > 0 && (/^[А-ЯЁ]/.test(t) || t.length > 160)) break;
      title.push(t);
      used.add(i);
    }
    header.title = title.join(' ');
    const body: string[] = [];
    for (; i < texts.length; i++) {
      const t = texts[i]!;
      if (!t) continue;
      if (SIGNATORY_POST.test(t) && PERSON.test(t)) {
        header.signatory = t.replace(/\s*\t+\s*/g, '  ').trim();
        used.add(i);
        break;
      }
      if (APPENDIX.test(t) || APPROVAL.test(t)) break;
      body.push(lineText(paragraphs[i]!));
      used.add(i);
    }
    header.body = body.join('\n');
  }
  readGoalAndTasks(paragraphs, texts, header, used);
  readAbbreviations(texts, header, used);
  const fields = Object.values(header).filter(Boolean).length;
  return { header, used, fields };
}

/** A paragraph as a line of a field: a numbered or bulleted list item keeps its marker. */
function lineText(p: Paragraph): string {
  const text = paragraphText(p).trim();
  // Bullets read as one mark whatever the source used («·», «-», a Word bullet list).
  if (p.list && !p.list.ordered) return `• ${text}`;
  if (p.list?.marker && !text.startsWith(p.list.marker)) return `${p.list.marker} ${text}`;
  return text;
}

function readGoalAndTasks(paragraphs: readonly Paragraph[], texts: readonly string[], header: DocumentHeader, used: Set<number>): void {
  for (let i = 0; i < texts.length; i++) {
    if (used.has(i)) continue;
    const t = texts[i]!;
    const goal = /^цель(?:\s+[^:]{0,60})?:\s*(.*)$/i.exec(t);
    if (goal && !header.goal && !/задач/i.test(t.split(':')[0]!)) {
      header.goal = goal[1]!.trim() || nextText(texts, i);
      used.add(i);
      continue;
    }
    const tasks = /^(?:основные\s+)?(?:цели\s+и\s+)?задачи(?:\s+[^:]{0,80})?:\s*(.*)$/i.exec(t);
    if (tasks && !header.tasks) {
      used.add(i);
      const lines: string[] = tasks[1]!.trim() ? [tasks[1]!.trim()] : [];
      let number: string | null = null;
      for (let k = i + 1; k < texts.length; k++) {
        const p = paragraphs[k]!;
        const text = texts[k]!;
        if (!text) continue;
        const line = lineOf(p);
        // The list under «Задачи:» ends where its numbering stops counting («9.» then «4. Срок …» is the next part).
        if (line.number !== null ? !continuesNumbering(number, line.number) : !line.bullet && !p.list) break;
        if (line.number !== null) number = line.number;
        lines.push(lineText(p));
        used.add(k);
      }
      header.tasks = lines.join('\n');
    }
  }
}

function nextText(texts: readonly string[], i: number): string {
  for (let k = i + 1; k < texts.length && k < i + 3; k++) if (texts[k]) return texts[k]!;
  return '';
}

function readAbbreviations(texts: readonly string[], header: DocumentHeader, used: Set<number>): void {
  const at = texts.findIndex((t) => ABBREVIATIONS_HEADING.test(norm(t)) && t.length < 80);
  if (at < 0) return;
  used.add(at);
  const lines: string[] = [];
  for (let k = at + 1; k < texts.length; k++) {
    const t = texts[k]!;
    if (!t) continue;
    if (!ABBREVIATION_LINE.test(t)) break;
    lines.push(t);
    used.add(k);
  }
  header.abbreviations = lines.join('\n');
}

const PLAN_WORDS = /план|карт[аы]|график|программ|проект|мероприяти/i;

/**
 * The plan's title: the caps or bold lines of the title page (or the first lines before the table),
 * with the lines that continue them in lower case («по развитию …»), skipping the приказ, the
 * appendix note and the approval block. Returns '' when nothing looks like one.
 */
export function readTitle(paragraphs: readonly Paragraph[], skip: ReadonlySet<number>, before = paragraphs.length, options: { any?: boolean } = {}): string {
  const texts = paragraphs.map((p) => paragraphText(p).trim());
  for (let i = 0; i < before; i++) {
    const t = texts[i]!;
    if (!t || skip.has(i) || APPENDIX.test(t) || APPROVAL.test(t)) continue;
    const line = lineOf(paragraphs[i]!);
    const headingLike = options.any || isCaps(t) || line.bold || paragraphs[i]!.heading !== undefined || paragraphs[i]!.align === 'center';
    if (!headingLike || !PLAN_WORDS.test(t)) {
      if (t.length > 200) break;
      continue;
    }
    const parts = [t];
    for (let k = i + 1; k < before && parts.length < 8; k++) {
      const next = texts[k]!;
      if (!next) continue;
      const continues = /^[\p{Ll}(«"„]/u.test(next) || isCaps(next) || (lineOf(paragraphs[k]!).bold && line.bold);
      // a line ending in a colon («Задачи:») introduces what follows; it never continues a title
      if (!continues || next.length > 250 || /:$/.test(next)) break;
      parts.push(next);
    }
    return tidyTitle(parts.join(' '));
  }
  return '';
}

/** Short words a title in capitals uses; any other caps word of up to four letters is an abbreviation (ГЦРО, МДОУ, ДОО) and stays. */
const SHORT_WORDS = new Set(['план', 'год', 'года', 'годы', 'для', 'на', 'по', 'и', 'в', 'во', 'о', 'об', 'от', 'с', 'со', 'к', 'при', 'за', 'до', 'без']);

/** One line, sentence case for a title typed in capitals («ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА)» → «План мероприятий (дорожная карта)»). */
export function tidyTitle(title: string): string {
  const words = title
    .replace(/\*\*/g, '')
    .replace(/(план)\s*-\s*(график)/giu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  return words
    .map((w, i) => {
      const letters = w.replace(/[^\p{L}]/gu, '');
      const caps = letters !== '' && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
      if (!caps || (letters.length <= 4 && !SHORT_WORDS.has(letters.toLowerCase()))) return w;
      const lower = w.toLowerCase();
      return i === 0 ? lower.replace(/\p{L}/u, (c) => c.toUpperCase()) : lower;
    })
    .join(' ');
}

/**
 * A board's title as a board may hold it (the rule of `nameText`): one line, no control or
 * direction-changing characters, at most `max` characters, cut at a word with «…».
 */
export function boardTitle(text: string, max: number): string {
  const line = text
    .replace(/\p{Cc}|[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
