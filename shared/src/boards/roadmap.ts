// Roadmap (Дорожная карта / План мероприятий), SPEC rule B6: ordered sections (направления) and
// ordered items; an item names its section by id. Numbers (1, 1.1, 1.2) are derived from order,
// never stored. Items whose section is gone are shown after the sections, not lost. Every field a
// person types in (title, period, responsibles, result, evidence) is a Y.Text; the lists are the
// typed text, read by splitting it.
import * as Y from 'yjs';
import { statusOf, type ItemStatus } from '../status.ts';
import { insertItem, moveItem, orderedEntries, rootCollection, str, strList, typedList, type Collection } from './collection.ts';

export interface RoadmapItem {
  id: string;
  number: string;
  section: string;
  title: string;
  period: string;
  responsibles: string[];
  result: string;
  status: ItemStatus;
  evidence: string[];
}

export interface RoadmapSection {
  id: string;
  number: string;
  title: string;
  items: RoadmapItem[];
}

export interface RoadmapView {
  sections: RoadmapSection[];
  /** Items whose section does not exist (deleted by someone while another added to it). */
  orphans: RoadmapItem[];
}

/** The document's root maps (SPEC rule B6). */
export const ROADMAP_ROOTS = ['sections', 'items'] as const;

export const roadmapSections = (doc: Y.Doc): Collection => rootCollection(doc, 'sections');
export const roadmapItems = (doc: Y.Doc): Collection => rootCollection(doc, 'items');

export function readRoadmap(doc: Y.Doc): RoadmapView {
  const sections = orderedEntries(roadmapSections(doc));
  const known = new Set(sections.map(([id]) => id));
  const bySection = new Map<string, RoadmapItem[]>();
  for (const [id, item] of orderedEntries(roadmapItems(doc))) {
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
  return {
    sections: sections.map(([id, section], s) => ({
      id,
      number: String(s + 1),
      title: str(section, 'title'),
      items: (bySection.get(id) ?? []).map((item, i) => ({ ...item, number: `${s + 1}.${i + 1}` })),
    })),
    orphans: (bySection.get('') ?? []).map((item, i) => ({ ...item, number: `—.${i + 1}` })),
  };
}

export function addRoadmapSection(doc: Y.Doc, title: string, index?: number): string {
  return insertItem(roadmapSections(doc), { title: new Y.Text(title) }, index !== undefined ? { index } : {});
}

export function moveRoadmapSection(doc: Y.Doc, id: string, index: number): void {
  moveItem(roadmapSections(doc), id, { index });
}

/** Deletes a section with its items, in one transaction (one undo step). */
export function removeRoadmapSection(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    for (const [itemId, item] of orderedEntries(roadmapItems(doc))) if (item.get('section') === id) roadmapItems(doc).delete(itemId);
    roadmapSections(doc).delete(id);
  });
}

export interface NewRoadmapItem {
  title: string;
  period?: string;
  responsibles?: string[];
  result?: string;
  status?: ItemStatus;
  evidence?: string[];
}

const inSection = (section: string) => (item: Y.Map<unknown>) => item.get('section') === section;

export function addRoadmapItem(doc: Y.Doc, section: string, item: NewRoadmapItem, index?: number): string {
  return insertItem(
    roadmapItems(doc),
    {
      section,
      title: new Y.Text(item.title),
      period: new Y.Text(item.period ?? ''),
      responsibles: new Y.Text(typedList(item.responsibles ?? [])),
      result: new Y.Text(item.result ?? ''),
      status: item.status ?? 'planned',
      evidence: new Y.Text(typedList(item.evidence ?? [])),
    },
    { filter: inSection(section), ...(index !== undefined ? { index } : {}) },
  );
}

export function moveRoadmapItem(doc: Y.Doc, id: string, section: string, index?: number): void {
  moveItem(roadmapItems(doc), id, { filter: inSection(section), change: { section }, ...(index !== undefined ? { index } : {}) });
}
