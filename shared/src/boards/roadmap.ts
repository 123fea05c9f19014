// Roadmap (Дорожная карта / План мероприятий), SPEC rule B6: a plan of sections, subsections and
// items (plan.ts) in the roots `sections` and `items`. These are the plan's helpers bound to those
// roots, what the roadmap view, the demo and the tests write with.
import type * as Y from 'yjs';
import {
  addPlanItem,
  addPlanSection,
  movePlanItem,
  movePlanSection,
  planItems,
  planSections,
  readPlan,
  removePlanSection,
  ROADMAP_PLAN,
  type NewPlanItem,
  type PlanView,
  type SectionPlacement,
} from './plan.ts';

/** The document's root maps (SPEC rule B6). */
export const ROADMAP_ROOTS = [ROADMAP_PLAN.sections, ROADMAP_PLAN.items] as const;

export const roadmapSections = (doc: Y.Doc) => planSections(doc, ROADMAP_PLAN);
export const roadmapItems = (doc: Y.Doc) => planItems(doc, ROADMAP_PLAN);
export const readRoadmap = (doc: Y.Doc): PlanView => readPlan(doc, ROADMAP_PLAN);
export const addRoadmapSection = (doc: Y.Doc, title: string, placement?: SectionPlacement) => addPlanSection(doc, ROADMAP_PLAN, title, placement);
export const moveRoadmapSection = (doc: Y.Doc, id: string, placement: SectionPlacement) => movePlanSection(doc, ROADMAP_PLAN, id, placement);
/** Deletes a section with its subsections and their items, in one transaction (one undo step). */
export const removeRoadmapSection = (doc: Y.Doc, id: string) => removePlanSection(doc, ROADMAP_PLAN, id);
export const addRoadmapItem = (doc: Y.Doc, section: string, item: NewPlanItem, index?: number) => addPlanItem(doc, ROADMAP_PLAN, section, item, index);
export const moveRoadmapItem = (doc: Y.Doc, id: string, section: string, index?: number) => movePlanItem(doc, ROADMAP_PLAN, id, section, index);
