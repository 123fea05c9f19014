// recognise/: from a SourceDocument (what the readers made of a file) to the preview of the board it
// holds (SPEC rules I4–I9): which kind of board it is, its title, the document header, the plan
// table read into sections and items (or events by month, or a programme's passport, parts, stages
// and plan), which column meant what, and warnings that point at the rows. Pure and synchronous: it
// runs in the import worker, never on the server's event loop.
import {
  boardJson,
  namesOrganisation,
  numberPlan,
  periodOf,
  type BoardJson,
  type BoardKind,
  type ColumnRole,
  type ImportOptions,
  type ImportPreviewDto,
  type ImportTable,
  type PlanJson,
  MAX_TITLE_LENGTH,
} from '@soplan/shared';
import { ImportFailure } from '../import-failure.ts';
import { paragraphText, type Paragraph, type SourceDocument, type Table } from '../source-document.ts';
import { assignRoles, findHeader, type HeaderInfo } from './columns.ts';
import { boardTitle, recogniseDocumentHeader, readTitle, tidyTitle } from './document-header.ts';
import { gridOf, type Grid } from './grid.ts';
import { academicYearIn, readPlanGraphTable, type Organisation } from './plan-graph.ts';
import { readPlanTable } from './plan-table.ts';
import { readProgramme, targetOf } from './programme.ts';
import { countsOf } from './counts.ts';
import { norm } from './text.ts';
import { quote, Warnings } from './warnings.ts';

export interface RecogniseContext {
  today: string;
  organisations: readonly Organisation[];
  /** The file's name without its extension: the title of last resort. */
  fileTitle?: string;
  /** Bound on rows over all tables (IMPORT_LIMITS.maxRows). */
  maxRows: number;
}

export type Recognised = Omit<ImportPreviewDto, 'format'>;

interface Candidate {
  index: number;
  table: Table;
  grid: Grid;
  header: HeaderInfo | null;
  roles: ColumnRole[];
  kind: BoardKind | null;
  passport: boolean;
  /** Paragraphs just above the table (its caption). */
  caption: string;
  /** How many paragraphs come before it, for the title. */
  paragraphsBefore: number;
}

const KIND_TITLES: Record<BoardKind, string> = { roadmap: 'Дорожная карта', 'plan-graph': 'План-график', programme: 'Программа' };

/**
 * What a table is: a passport (two or three columns whose first cells are mostly passport labels), a
 * plan-graph (months and titles), a roadmap (titles with periods, responsibles, results or sections).
 * A table without a header row is a plan only when its guessed columns look like one: numbered rows,
 * or periods Soplan understands.
 */
function kindOfTable(grid: Grid, header: HeaderInfo | null, roles: readonly ColumnRole[]): { kind: BoardKind | null; passport: boolean } {
  const has = (r: ColumnRole) => roles.includes(r);
  if (grid.columns >= 2 && grid.columns <= 3) {
    const firsts = grid.rows.map((row) => (row.slots[0] && row.slots[1] !== row.slots[0] ? paragraphsText(row.slots[0].cell.paragraphs) : '')).filter(Boolean);
    const labelled = firsts.filter((t) => targetOf(t) !== null).length;
    if (labelled >= 3 && labelled >= firsts.length / 2) return { kind: 'programme', passport: true };
  }
  if (!header) {
    const periods = has('period') ? grid.rows.map((row) => paragraphsText(row.slots[roles.indexOf('period')]?.cell.paragraphs ?? [])).filter(Boolean) : [];
    const understood = periods.filter((t) => periodOf(t).kind !== 'unknown').length;
    if (!has('number') && (periods.length === 0 || understood < periods.length * 0.3)) return { kind: null, passport: false };
  }
  if (has('month') && has('title')) return { kind: 'plan-graph', passport: false };
  if (has('title') && (has('period') || has('responsibles') || has('result') || has('section'))) return { kind: 'roadmap', passport: false };
  return { kind: null, passport: false };
}

const paragraphsText = (ps: readonly Paragraph[]) => ps.map(paragraphText).join(' ').replace(/\s+/g, ' ').trim();

