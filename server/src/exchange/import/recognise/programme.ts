// A programme or project document: the passport filled by its labels (a «Паспорт» table of labelled
// rows, or labelled paragraphs and headed parts: Разработчики, Сроки реализации, Целевая категория,
// Нормативно-правовая база, Участники, Актуальность, Цель, Задачи, Ожидаемые результаты and their
// usual variants), stages («1-й этап: подготовительный (сентябрь – декабрь 2020 г.)» with the lines
// under it), products, and every other headed part as a rich-text section (lists and bold kept).
import type { PassportField, ProgrammeContentJson, RichBlockJson, RichRunJson } from '@soplan/shared';
import { paragraphText, type Paragraph, type Table } from '../source-document.ts';
import { distinctCells, gridOf } from './grid.ts';
import { cellLines, continuesNumbering, lineOf, norm } from './text.ts';

type Target = PassportField | 'title' | 'stages' | 'products' | 'nominations' | 'indicators';

/** Label words → what they fill, tried in order on the label's normalised text. */
const LABELS: [Target, RegExp][] = [
  ['title', /^(?:полное\s+)?(?:наименование|название|тема)(?:\s+(?:программы|проекта|инновационного проекта))?$/],
  ['stages', /^(?:основные\s+)?этап[ыа]?(?:\s|$)/],
  ['products', /продукт/],
  ['nominations', /^номинаци/],
  ['indicators', /показател|индикатор|критери[йи] (?:эффективност|оценк|результативност)/],
  ['developers', /^(?:разработчик|автор|составител|руководитель проекта|руководитель программы)/],
  ['term', /^(?:срок|период|время)[а-я]* (?:реализации|выполнения|действия)|^сроки?$|^срок и механизм/],
  ['targetCategory', /^целев[а-я]* (?:категори|групп|аудитори)|^для кого/],
  ['legalBasis', /^норматив|^правов[а-я]* (?:основ|баз)|^основани[яе] для разработки/],
  ['participants', /^участник|^исполнител|^соисполнител|^партнер/],
  ['relevance', /актуальност|^обосновани|^проблем/],
  ['goal', /^цел[ьи](?!.*задач)/],
  ['tasks', /^(?:цели и )?задач/],
  ['expectedResults', /^ожидаем[а-я]* (?:результат|эффект)|^результат|ожидаем[а-я]* от реализации|^изменения/],
];

export function targetOf(label: string): Target | null {
  const l = norm(label).replace(/^\d+(?:\s|$)/, '');
  for (const [target, re] of LABELS) if (re.test(l)) return target;
  return null;
}

const text = (p: Paragraph) => paragraphText(p).trim();

/** Rich-text blocks of paragraphs: consecutive list items become one list; bold and italic runs are kept. */
export function richBlocks(paragraphs: readonly Paragraph[]): RichBlockJson[] {
  const blocks: RichBlockJson[] = [];
  for (const p of paragraphs) {
    const runs: RichRunJson[] = p.inlines
      .filter((i) => i.text !== '')
      .map((i) => ({ text: i.text, ...(i.bold ? { bold: true } : {}), ...(i.italic ? { italic: true } : {}) }));
    if (runs.length === 0) continue;
    const line = lineOf(p);
    const listType = p.list ? (p.list.ordered ? 'orderedList' : 'bulletList') : line.number !== null && !p.heading ? 'orderedList' : null;
    if (listType) {
      if (line.number !== null && !p.list) runs[0] = { ...runs[0]!, text: runs[0]!.text.replace(/^\s*\d{1,3}(?:\.\d{1,3})*[.)]?\s*/, '') };
      const lastBlock = blocks.at(-1);
      if (lastBlock && lastBlock.type === listType) lastBlock.items.push(runs);
      else blocks.push({ type: listType, items: [runs] });
    } else if (p.heading) blocks.push({ type: 'heading', level: Math.min(6, Math.max(1, p.heading)), runs });
    else blocks.push({ type: 'paragraph', runs });
  }
  return blocks;
}

interface Part {
  title: string;
  paragraphs: Paragraph[];
}

