// A plan-graph table (events grouped by the months of an academic year): a «Месяц» column whose cell
// spans (or is left empty for) the month's later events, or month names as rows across the table;
// the academic year from the title («на 2021-2022 учебный год», «2023/2024») or the table's dates.
// A «Форма» cell often names the organisers under the form («Круглый стол / ГТГ и ГЦРО»,
// «Консультация / ЯГПУ»): those lines become the event's responsibles, or its partner when the
// workspace marks that organisation a partner.
import { academicYearOf, monthOf, namesOrganisation, periodOf, type ColumnRole, type PlanGraphContentJson, type PlanGraphEventJson } from '@soplan/shared';
import { distinctCells, type Grid, type Slot } from './grid.ts';
import { repeatsHeader, type HeaderInfo } from './columns.ts';
import { responsiblesOf } from './plan-table.ts';
import { cellLines, joinLines } from './text.ts';
import { quote, type Warnings } from './warnings.ts';

const EVENT_ROLES = new Set<ColumnRole>(['number', 'month', 'title', 'form', 'date', 'period', 'responsibles', 'partner', 'notes', 'result', 'ignore']);

export interface Organisation {
  name: string;
  partner: boolean;
}

export interface PlanGraphInput {
  grid: Grid;
  header: HeaderInfo | null;
  roles: readonly ColumnRole[];
  table: number;
  /** The text that names the academic year (the plan's title and caption). */
  yearText: string;
  today: string;
  organisations: readonly Organisation[];
  warnings: Warnings;
}

/** «на 2021-2022 учебный год», «2021/22», «2021 – 2022 уч. г.» → 2021. */
export function academicYearIn(text: string): number | null {
  const m = /(20\d\d|19\d\d)\s*[-–—/]\s*(20\d\d|19\d\d|\d\d)\b/.exec(text);
  if (!m) return null;
  const from = +m[1]!;
  const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + +m[2]! : +m[2]!;
  return to === from + 1 ? from : null;
}

const slotText = (slot: Slot | null | undefined) => (slot ? joinLines(cellLines(slot.cell)) : '');
const ORGANISERS = /^[А-ЯЁA-Z]{2,}(?:\s*(?:,|и|\+)\s*[А-ЯЁA-Z]{2,})*$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function readPlanGraphTable(input: PlanGraphInput): PlanGraphContentJson {
  const { grid, header, roles, table, warnings } = input;
  const col = (role: ColumnRole) => roles.indexOf(role);
  roles.forEach((role, c) => {
    if (!EVENT_ROLES.has(role) && header?.headers[c]) warnings.add('column_ignored', { table, column: c + 1 }, { header: header.headers[c]! });
  });
  const firstDate = grid.rows
    .flatMap((row) => [col('date'), col('period')].filter((c) => c >= 0).map((c) => periodOf(slotText(row.slots[c])).start))
    .find((d): d is string => d !== null);
  const yearStart = academicYearIn(input.yearText) ?? (firstDate ? academicYearOf(firstDate) : academicYearOf(input.today));
  const monthKey = (text: string): string | null => {
    const p = periodOf(text, { academicYearStart: yearStart });
    if (p.start) return p.start.slice(0, 7);
    const word = /[а-яё]+/i.exec(text);
    const m = word ? monthOf(word[0]) : null;
    return m ? `${m >= 9 ? yearStart : yearStart + 1}-${pad(m)}` : null;
  };
  const headerRows = new Set(header?.rows ?? []);
  const events: PlanGraphEventJson[] = [];
  let month: string | null = null;
  const monthCol = col('month');
  const titleCol = col('title');

  grid.rows.forEach((row, r) => {
    if (headerRows.has(r)) return;
    const where = { table, row: r + 1 };
    if (header) {
      const repeat = repeatsHeader(grid, r, header);
      if (repeat === 'header') return warnings.add('header_repeated', where);
      if (repeat === 'column-numbers') return;
    }
    const filled = distinctCells(row.slots).filter((s) => slotText(s) !== '');
    if (filled.length === 0) return;
    // A month named across the row.
    if (filled.length === 1 && filled[0]!.cell.colSpan >= Math.max(2, grid.columns - 1)) {
      const key = monthKey(slotText(filled[0]));
      if (key) month = key;
      else warnings.add('row_skipped', where, { text: quote(slotText(filled[0])) });
      return;
    }
    if (monthCol >= 0) {
      const text = slotText(row.slots[monthCol]);
      if (text) {
        const key = monthKey(text);
        if (key) month = key;
        else warnings.add('month_unknown', where, { text: quote(text) });
      }
    }
    const title = titleCol >= 0 ? slotText(row.slots[titleCol]) : '';
    if (!title) {
      warnings.add('row_skipped', where, { text: quote(filled.map(slotText).join(' · ')) });
      return;
    }
    const event: PlanGraphEventJson = { month: month ?? '', title, form: '', date: '', responsibles: [], partner: '', status: 'planned', notes: '' };
    const notes: string[] = [];
    const formCol = col('form');
    if (formCol >= 0) {
      const forms: string[] = [];
      for (const line of cellLines(row.slots[formCol]?.cell)) {
        if (ORGANISERS.test(line.text)) {
          for (const name of line.text.split(/\s*[,+]\s*|\s+и\s+/).filter(Boolean)) {
            const partner = input.organisations.some((o) => o.partner && namesOrganisation(name, o.name));
            if (partner && !event.partner) event.partner = name;
            else if (!event.responsibles.includes(name)) event.responsibles.push(name);
          }
        } else forms.push(line.text);
      }
      event.form = forms.join(', ');
    }
    for (const role of ['responsibles', 'partner', 'notes'] as const) {
      const text = col(role) >= 0 ? cellLines(row.slots[col(role)]?.cell).map((l) => l.text) : [];
      if (text.length === 0) continue;
      if (role === 'responsibles') event.responsibles = [...event.responsibles, ...responsiblesOf(text)];
      else if (role === 'partner') event.partner = [event.partner, ...text].filter(Boolean).join(', ');
      else notes.push(text.join('\n'));
    }
    for (const role of ['date', 'period'] as const) {
      const text = col(role) >= 0 ? slotText(row.slots[col(role)]) : '';
      if (!text) continue;
      const p = periodOf(text, { academicYearStart: yearStart });
      if (p.kind === 'date' && p.start) {
        event.date = p.start;
        event.month = p.start.slice(0, 7);
      } else {
        if (p.start && !event.month) event.month = p.start.slice(0, 7);
        notes.unshift(text);
      }
    }
    const result = col('result') >= 0 ? slotText(row.slots[col('result')]) : '';
    if (result) notes.push(result);
    event.notes = notes.join('\n');
    if (!event.month) warnings.add('month_unknown', where, { text: quote(title) });
    events.push(event);
  });

  const months = events.map((e) => e.month).filter(Boolean);
  let from = `${yearStart}-09`;
  let to = `${yearStart + 1}-08`;
  for (const m of months) {
    if (m < from) from = m;
    if (m > to) to = m;
  }
  for (const e of events) if (!e.month) e.month = from;
  return { from, to, events };
}
