// Programme (проект / программа наставничества), SPEC rule B7: a passport of long-text fields,
// free sections of collaborative rich text (a Y.XmlFragment per section, the shape Tiptap's
// collaboration extension edits), and ordered collections: stages, indicators, mentor–mentee pairs
// (each with its individual route, ИОМ, as a nested collection of steps), nominations and products.
import * as Y from 'yjs';
import { statusOf, type ItemStatus } from '../status.ts';
import { collectionIn, insertItem, orderedEntries, rootCollection, str, type Collection, type Item } from './collection.ts';

export const PASSPORT_FIELDS = [
  'developers',
  'term',
  'targetCategory',
  'legalBasis',
  'participants',
  'relevance',
  'goal',
  'tasks',
  'expectedResults',
] as const;
export type PassportField = (typeof PASSPORT_FIELDS)[number];

export const MENTORING_FORMS = ['traditional', 'flash', 'reverse', 'team', 'partner', 'virtual', 'group'] as const;
export type MentoringForm = (typeof MENTORING_FORMS)[number];
const mentoringFormOf = (v: unknown): MentoringForm => (MENTORING_FORMS.includes(v as MentoringForm) ? (v as MentoringForm) : 'traditional');

export const PROGRAMME_LISTS = ['sections', 'stages', 'indicators', 'pairs', 'nominations', 'products'] as const;
export type ProgrammeList = (typeof PROGRAMME_LISTS)[number];
/** The document's root maps (SPEC rule B7). */
export const PROGRAMME_ROOTS = ['passport', ...PROGRAMME_LISTS] as const;

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

/** A section's rich-text body, created if absent. */
export function sectionBody(section: Item): Y.XmlFragment {
  const body = section.get('body');
  if (body instanceof Y.XmlFragment) return body;
  const created = new Y.XmlFragment();
  section.set('body', created);
  return created;
}

/** Plain text of a rich-text fragment, one line per block. */
export function fragmentText(fragment: unknown): string {
  if (!(fragment instanceof Y.XmlFragment)) return typeof fragment === 'string' ? fragment : '';
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment, line: string[]): void => {
    if (node instanceof Y.XmlText) line.push(node.toString().replace(/<[^>]*>/g, ''));
    else for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText, line);
  };
  for (const block of fragment.toArray()) {
    const line: string[] = [];
    walk(block as Y.XmlElement | Y.XmlText, line);
    lines.push(line.join(''));
  }
  return lines.join('\n');
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
    stages: list('stages').map(([id, s]) => ({ id, title: str(s, 'title'), period: str(s, 'period'), description: str(s, 'description'), status: statusOf(s.get('status')) })),
    indicators: list('indicators').map(([id, s]) => ({ id, title: str(s, 'title'), target: str(s, 'target'), actual: str(s, 'actual') })),
    pairs: list('pairs').map(([id, p]) => ({
      id,
      mentor: str(p, 'mentor'),
      mentee: str(p, 'mentee'),
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

/** The fields each list's new entries start with; long text as Y.Text, the rest plain. */
const NEW_ENTRY: Record<ProgrammeList, () => Record<string, unknown>> = {
  sections: () => ({ title: new Y.Text(''), body: new Y.XmlFragment() }),
  stages: () => ({ title: new Y.Text(''), period: '', description: new Y.Text(''), status: 'planned' }),
  indicators: () => ({ title: new Y.Text(''), target: '', actual: '' }),
  pairs: () => ({ mentor: '', mentee: '', form: 'traditional', deficits: new Y.Text(''), route: new Y.Map() }),
  nominations: () => ({ title: new Y.Text('') }),
  products: () => ({ title: new Y.Text('') }),
};

export function addProgrammeEntry(doc: Y.Doc, list: ProgrammeList, fields: Record<string, unknown> = {}, index?: number): string {
  return insertItem(programmeList(doc, list), { ...NEW_ENTRY[list](), ...fields }, index !== undefined ? { index } : {});
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
    id = insertItem(pairRoute(pair), { title: step.title, period: step.period ?? '', status: step.status ?? 'planned' });
  });
  return id;
}
