// Upgrading an older board document to the shapes the writers create now (SPEC rule B8). A typed
// field that is not yet a Y.Text (an older board's plain string or array, junk, or absent) would be
// turned into one by the first keystroke in a browser; two people doing that at once would each
// create a Y.Text under the same key and one of them would lose their characters. The server runs
// this once per board instead, before any browser sees the document.
import * as Y from 'yjs';
import { DOCUMENT_HEADER_FIELDS } from './board-json.ts';
import { textField, type Item } from './collection.ts';
import { documentHeaderMap } from './document-header.ts';
import type { BoardKind } from './kinds.ts';
import { PLAN_ITEM_TEXT_FIELDS, PLAN_SECTION_TEXT_FIELDS, PROGRAMME_PLAN, ROADMAP_PLAN, type PlanRoots } from './plan.ts';
import { PASSPORT_FIELDS, PROGRAMME_TEXT_FIELDS } from './programme.ts';

type Fields = readonly string[];

/** A plan's two roots with the typed fields of their entries. */
const planFields = (roots: PlanRoots): Record<string, Fields> => ({ [roots.sections]: PLAN_SECTION_TEXT_FIELDS, [roots.items]: PLAN_ITEM_TEXT_FIELDS });

/**
 * Each kind's root collections with the typed fields of their items, as the current writers create
 * them (addPlanSection/Item, addPlanGraphEvent, addProgrammeEntry, addRouteStep, setPassportField,
 * documentHeaderField; tests/shared/board-upgrade.test.ts checks this against them).
 */
const TYPED_FIELDS: Record<BoardKind, Record<string, Fields>> = {
  roadmap: planFields(ROADMAP_PLAN),
  'plan-graph': {
    events: ['title', 'form', 'responsibles', 'partner', 'notes'],
  },
  programme: { ...PROGRAMME_TEXT_FIELDS, ...planFields(PROGRAMME_PLAN) },
};

/** The typed fields of a step of a pair's individual route (ИОМ), nested in the pair under `route`. */
const ROUTE_STEP_FIELDS: Fields = ['title', 'period'];

/** Makes each field a Y.Text the way the first keystroke would (`textField`); returns how many were not. */
function upgradeItem(item: Item, fields: Fields): number {
  let converted = 0;
  for (const key of fields) {
    if (item.get(key) instanceof Y.Text) continue;
    textField(item, key);
    converted++;
  }
  return converted;
}

/** Upgrades every item of a collection; entries that are not items are left alone (rule B4). */
function upgradeCollection(collection: unknown, fields: Fields, nested?: (item: Item) => number): number {
  if (!(collection instanceof Y.Map)) return 0;
  let converted = 0;
  collection.forEach((item: unknown) => {
    if (item instanceof Y.Map) converted += upgradeItem(item as Item, fields) + (nested?.(item as Item) ?? 0);
  });
  return converted;
}

/**
 * Converts, in one transaction, every typed field of every item of a `kind` document (and of its
 * document header, B9, and a programme's passport) that is not a Y.Text into the Y.Text the writers
 * create now: a plain
 * string as it is, a plain list joined with ", ", anything else empty. Returns how many fields it
 * converted: 0 for a document already upgraded, which it leaves untouched. Never throws on what a
 * client wrote (rule B4).
 */
export function upgradeTypedFields(kind: BoardKind, doc: Y.Doc): number {
  let converted = 0;
  doc.transact(() => {
    converted += upgradeItem(documentHeaderMap(doc), DOCUMENT_HEADER_FIELDS);
    if (kind === 'programme') converted += upgradeItem(doc.getMap('passport') as Item, PASSPORT_FIELDS);
    for (const [root, fields] of Object.entries(TYPED_FIELDS[kind])) {
      const route = kind === 'programme' && root === 'pairs' ? (pair: Item) => upgradeCollection(pair.get('route'), ROUTE_STEP_FIELDS) : undefined;
      converted += upgradeCollection(doc.getMap(root), fields, route);
    }
  });
  return converted;
}
