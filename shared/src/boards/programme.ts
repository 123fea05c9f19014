// Programme (проект / программа наставничества), SPEC rule B7: a passport of long-text fields,
// free sections of collaborative rich text (a Y.XmlFragment per section, the shape Tiptap's
// collaboration extension edits), ordered collections: stages, indicators, mentor–mentee pairs
// (each with its individual route, ИОМ, as a nested collection of steps), nominations and products,
// and a plan of events (План мероприятий) of sections and items exactly like a roadmap's (plan.ts,
// roots `planSections` and `planItems`). Every field a person types in is a Y.Text; statuses and
// the form of mentoring are picked, plain.
import * as Y from 'yjs';
import { statusOf, type ItemStatus } from '../status.ts';
import { collectionIn, insertItem, orderedEntries, rootCollection, str, type Collection, type Item } from './collection.ts';
import { PROGRAMME_PLAN } from './plan.ts';

export const PASSPORT_FIELDS = ['developers', 'term', 'targetCategory', 'legalBasis', 'participants', 'relevance', 'goal', 'tasks', 'expectedResults'] as const;
export type PassportField = (typeof PASSPORT_FIELDS)[number];

export const MENTORING_FORMS = ['traditional', 'flash', 'reverse', 'team', 'partner', 'virtual', 'group'] as const;
export type MentoringForm = (typeof MENTORING_FORMS)[number];
const mentoringFormOf = (v: unknown): MentoringForm => (MENTORING_FORMS.includes(v as MentoringForm) ? (v as MentoringForm) : 'traditional');

export const PROGRAMME_LISTS = ['sections', 'stages', 'indicators', 'pairs', 'nominations', 'products'] as const;
export type ProgrammeList = (typeof PROGRAMME_LISTS)[number];
/** The document's root maps (SPEC rule B7). */
export const PROGRAMME_ROOTS = ['passport', ...PROGRAMME_LISTS, PROGRAMME_PLAN.sections, PROGRAMME_PLAN.items] as const;

export interface RouteStep {
  id: string;
  title: string;
  period: string;
  status: ItemStatus;
}

export interface ProgrammeView {
  passport: Record<PassportField, string>;
  sections: { id: string; title: string; text: string }[];
  stages: { id: string; title: string; period: string; description: string; status: ItemStatus }[];
  indicators: { id: string; title: string; target: string; actual: string }[];
  pairs: { id: string; mentor: string; mentee: string; form: MentoringForm; deficits: string; route: RouteStep[] }[];
  nominations: { id: string; title: string }[];
  products: { id: string; title: string }[];
}

export const programmePassport = (doc: Y.Doc) => doc.getMap<unknown>('passport');
export const programmeList = (doc: Y.Doc, list: ProgrammeList): Collection => rootCollection(doc, list);

/** How deep a rich-text body may nest and still open in the editor (which walks it recursively). */
const MAX_BODY_DEPTH = 32;

/**
 * Whether a rich-text body is in the shape the editor can open: blocks (elements) at the top,
 * elements and text inside them, not too deep. Anything else a client wrote (text at the top, hooks,
 * thousands of levels) would throw inside the editor, so it is shown as text instead (rule B4).
 */
export function isEditableBody(body: unknown): body is Y.XmlFragment {
  if (!(body instanceof Y.XmlFragment)) return false;
  const stack: [node: unknown, depth: number][] = [];
  for (const block of body.toArray()) {
    if (!(block instanceof Y.XmlElement)) return false;
    stack.push([block, 1]);
  }
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node instanceof Y.XmlText) continue;
    if (!(node instanceof Y.XmlElement) || depth > MAX_BODY_DEPTH) return false;
    for (const child of node.toArray()) stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * A section's rich-text body, ready for the editor. A body that is not one it can open (absent,
 * plain text, junk) becomes paragraphs of the text it showed, so opening it loses nothing.
 */
export function sectionBody(section: Item): Y.XmlFragment {
  const body = section.get('body');
  if (isEditableBody(body)) return body;
  const created = paragraphs(fragmentText(body).split('\n'));
  section.set('body', created);
  return created;
}

/** Plain text of a rich-text body, one line per block; a plain string or Y.Text reads as its text. */
export function fragmentText(fragment: unknown): string {
  if (typeof fragment === 'string') return fragment;
  if (fragment instanceof Y.Text) return fragment.toString();
  if (!(fragment instanceof Y.XmlFragment)) return '';
  // Iterative, depth first: a body nested thousands of levels deep must not overflow the stack.
  return fragment
    .toArray()
    .map((block) => {
      const line: string[] = [];
      const stack: unknown[] = [block];
      while (stack.length > 0) {
        const node = stack.pop();
        if (node instanceof Y.XmlText) line.push(node.toString().replace(/<[^>]*>/g, ''));
        else if (node instanceof Y.XmlFragment) {
          const children = node.toArray();
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        }
      }
      return line.join('');
    })
    .join('\n');
}

