// A plan of sections and items, SPEC rules B6 and B7: a roadmap's whole body (roots `sections` and
// `items`) and a programme's plan of events (roots `planSections` and `planItems`) are the same
// schema, so one implementation serves both. Sections (направления) are ordered; a section may name
// a top-level section as its `parent` and is then its subsection (подраздел), ordered among that
// section's subsections: sections nest one level, never more. Items name their section (top-level or
// sub) by id and are ordered within it. Numbers (1, 1.1, 1.1.1) are derived from order, never
// stored. Items whose section is gone are shown after the sections, not lost. Every field a person
// types in (titles, period, responsibles, result, evidence) is a Y.Text; the lists are the typed
// text, read by splitting it.
import * as Y from 'yjs';
import { statusOf, type ItemStatus } from '../status.ts';
import { appendItems, insertItem, moveItem, orderedEntries, rootCollection, str, strList, typedList, type Collection, type Item } from './collection.ts';

/** The two root maps a plan lives in. */
export interface PlanRoots {
  readonly sections: string;
  readonly items: string;
}

/** A roadmap's plan (rule B6). */
export const ROADMAP_PLAN: PlanRoots = { sections: 'sections', items: 'items' };
/** A programme's plan of events (rule B7): its own roots, beside the programme's rich-text `sections`. */
export const PROGRAMME_PLAN: PlanRoots = { sections: 'planSections', items: 'planItems' };

/** The typed fields of a plan's sections and items (each a Y.Text, rule B3). */
export const PLAN_SECTION_TEXT_FIELDS = ['title'] as const;
export const PLAN_ITEM_TEXT_FIELDS = ['title', 'period', 'responsibles', 'result', 'evidence'] as const;

export interface PlanItem {
  id: string;
  number: string;
  /** The id of the section (top-level or subsection) it sits in; '' for an orphan. */
  section: string;
  title: string;
  period: string;
  responsibles: string[];
  result: string;
  status: ItemStatus;
  evidence: string[];
}

export interface PlanSubsection {
  id: string;
  number: string;
  title: string;
  /** The top-level section it belongs to. */
  parent: string;
  items: PlanItem[];
}

export interface PlanSection {
  id: string;
  number: string;
  title: string;
  /** Its own items, numbered first (1.1, 1.2). */
  items: PlanItem[];
  /** Its subsections, numbered after its own items (1.3, with items 1.3.1). */
  subsections: PlanSubsection[];
}

export interface PlanView {
  sections: PlanSection[];
  /** Items whose section does not exist (deleted by someone while another added to it). */
  orphans: PlanItem[];
}

export const planSections = (doc: Y.Doc, roots: PlanRoots): Collection => rootCollection(doc, roots.sections);
export const planItems = (doc: Y.Doc, roots: PlanRoots): Collection => rootCollection(doc, roots.items);

interface Structure {
  /** Top-level sections in order. */
  top: [string, Item][];
  /** Each top-level section's subsections in order. */
  subsOf: Map<string, [string, Item][]>;
}

/**
 * Which sections are subsections of which. A section is a subsection when its `parent` is a string
 * naming another section of the plan whose own `parent` names none (it is absent, not a string, its
 * own id or an id no section has). Any other section reads as top-level: an older board's sections,
 * a subsection whose parent was deleted, and a chain or cycle of parents someone wrote. One level,
 * decided from each section's own fields and its parent's, so no cycle can hide a section.
 */
function structureOf(collection: Collection): Structure {
  const entries = orderedEntries(collection);
  const byId = new Map(entries);
  const namesOther = (id: string, item: Item) => {
    const parent = item.get('parent');
    return typeof parent === 'string' && parent !== id && byId.has(parent);
  };
  const parentOf = (id: string, item: Item): string | null => {
    if (!namesOther(id, item)) return null;
    const parent = item.get('parent') as string;
    return namesOther(parent, byId.get(parent)!) ? null : parent;
  };
  const top: [string, Item][] = [];
  const subsOf = new Map<string, [string, Item][]>();
  for (const entry of entries) {
    const parent = parentOf(...entry);
    if (parent === null) top.push(entry);
    else subsOf.set(parent, [...(subsOf.get(parent) ?? []), entry]);
  }
  return { top, subsOf };
}

export function readPlan(doc: Y.Doc, roots: PlanRoots): PlanView {
  const { top, subsOf } = structureOf(planSections(doc, roots));
  const known = new Set([...top.map(([id]) => id), ...[...subsOf.values()].flat().map(([id]) => id)]);
  const bySection = new Map<string, PlanItem[]>();
  for (const [id, item] of orderedEntries(planItems(doc, roots))) {
    const section = str(item, 'section');
    const key = known.has(section) ? section : '';
    const list = bySection.get(key) ?? [];
    list.push({
      id,
      number: '',
      section: key,
      title: str(item, 'title'),
      period: str(item, 'period'),
      responsibles: strList(item, 'responsibles'),
      result: str(item, 'result'),
      status: statusOf(item.get('status')),
      evidence: strList(item, 'evidence'),
    });
    bySection.set(key, list);
  }
  const numbered = (section: string, prefix: string) => (bySection.get(section) ?? []).map((item, i) => ({ ...item, number: `${prefix}.${i + 1}` }));
  return {
    sections: top.map(([id, section], s) => {
      const number = String(s + 1);
      const items = numbered(id, number);
      return {
        id,
        number,
        title: str(section, 'title'),
        items,
        subsections: (subsOf.get(id) ?? []).map(([subId, sub], k) => {
          const subNumber = `${number}.${items.length + k + 1}`;
          return { id: subId, number: subNumber, title: str(sub, 'title'), parent: id, items: numbered(subId, subNumber) };
        }),
      };
    }),
    orphans: numbered('', '—'),
  };
}