export function recognise(source: SourceDocument, options: ImportOptions, context: RecogniseContext): Recognised {
  const paragraphs: Paragraph[] = [];
  const candidates: Candidate[] = [];
  let rows = 0;
  for (const block of source.blocks) {
    if (block.type === 'paragraph') {
      paragraphs.push(block);
      continue;
    }
    rows += block.rows.length;
    if (rows > context.maxRows)
      throw new ImportFailure('import_too_complex', `The document has more than ${context.maxRows} table rows`, { maxRows: context.maxRows });
    const grid = gridOf(block);
    if (grid.rows.length === 0 || grid.columns === 0) continue;
    const header = findHeader(grid);
    const roles = assignRoles(grid, header);
    const { kind, passport } = kindOfTable(grid, header, roles);
    const above = paragraphs
      .slice(-3)
      .map((p) => paragraphText(p).trim())
      .filter(Boolean);
    candidates.push({
      index: candidates.length,
      table: block,
      grid,
      header,
      roles,
      kind,
      passport,
      caption: header ? header.headers.filter(Boolean).join(' · ') : (above.at(-1) ?? ''),
      paragraphsBefore: paragraphs.length,
    });
  }

  const documentHeader = recogniseDocumentHeader(paragraphs);
  const docTitle = readTitle(paragraphs, documentHeader.used);
  const programmeSignals = paragraphs.filter((p) => {
    const t = paragraphText(p).trim();
    return t.length < 200 && targetOf(t.replace(/^\d+\.\s*/, '').split(':')[0]!) !== null;
  }).length;
  const plans = candidates.filter((c) => c.kind === 'roadmap' || c.kind === 'plan-graph');
  const hinted = (kind: BoardKind) => plans.find((c) => c.kind === kind);
  const titleHint: BoardKind | null = /график/i.test(docTitle) ? 'plan-graph' : /дорожн|план мероприятий/i.test(docTitle) ? 'roadmap' : null;

  let kind: BoardKind;
  if (options.kind) kind = options.kind;
  else if (candidates.some((c) => c.passport) || (programmeSignals >= 4 && /проект|программ/i.test(paragraphs.slice(0, 12).map(paragraphText).join(' '))))
    kind = 'programme';
  else if (options.table !== undefined && candidates[options.table]?.kind) kind = candidates[options.table]!.kind!;
  else if (titleHint && hinted(titleHint)) kind = titleHint;
  else if (plans.length > 0) kind = [...plans].sort((a, b) => b.grid.rows.length - a.grid.rows.length)[0]!.kind!;
  else if (programmeSignals >= 3) kind = 'programme';
  else if (paragraphs.some((p) => paragraphText(p).trim()))
    throw new ImportFailure('nothing_to_import', 'The document holds no plan table and no programme Soplan can read');
  else throw new ImportFailure('nothing_to_import', 'The document holds no text');

  const wantedTableKind = kind === 'plan-graph' ? 'plan-graph' : 'roadmap';
  let chosen: Candidate | null =
    options.table !== undefined
      ? (candidates[options.table] ?? null)
      : (candidates.find((c) => c.kind === wantedTableKind) ?? (kind === 'programme' ? null : (plans[0] ?? null)));
  if (chosen?.passport && kind !== 'programme') chosen = null;
  const warnings = new Warnings();
  const roles = chosen ? assignRoles(chosen.grid, chosen.header, options.columns) : [];
  const tableNo = chosen ? chosen.index + 1 : 0;

  let title =
    options.title ??
    ((chosen && kind !== 'programme' ? captionOf(paragraphs, chosen.paragraphsBefore) : '') ||
      docTitle ||
      programmeTitle(paragraphs, documentHeader.used) ||
      approvedTitle(documentHeader.header.title) ||
      context.fileTitle ||
      KIND_TITLES[kind]);
  title = boardTitle(title, MAX_TITLE_LENGTH) || KIND_TITLES[kind];
  const academicYearStart = academicYearIn(`${title} ${docTitle} ${chosen?.caption ?? ''}`) ?? undefined;

  let content: BoardJson;
  const planOf = (candidate: Candidate | null, candidateRoles: ColumnRole[]): PlanJson => {
    const grid = candidate ? candidate.grid : paragraphGrid(paragraphs, documentHeader.used);
    const read = readPlanTable({
      grid,
      header: candidate?.header ?? null,
      roles: candidate ? candidateRoles : ['title'],
      table: candidate ? candidate.index + 1 : 0,
      ...(academicYearStart !== undefined ? { academicYearStart } : {}),
      warnings,
    });
    return read.plan;
  };

  if (kind === 'plan-graph') {
    if (!chosen) throw new ImportFailure('nothing_to_import', 'A plan-graph needs a table of events');
    const read = readPlanGraphTable({
      grid: chosen.grid,
      header: chosen.header,
      roles,
      table: tableNo,
      yearText: `${title} ${docTitle} ${chosen.caption}`,
      today: context.today,
      organisations: context.organisations,
      warnings,
    });
    content = { format: 'soplan-board', version: 1, kind, title, document: documentHeader.header, planGraph: read };
  } else if (kind === 'roadmap') {
    const roadmap = planOf(chosen, roles);
    if (!chosen) warnings.add('no_plan', {});
    content = { format: 'soplan-board', version: 1, kind, title, document: documentHeader.header, roadmap };
  } else {
    const passportTables = candidates.filter((c) => c.passport).map((c) => c.table);
    const programme = readProgramme(paragraphs, documentHeader.used, passportTables);
    if (programme.title && options.title === undefined) title = boardTitle(programme.title, MAX_TITLE_LENGTH);
    const plan = chosen && chosen.kind === 'roadmap' ? planOf(chosen, roles) : { sections: [], unplaced: [] };
    // A programme's «Цель» and «Задачи» are its passport's; the document header keeps the приказ.
    const { passport } = programme.content;
    for (const field of ['goal', 'tasks'] as const) {
      if (!passport[field]) passport[field] = documentHeader.header[field];
      if (passport[field] === documentHeader.header[field]) documentHeader.header[field] = '';
    }
    content = { format: 'soplan-board', version: 1, kind, title, document: documentHeader.header, programme: { ...programme.content, plan } };
  }

  for (const note of source.notes) warnings.add('dropped', {}, { text: note });
  if (kind !== 'programme') warnAroundTable(paragraphs, documentHeader.used, title, warnings);
  warnUnmatched(content, context.organisations, warnings);
  const parsed = boardJson.safeParse(content);
  if (!parsed.success)
    throw new ImportFailure('import_too_complex', 'The document is larger than a board may be', { issue: parsed.error.issues[0]?.message ?? '' });
  const counts = countsOf(parsed.data, warnings.total);
  if (counts.items === 0 && counts.fields === 0) throw new ImportFailure('nothing_to_import', 'Nothing in the document became part of a board');

  const tables: ImportTable[] = candidates.map((c) => ({
    index: c.index,
    rows: c.grid.rows.length,
    columns: c.grid.columns,
    kind: c.kind,
    caption: c.caption,
  }));
  return {
    kind,
    title,
    content: parsed.data,
    counts,
    warnings: warnings.list,
    columns: chosen ? roles.map((role, index) => ({ index, header: chosen!.header?.headers[index] ?? '', role })) : [],
    tables,
    table: chosen ? chosen.index : null,
  };
}