/** Paragraphs as a rich-text fragment (what the demo and imports write). */
export function paragraphs(lines: string[]): Y.XmlFragment {
  const fragment = new Y.XmlFragment();
  fragment.insert(
    0,
    lines.map((line) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(line)]);
      return p;
    }),
  );
  return fragment;
}

export function readProgramme(doc: Y.Doc): ProgrammeView {
  const passport = programmePassport(doc);
  const list = (name: ProgrammeList) => orderedEntries(programmeList(doc, name));
  return {
    passport: Object.fromEntries(PASSPORT_FIELDS.map((f) => [f, str(passport as Item, f)])) as Record<PassportField, string>,
    sections: list('sections').map(([id, s]) => ({ id, title: str(s, 'title'), text: fragmentText(s.get('body')) })),
    stages: list('stages').map(([id, s]) => ({
      id,
      title: str(s, 'title'),
      period: str(s, 'period'),
      description: str(s, 'description'),
      status: statusOf(s.get('status')),
    })),
    indicators: list('indicators').map(([id, s]) => ({ id, title: str(s, 'title'), target: str(s, 'target'), actual: str(s, 'actual') })),
    pairs: list('pairs').map(([id, p]) => ({
      id,
      mentor: str(p, 'mentor').trim(),
      mentee: str(p, 'mentee').trim(),
      form: mentoringFormOf(p.get('form')),
      deficits: str(p, 'deficits'),
      route: (p.get('route') instanceof Y.Map ? orderedEntries(p.get('route') as Collection) : []).map(([sid, step]) => ({
        id: sid,
        title: str(step, 'title'),
        period: str(step, 'period'),
        status: statusOf(step.get('status')),
      })),
    })),
    nominations: list('nominations').map(([id, s]) => ({ id, title: str(s, 'title') })),
    products: list('products').map(([id, s]) => ({ id, title: str(s, 'title') })),
  };
}

export function setPassportField(doc: Y.Doc, field: PassportField, value: string): void {
  const passport = programmePassport(doc);
  doc.transact(() => {
    const current = passport.get(field);
    if (current instanceof Y.Text) {
      current.delete(0, current.length);
      current.insert(0, value);
    } else passport.set(field, new Y.Text(value));
  });
}

/** The typed fields of each list's entries (SPEC rule B7): each is a Y.Text. */
export const PROGRAMME_TEXT_FIELDS: Record<ProgrammeList, readonly string[]> = {
  sections: ['title'],
  stages: ['title', 'period', 'description'],
  indicators: ['title', 'target', 'actual'],
  pairs: ['mentor', 'mentee', 'deficits'],
  nominations: ['title'],
  products: ['title'],
};

/** The picked (plain) fields and nested structures each list's new entries start with. */
const NEW_ENTRY: Record<ProgrammeList, () => Record<string, unknown>> = {
  sections: () => ({ body: new Y.XmlFragment() }),
  stages: () => ({ status: 'planned' }),
  indicators: () => ({}),
  pairs: () => ({ form: 'traditional', route: new Y.Map() }),
  nominations: () => ({}),
  products: () => ({}),
};

/** Adds an entry; a typed field given as a plain string (or not given) is written as a Y.Text of it. */
export function addProgrammeEntry(doc: Y.Doc, list: ProgrammeList, fields: Record<string, unknown> = {}, index?: number): string {
  const entry: Record<string, unknown> = { ...NEW_ENTRY[list](), ...fields };
  for (const key of PROGRAMME_TEXT_FIELDS[list]) {
    const value = entry[key];
    if (!(value instanceof Y.Text)) entry[key] = new Y.Text(typeof value === 'string' ? value : '');
  }
  return insertItem(programmeList(doc, list), entry, index !== undefined ? { index } : {});
}

/** A pair's individual route (ИОМ). */
export function pairRoute(pair: Item): Collection {
  return collectionIn(pair, 'route');
}

export function addRouteStep(doc: Y.Doc, pairId: string, step: { title: string; period?: string; status?: ItemStatus }): string | null {
  const pair = programmeList(doc, 'pairs').get(pairId);
  if (!(pair instanceof Y.Map)) return null;
  let id: string | null = null;
  doc.transact(() => {
    id = insertItem(pairRoute(pair), { title: new Y.Text(step.title), period: new Y.Text(step.period ?? ''), status: step.status ?? 'planned' });
  });
  return id;
}