/**
 * Splits paragraphs into headed parts. A heading is a paragraph marked as one, a short bold or caps
 * line, or a numbered line «N. …» that is not inside a run of numbered lines (a list of tasks
 * «1. … 2. … 3. …» is content, the numbered parts «1. Направление», «2. Обоснование» have text
 * between them).
 */
export function partsOf(paragraphs: readonly Paragraph[], skip: ReadonlySet<number> = new Set()): { intro: Paragraph[]; parts: Part[] } {
  const lines = paragraphs.map(lineOf);
  const inRun = lines.map((l, i) => {
    if (l.number === null) return false;
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const follows = (a: string | null | undefined, b: string | null) => a != null && b != null && /^\d+$/.test(a) && /^\d+$/.test(b) && +b === +a + 1;
    return follows(prev?.number, l.number) || follows(l.number, next?.number ?? null);
  });
  const isHeading = (i: number) => {
    const p = paragraphs[i]!;
    const t = text(p);
    if (!t || t.length > 200 || /[;,]$/.test(t)) return false;
    if (p.heading) return true;
    const l = lines[i]!;
    if (l.number !== null && /^\d+$/.test(l.number) && !inRun[i] && !p.list) return true;
    return (l.bold || (t === t.toUpperCase() && /\p{Lu}{4,}/u.test(t))) && t.length < 120 && !/[.:]$/.test(t.replace(/\)$/, ''));
  };
  const intro: Paragraph[] = [];
  const parts: Part[] = [];
  paragraphs.forEach((p, i) => {
    if (skip.has(i)) return;
    if (isHeading(i)) parts.push({ title: lines[i]!.number !== null ? lines[i]!.rest : text(p), paragraphs: [] });
    else if (parts.length > 0) parts.at(-1)!.paragraphs.push(p);
    else intro.push(p);
  });
  return { intro, parts };
}

const STAGE = /^(\d|i{1,3}|iv)\s*(?:-?[йы]й?)?\s*этап\s*[:.–—-]?\s*(.*?)\s*(?:\(([^()]+)\))?\s*[.;]?$/i;
/** «с 2020 по 2022 годы» inside a sentence about the term. */
const TERM = /(?:^|\s)(с\s+\d{4}\s+(?:г\.\s*)?по\s+\d{4}(?:\s*(?:годы|года|год|гг\.|г\.)(?=[\s.,;)]|$))?)/i;
const LABELLED = /^([А-ЯЁ][^:]{1,80}?):\s*(.*)$/;

/** A bullet item: a list paragraph without numbers, or a line that starts with a dash or bullet. */
const isBullet = (p: Paragraph) => (p.list !== undefined && !p.list.ordered) || /^[-–—•·]/.test(text(p));
/** A list item as a line of a field: bullets as «- », numbered items with their numbers. */
const listLine = (p: Paragraph) =>
  p.list && !p.list.ordered ? `- ${text(p)}` : p.list?.marker && !text(p).startsWith(p.list.marker) ? `${p.list.marker} ${text(p)}` : text(p);

const capitalise = (s: string) => s.replace(/\s*-\s+|\s+-\s*/g, '-').replace(/^\p{L}/u, (c) => c.toUpperCase());
const dashLine = (t: string) => t.replace(/^[-–—•·]\s*/, '').trim();

export interface ProgrammeResult {
  content: Omit<ProgrammeContentJson, 'plan'>;
  /** The programme's name when its passport gives one («Наименование программы»). */
  title: string;
}