/** Where a section goes: among `parent`'s subsections, or among the top-level sections when absent. */
export interface SectionPlacement {
  parent?: string;
  /** Position among those siblings; the end when absent. */
  index?: number;
}

/** A filter selecting exactly the given sections (the siblings a section is placed among). */
const among = (siblings: [string, Item][]) => {
  const set = new Set(siblings.map(([, item]) => item));
  return (item: Item) => set.has(item);
};

/** The siblings a section placed under `parent` (or at the top) goes among; throws when `parent` is not a top-level section. */
function siblingsUnder(structure: Structure, parent: string | undefined): [string, Item][] {
  if (parent === undefined) return structure.top;
  if (!structure.top.some(([id]) => id === parent)) throw new RangeError('a subsection belongs to a top-level section');
  return structure.subsOf.get(parent) ?? [];
}

/** Adds a section (a subsection when `parent` names a top-level section) and returns its id. */
export function addPlanSection(doc: Y.Doc, roots: PlanRoots, title: string, placement: SectionPlacement = {}): string {
  const collection = planSections(doc, roots);
  const siblings = siblingsUnder(structureOf(collection), placement.parent);
  const fields: Record<string, unknown> = { title: new Y.Text(title) };
  if (placement.parent !== undefined) fields.parent = placement.parent;
  return insertItem(collection, fields, { filter: among(siblings), ...(placement.index !== undefined ? { index: placement.index } : {}) });
}

/**
 * Moves a section among the top-level sections, or (with `parent`) among that section's subsections:
 * within its parent, to another parent, or out to the top. A section that has subsections cannot
 * become one (sections nest one level), nor can a section go under itself.
 */
export function movePlanSection(doc: Y.Doc, roots: PlanRoots, id: string, placement: SectionPlacement): void {
  const collection = planSections(doc, roots);
  const section = collection.get(id);
  if (!(section instanceof Y.Map)) return;
  const structure = structureOf(collection);
  if (placement.parent !== undefined && (placement.parent === id || (structure.subsOf.get(id)?.length ?? 0) > 0))
    throw new RangeError('sections nest one level');
  const siblings = siblingsUnder(structure, placement.parent);
  doc.transact(() => {
    if (placement.parent === undefined) section.delete('parent');
    moveItem(collection, id, {
      filter: among(siblings),
      ...(placement.parent !== undefined ? { change: { parent: placement.parent } } : {}),
      ...(placement.index !== undefined ? { index: placement.index } : {}),
    });
  });
}

/** Deletes a section with its subsections and the items of all of them, in one transaction (one undo step). */
export function removePlanSection(doc: Y.Doc, roots: PlanRoots, id: string): void {
  const { subsOf } = structureOf(planSections(doc, roots));
  const gone = new Set([id, ...(subsOf.get(id) ?? []).map(([subId]) => subId)]);
  doc.transact(() => {
    const items = planItems(doc, roots);
    for (const [itemId, item] of orderedEntries(items)) if (gone.has(str(item, 'section'))) items.delete(itemId);
    for (const sectionId of gone) planSections(doc, roots).delete(sectionId);
  });
}

export interface NewPlanItem {
  title: string;
  period?: string;
  responsibles?: string[];
  result?: string;
  status?: ItemStatus;
  evidence?: string[];
}

const inSection = (section: string) => (item: Item) => item.get('section') === section;

/** The fields a new item is written with: its section (plain) and status (picked), everything typed a Y.Text. */
const itemFields = (section: string, item: NewPlanItem): Record<string, unknown> => ({
  section,
  title: new Y.Text(item.title),
  period: new Y.Text(item.period ?? ''),
  responsibles: new Y.Text(typedList(item.responsibles ?? [])),
  result: new Y.Text(item.result ?? ''),
  status: item.status ?? 'planned',
  evidence: new Y.Text(typedList(item.evidence ?? [])),
});

/** Adds an item to a section (top-level or sub) and returns its id. */
export function addPlanItem(doc: Y.Doc, roots: PlanRoots, section: string, item: NewPlanItem, index?: number): string {
  return insertItem(planItems(doc, roots), itemFields(section, item), { filter: inSection(section), ...(index !== undefined ? { index } : {}) });
}

/** Adds items at the end of a section, in order, and returns their ids (what a board written from its JSON form does). */
export function appendPlanItems(doc: Y.Doc, roots: PlanRoots, section: string, items: readonly NewPlanItem[]): string[] {
  return appendItems(
    planItems(doc, roots),
    items.map((item) => itemFields(section, item)),
    inSection(section),
  );
}

/** Moves an item to `index` among the items of `section` (the same one or another, top-level or sub). */
export function movePlanItem(doc: Y.Doc, roots: PlanRoots, id: string, section: string, index?: number): void {
  moveItem(planItems(doc, roots), id, { filter: inSection(section), change: { section }, ...(index !== undefined ? { index } : {}) });
}