/**
 * The table's own title: the topmost of the few short lines just above it that names a plan («План -
 * график на 2021-2022 учебный год»), with the lines continuing it in lower case.
 */
function captionOf(paragraphs: readonly Paragraph[], before: number): string {
  let seen = 0;
  let at = -1;
  for (let i = before - 1; i >= 0 && seen < 3; i--) {
    const t = paragraphText(paragraphs[i]!).trim();
    if (!t) continue;
    if (t.length > 200) break;
    seen++;
    if (/^(?:план|дорожная карта|график|календарный план|программа)/i.test(t) && !/приложени/i.test(t)) at = i;
  }
  if (at < 0) return '';
  return readTitle(paragraphs.slice(at, before), new Set(), before - at, { any: true });
}

/**
 * The text around a roadmap's or plan-graph's table that went into neither the title nor the
 * document header (an «УТВЕРЖДАЮ» block, a preamble): one warning quoting the first, counting the rest.
 */
function warnAroundTable(paragraphs: readonly Paragraph[], used: ReadonlySet<number>, title: string, warnings: Warnings): void {
  const inTitle = norm(title);
  const left = paragraphs
    .map((p, i) => ({ text: paragraphText(p).trim(), i }))
    .filter(({ text, i }) => text !== '' && !used.has(i) && !inTitle.includes(norm(text)));
  if (left.length === 0) return;
  warnings.add('dropped', {}, { text: `«${quote(left[0]!.text, 60)}»${left.length > 1 ? ` (+${left.length - 1})` : ''}`, count: left.length });
}

