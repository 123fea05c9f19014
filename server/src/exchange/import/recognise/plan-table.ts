// A plan table (roadmap, or a programme's plan of events) as sections and items, as Word documents
// really hold them: the header repeated on every page; rows split across a page break (a row whose
// number cell is empty continues the item above it, column by column); a section title spanning the
// row; a «Сроки» cell spanning several rows that applies to each; several numbered мероприятия in one
// cell, each its own item with its own period and responsible when the other cells list them line by
// line; numbering in three levels (направление 1 → подраздел 1.1 → мероприятие 1.1.1).
import { listOf, numberPlan, periodOf, type ColumnRole, type PlanItemJson, type PlanJson, type PlanSectionJson, type PlanSubsectionJson } from '@soplan/shared';
import { distinctCells, type Grid, type Slot } from './grid.ts';
import { repeatsHeader, type HeaderInfo } from './columns.ts';
import { cellLines, depthOf, joinLines, splitInlineNumbering, type Line } from './text.ts';
import { quote, type Warnings } from './warnings.ts';
import type { ImportWarning } from '@soplan/shared';

/** The section items go to when a table names none. */
export const DEFAULT_SECTION_TITLE = 'Мероприятия';

const ITEM_ROLES = new Set<ColumnRole>(['number', 'section', 'title', 'period', 'responsibles', 'result', 'ignore']);

export interface PlanTableInput {
  grid: Grid;
  header: HeaderInfo | null;
  roles: readonly ColumnRole[];
  /** 1-based, for warnings. */
  table: number;
  academicYearStart?: number;
  warnings: Warnings;
}

export interface PlanTableResult {
  plan: PlanJson;
}

interface Entry {
  number: string | null;
  lines: string[];
}

/** Groups a cell's lines into numbered entries: a numbered line starts one, the lines after it continue it. */
function entriesOf(lines: readonly Line[]): Entry[] {
  const entries: Entry[] = [];
  for (const line of lines) {
    for (const part of splitInlineNumbering(line.text)) {
      const m = /^\s*(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?\s*(?=\S)/.exec(part);
      const numbered = line.number !== null || (m !== null && part !== line.text);
      if (numbered) {
        const number = line.number !== null && part === line.text ? line.number : m ? m[1]! : null;
        const rest = line.number !== null && part === line.text ? line.rest : m ? part.slice(m[0].length) : part;
        entries.push({ number, lines: [rest.trim()] });
      } else if (entries.length > 0) entries.at(-1)!.lines.push(part.trim());
      else entries.push({ number: null, lines: [part.trim()] });
    }
  }
  return entries.filter((e) => e.lines.some(Boolean));
}

/** Joins a field's lines: a line that starts in lower case continues the sentence, another starts a new line. */
function joinField(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (!line) continue;
    if (!out) out = line;
    else out += /^[\p{Ll}(,;–—-]/u.test(line) || /[-‐]$/.test(out) ? ` ${line}` : `\n${line}`;
  }
  return out;
}

/** Kinds of organisation an abbreviation starts with (МБОУ ДПО МЦ, ГБОУ ДПО НИРО, МДОУ № 8, ОО). */
const ORGANISATION_TYPE = /^(?:[МГФЧ]?[БАК]?[ДН]?ОУ|[МГ]?[БА]?ДОУ|ОО|ДОО|ГАУ|ГБУ|МБУ|МАУ|МКУ|ФГБОУ|ФГАОУ|ГОАУ|ГАОУ|ГАУ ДПО)$/;

/**
 * The names in a responsibles cell. A cell of abbreviations only, written on one line where the
 * document had them on separate lines («ОО МБОУ ДПО МЦ»), is split before each kind of organisation.
 */
export function responsiblesOf(lines: readonly string[]): string[] {
  return listOf(lines.join('\n')).flatMap((name) => {
    const words = name.split(' ');
    if (words.length < 2 || !words.every((w) => /^[А-ЯЁ]{2,}$|^№$|^\d+$/.test(w))) return [name];
    const out: string[] = [];
    for (const w of words) {
      if (out.length === 0 || (ORGANISATION_TYPE.test(w) && !/№$/.test(out.at(-1)!))) out.push(w);
      else out[out.length - 1] += ` ${w}`;
    }
    return out;
  });
}

const slotText = (slot: Slot | null | undefined) => (slot ? joinLines(cellLines(slot.cell)) : '');
const NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,3})\.?$/;