/** Reads the programme from its paragraphs (but those in `used`: the document header's) and its passport tables, if any. */
export function readProgramme(paragraphs: readonly Paragraph[], used: ReadonlySet<number>, passportTables: readonly Table[]): ProgrammeResult {
  const content: Omit<ProgrammeContentJson, 'plan'> = {
    passport: { developers: '', term: '', targetCategory: '', legalBasis: '', participants: '', relevance: '', goal: '', tasks: '', expectedResults: '' },
    sections: [],
    stages: [],
    indicators: [],
    pairs: [],
    nominations: [],
    products: [],
  };
  let programmeTitle = '';
  const fill = (target: Target, lines: string[], title: string, body: readonly Paragraph[]) => {
    const value = lines.filter(Boolean).join('\n').trim();
    if (target === 'title') {
      programmeTitle ||= value.replace(/\s*\n\s*/g, ' ').replace(/^«(.*)»$/, '$1');
      return;
    }
    if (target === 'stages') return readStages(body.length ? body.map(text) : lines, content);
    if (target === 'products' || target === 'nominations') {
      content[target].push(...lines.map(dashLine).filter(Boolean));
      return;
    }
    if (target === 'indicators') {
      content.indicators.push(
        ...lines
          .map(dashLine)
          .filter(Boolean)
          .map((t) => ({ title: t, target: '', actual: '' })),
      );
      return;
    }
    if (!value) return;
    const passport = content.passport;
    if (passport[target]) content.sections.push({ title, body: richBlocks(body) });
    else passport[target] = value;
  };

  for (const table of passportTables) {
    for (const row of gridOf(table).rows) {
      const cells = distinctCells(row.slots);
      if (cells.length < 2) continue;
      const label = cellLines(cells[0]!.cell)
        .map((l) => l.text)
        .join(' ');
      const target = targetOf(label);
      const valueParagraphs = cells.slice(1).flatMap((c) => c.cell.paragraphs);
      const lines = valueParagraphs.map(text).filter(Boolean);
      if (target) fill(target, lines, label, valueParagraphs);
      else if (lines.length) content.sections.push({ title: label, body: richBlocks(valueParagraphs) });
    }
  }

  const { intro, parts } = partsOf(paragraphs, used);
  for (const part of [{ title: '', paragraphs: intro }, ...parts]) {
    const target = part.title ? targetOf(part.title) : null;
    const rest: Paragraph[] = [];
    // Labelled lines inside a part («Цель проекта: …», «Задачи:» and the list under it).
    for (let i = 0; i < part.paragraphs.length; i++) {
      const p = part.paragraphs[i]!;
      const t = text(p);
      const labelled = LABELLED.exec(t);
      const inner = labelled ? targetOf(labelled[1]!) : null;
      if (inner && inner !== target) {
        const lines = labelled![2] ? [labelled![2]] : [];
        const body: Paragraph[] = [];
        let number: string | null = null;
        while (i + 1 < part.paragraphs.length) {
          const next = part.paragraphs[i + 1]!;
          const l = lineOf(next);
          if (l.number !== null ? !continuesNumbering(number, l.number) : !isBullet(next)) break;
          if (l.number !== null) number = l.number;
          lines.push(listLine(next));
          body.push(next);
          i++;
        }
        fill(inner, lines, labelled![1]!, body);
        continue;
      }
      const stage = STAGE.exec(t);
      if (stage) {
        const description: string[] = [];
        while (i + 1 < part.paragraphs.length && isBullet(part.paragraphs[i + 1]!)) description.push(listLine(part.paragraphs[++i]!));
        content.stages.push({ title: capitalise(stage[2]!.trim()), period: (stage[3] ?? '').trim(), description: description.join('\n'), status: 'planned' });
        continue;
      }
      if (target !== 'term' && !content.passport.term) {
        const term = TERM.exec(t);
        if (term && /реализу|срок/i.test(t)) content.passport.term = term[1]!.trim();
      }
      rest.push(p);
    }
    if (!part.title) continue;
    if (target && target !== 'term') fill(target, rest.map(text), part.title, rest);
    else if (target === 'term') {
      const sentence = rest.map(text).find((t) => /\d{4}/.test(t));
      if (sentence && !content.passport.term) content.passport.term = (TERM.exec(sentence)?.[1] ?? sentence).trim();
      const others = rest.filter((p) => text(p) !== sentence);
      if (others.length) content.sections.push({ title: part.title, body: richBlocks(others) });
    } else if (rest.length) content.sections.push({ title: part.title, body: richBlocks(rest) });
  }
  return { content, title: programmeTitle };
}

function readStages(lines: readonly string[], content: Omit<ProgrammeContentJson, 'plan'>): void {
  for (const line of lines) {
    const stage = STAGE.exec(line);
    if (stage) content.stages.push({ title: capitalise(stage[2]!.trim()), period: (stage[3] ?? '').trim(), description: '', status: 'planned' });
    else if (content.stages.length > 0 && line.trim()) {
      const last = content.stages.at(-1)!;
      last.description = [last.description, line.trim()].filter(Boolean).join('\n');
    }
  }
}