/** Paragraphs as a one-column table, for a plan written as numbered lines (headings become sections). */
function paragraphGrid(paragraphs: readonly Paragraph[], used: ReadonlySet<number>): Grid {
  const rows: Grid['rows'] = [];
  paragraphs.forEach((p, i) => {
    if (used.has(i) || !paragraphText(p).trim()) return;
    const cell = { paragraphs: [p], colSpan: p.heading ? 2 : 1, rowSpan: 1 };
    rows.push({ slots: [{ cell, originRow: rows.length, originColumn: 0 }], header: false, source: i });
  });
  return { columns: 1, rows };
}

/** A programme's title: the last «quoted» line of its title page («Межфирменное наставничество как …»). */
function programmeTitle(paragraphs: readonly Paragraph[], used: ReadonlySet<number>): string {
  for (let i = 0; i < Math.min(paragraphs.length, 10); i++) {
    if (used.has(i)) continue;
    const t = paragraphText(paragraphs[i]!).trim();
    if (/^\d+\./.test(t)) break;
    const next = paragraphs.slice(i + 1, i + 4).map((p) => paragraphText(p).trim());
    if (/^«.+»$/.test(t) && !next.some((n) => /^«.+»$/.test(n))) return t.replace(/^«|»$/g, '').trim();
  }
  return '';
}

/** «Об утверждении плана мероприятий …» → «План мероприятий …». */
function approvedTitle(orderTitle: string): string {
  const m = /^об утверждении\s+(.+)$/i.exec(orderTitle.trim());
  if (!m) return '';
  const rest = m[1]!.replace(
    /^(плана|дорожной карты|программы|проекта|план-графика)/i,
    (w) =>
      ({ плана: 'План', 'дорожной карты': 'Дорожная карта', программы: 'Программа', проекта: 'Проект', 'план-графика': 'План-график' })[w.toLowerCase()] ?? w,
  );
  return tidyTitle(rest);
}

/** Responsibles that name none of the workspace's organisations, once each, pointing at the first item that names them. */
function warnUnmatched(content: BoardJson, organisations: readonly Organisation[], warnings: Warnings): void {
  if (organisations.length === 0) return;
  const firstItem = new Map<string, string>();
  const collect = (plan: PlanJson) => {
    for (const [item, number] of numberPlan(plan)) for (const r of item.responsibles) if (!firstItem.has(r)) firstItem.set(r, number);
  };
  if (content.kind === 'roadmap') collect(content.roadmap);
  else if (content.kind === 'programme') collect(content.programme.plan);
  else {
    const months = [...new Set(content.planGraph.events.map((e) => e.month))].sort();
    const inMonth = new Map<string, number>();
    for (const e of content.planGraph.events) {
      const k = (inMonth.get(e.month) ?? 0) + 1;
      inMonth.set(e.month, k);
      for (const r of e.responsibles) if (!firstItem.has(r)) firstItem.set(r, `${months.indexOf(e.month) + 1}.${k}`);
    }
  }
  // Every name the preview shows as unmatched is listed: the warning and the mark agree.
  for (const [name, item] of firstItem)
    if (!organisations.some((o) => namesOrganisation(name, o.name))) warnings.add('responsible_unmatched', { item }, { name });
}
