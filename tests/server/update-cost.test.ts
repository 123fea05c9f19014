// The cost of an update, read before it is applied (SPEC rule L5): ordinary edits cost nothing to
// integrate, concurrent inserts at one place cost what Yjs's conflict scan will walk, and updates
// that depend on structs the document lacks are counted as pending.
import { addPlanGraphEvent, addRoadmapItem, addRoadmapSection } from '@soplan/shared';
import { updateCost } from '@soplan/server/sync/update-cost.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';

function insertsAtOnePlace(clientId: number, count: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  for (let i = 0; i < count; i++) doc.getText('t').insert(0, 'a');
  return Y.encodeStateAsUpdate(doc);
}

describe('update cost', () => {
  it('[L5] a whole 2 000-event plan-graph sent to an empty board scans nothing', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 2000; i++)
      addPlanGraphEvent(doc, `2025-${String((i % 12) + 1).padStart(2, '0')}`, { title: `Событие ${i}`, responsibles: ['МДОУ № 1'] });
    const cost = updateCost(new Y.Doc(), Y.encodeStateAsUpdate(doc), 200_000);
    expect(cost.steps).toBe(0);
    expect(cost.pending).toBe(0);
    expect(cost.structs).toBeGreaterThan(2000);
  });

  it('[L5] typing into a big board scans nothing', () => {
    const server = new Y.Doc();
    const section = addRoadmapSection(server, 'Направление');
    const ids = Array.from({ length: 500 }, (_, i) => addRoadmapItem(server, section, { title: `Мероприятие ${i}` }));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    const title = (client.getMap('items').get(ids[250]!) as Y.Map<unknown>).get('title') as Y.Text;
    for (let i = 0; i < 40; i++) title.insert(5 + i, 'ж');
    expect(updateCost(server, Y.encodeStateAsUpdate(client, before), 200_000)).toEqual({ structs: 1, steps: 0, pending: 0 });
  });

  it("[L5] inserts at one place by a second client are charged for the first client's items they must scan", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, insertsAtOnePlace(1, 3000));
    const second = insertsAtOnePlace(2, 3000);
    expect(updateCost(doc, second, Number.MAX_SAFE_INTEGER).steps).toBe(3000 * 3000);
    // The walk stops as soon as the budget is passed.
    expect(updateCost(doc, second, 10_000).steps).toBeLessThanOrEqual(10_000 + 3001);
    expect(updateCost(doc, second, 10_000).steps).toBeGreaterThan(10_000);
  });

  it('[L5] the same attack merged into one update from two clients is charged too', () => {
    const merged = Y.mergeUpdates([insertsAtOnePlace(1, 1000), insertsAtOnePlace(2, 1000)]);
    expect(updateCost(new Y.Doc(), merged, Number.MAX_SAFE_INTEGER).steps).toBeGreaterThanOrEqual(1000 * 1000);
  });

  it('[L5] structs whose dependencies the document lacks are counted as pending', () => {
    const base = new Y.Doc();
    base.getText('t').insert(0, 'основа');
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(later);
    for (let i = 0; i < 12; i++) later.getText('t').insert(i % 2 === 0 ? 0 : 3, 'x');
    const orphans = Y.encodeStateAsUpdate(later, before);
    const structs = Y.decodeUpdate(orphans).structs.length;
    expect(updateCost(new Y.Doc(), orphans, 200_000).pending).toBe(structs);
    const withBase = new Y.Doc();
    Y.applyUpdate(withBase, Y.encodeStateAsUpdate(base));
    expect(updateCost(withBase, orphans, 200_000).pending).toBe(0);
  });

  it('[L5] deletions count as structs', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'абвгдежзий');
    const before = Y.encodeStateVector(doc);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    let deletes: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (deletes = u));
    doc.transact(() => {
      for (let i = 8; i >= 0; i -= 2) text.delete(i, 1);
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(updateCost(server, deletes!, 200_000).structs).toBe(5);
  });
});
