// The demo boards' documents, built from the sources with the same shared helpers the editors use.
import {
  addPlanGraphEvent,
  addProgrammeEntry,
  addRoadmapItem,
  addRoadmapSection,
  addRouteStep,
  paragraphs,
  PASSPORT_FIELDS,
  setPassportField,
  setPlanGraphRange,
  type BoardKind,
} from '@soplan/shared';
import * as Y from 'yjs';
import { planGraph000 } from './plan-graph-000.ts';
import { programme004 } from './programme-004.ts';
import { roadmap000 } from './roadmap-000.ts';
import { roadmap001 } from './roadmap-001.ts';
import type { DemoPlanGraph, DemoProgramme, DemoRoadmap } from './types.ts';

function planGraphDoc(content: DemoPlanGraph): Y.Doc {
  const doc = new Y.Doc();
  setPlanGraphRange(doc, `${content.yearStart}-09`, `${content.yearStart + 1}-08`);
  for (const { month, events } of content.months) for (const e of events) addPlanGraphEvent(doc, month, e);
  return doc;
}

function roadmapDoc(content: DemoRoadmap): Y.Doc {
  const doc = new Y.Doc();
  for (const section of content.sections) {
    const id = addRoadmapSection(doc, section.title);
    for (const item of section.items) addRoadmapItem(doc, id, item);
  }
  return doc;
}

function programmeDoc(content: DemoProgramme): Y.Doc {
  const doc = new Y.Doc();
  for (const field of PASSPORT_FIELDS) setPassportField(doc, field, content.passport[field]);
  for (const s of content.sections) addProgrammeEntry(doc, 'sections', { title: new Y.Text(s.title), body: paragraphs(s.paragraphs) });
  for (const s of content.stages)
    addProgrammeEntry(doc, 'stages', { title: new Y.Text(s.title), period: s.period, description: new Y.Text(s.description), status: s.status });
  for (const i of content.indicators) addProgrammeEntry(doc, 'indicators', { title: new Y.Text(i.title), target: i.target, actual: i.actual });
  for (const p of content.pairs) {
    const id = addProgrammeEntry(doc, 'pairs', { mentor: p.mentor, mentee: p.mentee, form: p.form, deficits: new Y.Text(p.deficits) });
    for (const step of p.route) addRouteStep(doc, id, step);
  }
  for (const n of content.nominations) addProgrammeEntry(doc, 'nominations', { title: new Y.Text(n) });
  for (const p of content.products) addProgrammeEntry(doc, 'products', { title: new Y.Text(p) });
  return doc;
}

export const DEMO_BOARDS: { kind: BoardKind; title: string; document: () => Y.Doc }[] = [
  { kind: 'plan-graph', title: 'План-график на 2021–2022 учебный год', document: () => planGraphDoc(planGraph000) },
  { kind: 'roadmap', title: 'Дорожная карта городского педагогического сообщества «Педагог для всех»', document: () => roadmapDoc(roadmap000) },
  {
    kind: 'roadmap',
    title:
      'План мероприятий («дорожная карта» 2.2) по развитию в Сарове муниципальной системы обеспечения профессионального развития педагогических работников на 2021-2022 годы',
    document: () => roadmapDoc(roadmap001),
  },
  { kind: 'programme', title: 'Межфирменное наставничество как сетевая модель профессионального роста педагогов', document: () => programmeDoc(programme004) },
];