export function readPlanTable(input: PlanTableInput): PlanTableResult {
  const { grid, header, table, warnings } = input;
  // A roadmap whose only time column is «Дата (проведения)» has its periods there.
  const roles = input.roles.includes('period') ? input.roles : input.roles.map((r) => (r === 'date' ? 'period' : r));
  const col = (role: ColumnRole) => roles.indexOf(role);
  const numberCol = col('number');
  const titleCol = col('title');
  const sectionCol = col('section');
  const headerRows = new Set(header?.rows ?? []);
  roles.forEach((role, c) => {
    if (!ITEM_ROLES.has(role) && header?.headers[c]) warnings.add('column_ignored', { table, column: c + 1 }, { header: header.headers[c]! });
  });

  const body = grid.rows.map((row, r) => ({ row, r })).filter(({ r }) => !headerRows.has(r));
  const numberOf = (r: number): string | null => {
    if (numberCol < 0) return null;
    const slot = grid.rows[r]!.slots[numberCol];
    if (!slot || slot.originRow !== r) return null;
    const m = NUMBER.exec(slotText(slot));
    return m ? m[1]! : null;
  };
  const numbers = body.map(({ r }) => numberOf(r)).filter((n): n is string => n !== null);
  const usesNumbers = numberCol >= 0 && numbers.length >= Math.max(1, body.length * 0.4);
  const parents = new Set<string>();
  for (const n of numbers) {
    const parts = n.split('.');
    for (let k = 1; k < parts.length; k++) parents.add(parts.slice(0, k).join('.'));
  }
  /** Other columns of a role already taken (a «Сроки» over «начало | окончание», a second «Исполнители»): read with it. */
  const alsoAs = (role: ColumnRole): number[] => (header ? header.roles.flatMap((r, c) => (r === role && roles[c] === 'ignore' ? [c] : [])) : []);

  const sections: PlanSectionJson[] = [];
  let section: PlanSectionJson | null = null;
  let subsection: PlanSubsectionJson | null = null;
  let last: PlanItemJson | null = null;
  /** Each item placed, with the warnings to point at it once numbers are derived. */
  const itemRefs: { item: PlanItemJson; warnings: ImportWarning[] }[] = [];
  const pointAt = (item: PlanItemJson | undefined, warning: ImportWarning | null) => {
    const ref = item && itemRefs.find((x) => x.item === item);
    if (ref && warning) ref.warnings.push(warning);
  };

  const openSection = (title: string) => {
    section = { title, items: [], sections: [] };
    sections.push(section);
    subsection = null;
    last = null;
  };
  const openSubsection = (title: string) => {
    if (!section) openSection(DEFAULT_SECTION_TITLE);
    subsection = { title, items: [] };
    section!.sections.push(subsection);
    last = null;
  };
  const place = (item: PlanItemJson) => {
    if (!section) openSection(DEFAULT_SECTION_TITLE);
    (subsection ?? section!).items.push(item);
    itemRefs.push({ item, warnings: [] });
    last = item;
  };
  /** A heading row's numbering decides its level: «1.» a section, «1.1.» a subsection of the current section. */
  const heading = (number: string | null, title: string) => {
    if (number !== null && depthOf(number) >= 2 && section) openSubsection(title);
    else openSection(title);
  };

  for (const { row, r } of body) {
    const where = { table, row: r + 1 };
    if (header) {
      const repeat = repeatsHeader(grid, r, header);
      if (repeat === 'header') {
        warnings.add('header_repeated', where);
        continue;
      }
      if (repeat === 'column-numbers') continue;
    }
    const filled = distinctCells(row.slots).filter((s) => slotText(s) !== '');
    if (filled.length === 0) continue;
    const own = filled.filter((s) => s.originRow === r);

    // A section title spanning the row (or the only text of a row whose other cells are empty and
    // which the numbering makes a parent of the rows below).
    const only = filled.length === 1 ? filled[0]! : null;
    if (only && only.cell.colSpan >= Math.max(2, grid.columns - 1)) {
      const line = cellLines(only.cell)[0];
      const text = joinLines(cellLines(only.cell));
      const m = /^(?:(?:раздел|направление|блок)\s+)?(\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=\S)/i.exec(text);
      heading(m ? m[1]! : (line?.number ?? null), m ? text.slice(m[0].length).trim() : (line?.rest ?? text));
      continue;
    }

    const number = numberOf(r);
    const titleSlot = titleCol >= 0 ? row.slots[titleCol] : null;
    // A numbered row others extend is a section when it is a heading: nothing in the period,
    // responsibles or result cells but its own title. With them, it is an item whose sub-points
    // («2.1», «2.2» under item 2) are items too.
    const heads = (c: number) => c < 0 || !row.slots[c] || row.slots[c] === titleSlot || slotText(row.slots[c]) === '';
    const headingRow = heads(col('period')) && heads(col('responsibles')) && heads(col('result'));
    if (number !== null && headingRow && parents.has(number) && depthOf(number) <= 2) {
      heading(number, slotText(titleSlot) || slotText(only));
      continue;
    }
    // A section written into the title cell alone, not merged across the row: «Раздел 2. …»,
    // «I. …» (or «I» in the number cell), or a bold line with every other cell empty.
    const rowOnlyTitle = titleSlot && filled.every((x) => x === titleSlot || (numberCol >= 0 && x === row.slots[numberCol]));
    if (rowOnlyTitle && number === null) {
      const text = slotText(titleSlot);
      const roman = numberCol >= 0 ? /^[IVXLC]{1,6}\.?$/.test(slotText(row.slots[numberCol])) : false;
      const named = /^(?:(?:раздел|направление|блок|модуль)\s+(?:\d{1,2}|[IVXLC]{1,6})\b|[IVXLC]{1,6}\.\s)/i.exec(text);
      const bold = cellLines(titleSlot.cell).every((l) => l.bold);
      if (roman || named || (bold && usesNumbers)) {
        const sub = /^(?:(?:раздел|направление|блок|модуль)\s+)?(\d{1,2}\.\d{1,2})\.?\s/i.exec(text);
        heading(
          sub ? sub[1]! : null,
          text.replace(/^(?:(?:раздел|направление|блок|модуль)\s+)?(?:\d{1,2}(?:\.\d{1,2})?|[IVXLC]{1,6})\.?\s*[:.–—-]?\s*/i, '').trim() || text,
        );
        continue;
      }
    }
    if (sectionCol >= 0) {
      const name = slotText(row.slots[sectionCol]);
      if (name && name !== (section as PlanSectionJson | null)?.title) openSection(name.replace(/\s*-\s*/g, '-').trim());
    }

    // A row split across a page: no number of its own where the table numbers its items.
    const numberCovered = numberCol >= 0 && row.slots[numberCol] && row.slots[numberCol]!.originRow !== r;
    if (usesNumbers && last && (number === null || numberCovered) && own.length > 0 && !(sectionCol >= 0 && own.every((s) => s === row.slots[sectionCol]))) {
      const continued = last as PlanItemJson;
      roles.forEach((role, c) => {
        const slot = row.slots[c];
        if (!slot || slot.originRow !== r || (c > 0 && row.slots[c - 1] === slot)) return;
        const text = slotText(slot);
        if (!text) return;
        if (role === 'title') continued.title = joinField([continued.title, text]);
        else if (role === 'period') continued.period = continued.period ? `${continued.period} ${text}` : text;
        else if (role === 'responsibles') continued.responsibles = [...continued.responsibles, ...responsiblesOf([text])];
        else if (role === 'result') continued.result = joinField([continued.result, text]);
      });
      pointAt(continued, warnings.add('row_continued', where));
      continue;
    }

    const titleEntries = entriesOf(titleSlot ? cellLines(titleSlot.cell) : []);
    if (titleEntries.length === 0) {
      warnings.add('row_skipped', where, { text: quote(filled.map(slotText).join(' · ')) });
      continue;
    }
    const numbered = titleEntries.filter((e) => e.number !== null).length;
    const many = titleEntries.length >= 2 && numbered >= 2;
    const entries = many ? titleEntries : [{ number: titleEntries[0]!.number, lines: titleEntries.flatMap((e) => e.lines) }];
    // The other cells, split the same way when they list one line (or numbered entry) per мероприятие.
    const fieldLines = (role: ColumnRole): string[][] | null => {
      const c = col(role);
      if (c < 0) return null;
      const lines = cellLines(row.slots[c]?.cell);
      if (lines.length === 0) return null;
      if (many) {
        const own = entriesOf(lines);
        if (own.length === entries.length && own.filter((e) => e.number !== null).length >= 2) return own.map((e) => e.lines);
        if (lines.length === entries.length && (role === 'period' || role === 'responsibles')) return lines.map((l) => [l.rest]);
      }
      return null;
    };
    const whole = (role: ColumnRole): string[] => {
      const c = col(role);
      if (c < 0) return [];
      const lines = cellLines(row.slots[c]?.cell).map((l) => l.text);
      const more = alsoAs(role).flatMap((k) => (row.slots[k] && row.slots[k] !== row.slots[c] ? cellLines(row.slots[k]!.cell).map((l) => l.text) : []));
      // «Сентябрь 2021» | «май 2022» under one «Сроки» is the period from one to the other.
      if (role === 'period' && more.length > 0 && lines.length > 0) return [`${lines.join(' ')} – ${more.join(' ')}`];
      return [...lines, ...more];
    };
    // Links in the row's cells (only http(s)/mailto survive reading) are the item's evidence.
    const links = [...new Set(distinctCells(row.slots).flatMap((x) => x.cell.paragraphs.flatMap((p) => p.inlines.flatMap((i) => (i.href ? [i.href] : [])))))];
    const periods = fieldLines('period');
    const people = fieldLines('responsibles');
    const results = fieldLines('result');
    const split = many ? warnings.add('cell_split', where, { count: entries.length }) : null;
    entries.forEach((entry, k) => {
      const title = entry.lines.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
      const period = (periods ? periods[k]! : whole('period')).join(' ').replace(/\s+/g, ' ').trim();
      const responsibles = responsiblesOf(people ? people[k]! : whole('responsibles'));
      const result = joinField(results ? results[k]! : k === 0 || !many ? whole('result') : []);
      const item: PlanItemJson = { title, period, responsibles, result, status: 'planned', evidence: k === 0 || !many ? links : [] };
      place(item);
      if (k === 0) pointAt(item, split);
      if (period && periodOf(period, academic(input)).kind === 'unknown') pointAt(item, warnings.add('period_unknown', where, { text: quote(period) }));
    });
  }

  const plan: PlanJson = { sections, unplaced: [] };
  const derived = numberPlan(plan);
  for (const ref of itemRefs) {
    const n = derived.get(ref.item);
    if (n) for (const w of ref.warnings) w.where.item = n;
  }
  return { plan };
}

const academic = (input: PlanTableInput) => (input.academicYearStart !== undefined ? { academicYearStart: input.academicYearStart } : {});
