// The cost of an update, read before it is applied (SPEC rule L5): a sound upper bound. Ordinary
// edits (typing, fixing typos offline, pasting, overwriting a key, a whole board sent at once) cost
// nothing to integrate; whatever may make Yjs scan — concurrent inserts at one place, chains of one
// client crossed by another's, values piled on one map key, delete ranges splitting long struct
// arrays, structs released from the waiting store — is charged, and a struct referring to a later
// clock of its own client is malformed.
import { addPlanGraphEvent, addRoadmapItem, addRoadmapSection } from '@soplan/shared';
import { MalformedUpdate, updateCost } from '@soplan/server/sync/update-cost.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeStructs, id, struct } from '../helpers/yjs-structs.ts';

const BUDGET = 200_000;

function insertsAtOnePlace(clientId: number, count: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  for (let i = 0; i < count; i++) doc.getText('t').insert(0, 'a');
  return Y.encodeStateAsUpdate(doc);
}

const withUpdate = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
};

describe('ordinary edits cost nothing', () => {
  it('[L5] a whole 2 000-event plan-graph sent to an empty board', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 2000; i++)
      addPlanGraphEvent(doc, `2025-${String((i % 12) + 1).padStart(2, '0')}`, { title: `Событие ${i}`, responsibles: ['МДОУ № 1'] });
    const cost = updateCost(new Y.Doc(), Y.encodeStateAsUpdate(doc), BUDGET);
    expect(cost).toMatchObject({ steps: 0, pending: 0, pendingDeletes: 0 });
    expect(cost.items).toBeGreaterThan(2000);
  });

  it('[L5] typing into one title of a big board', () => {
    const server = new Y.Doc();
    const section = addRoadmapSection(server, 'Направление');
    const ids = Array.from({ length: 500 }, (_, i) => addRoadmapItem(server, section, { title: `Мероприятие ${i}` }));
    const client = withUpdate(Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    const title = (client.getMap('items').get(ids[250]!) as Y.Map<unknown>).get('title') as Y.Text;
    for (let i = 0; i < 40; i++) title.insert(5 + i, 'ж');
    expect(updateCost(server, Y.encodeStateAsUpdate(client, before), BUDGET)).toEqual({
      items: 1,
      newItems: 1,
      deleteRanges: 0,
      steps: 0,
      pending: 0,
      pendingDeletes: 0,
    });
  });

  it('[L5] a hundred typo fixes made offline inside a 3 000-run rich-text paragraph, and inserts at one place by one person', () => {
    const server = new Y.Doc();
    const paragraph = new Y.XmlText();
    server.getXmlFragment('body').insert(0, [paragraph]);
    for (let i = 0; i < 1500; i++) paragraph.insert(paragraph.length, 'слово '.repeat(7), i % 2 ? { bold: true } : {});
    const client = withUpdate(Y.encodeStateAsUpdate(server));
    const text = client.getXmlFragment('body').get(0) as Y.XmlText;
    const before = Y.encodeStateVector(client);
    for (let k = 0; k < 100; k++) text.insert(5 + k * 300, 'ы');
    for (let k = 0; k < 50; k++) text.insert(2, 'я');
    expect(updateCost(server, Y.encodeStateAsUpdate(client, before), BUDGET).steps).toBe(0);
  });

  it('[L5] one person setting one key many times', () => {
    const server = new Y.Doc();
    server.getMap('m').set('k', 0);
    const client = withUpdate(Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    for (let i = 1; i <= 500; i++) client.getMap('m').set('k', i);
    expect(updateCost(server, Y.encodeStateAsUpdate(client, before), BUDGET).steps).toBe(0);
  });
});

describe('what may make Yjs scan is charged', () => {
  it("[L5] inserts at one place by a second client are charged for the first client's items they may scan", () => {
    const doc = withUpdate(insertsAtOnePlace(1, 3000));
    expect(updateCost(doc, insertsAtOnePlace(2, 3000), Number.MAX_SAFE_INTEGER).steps).toBeGreaterThanOrEqual(3000 * 3000);
    // The walk stops soon after the budget is passed.
    expect(updateCost(doc, insertsAtOnePlace(2, 3000), 10_000).steps).toBeLessThanOrEqual(10_000 + 6001);
  });

  it('[L5] the same attack merged into one update from two clients', () => {
    const merged = Y.mergeUpdates([insertsAtOnePlace(1, 1000), insertsAtOnePlace(2, 1000)]);
    expect(updateCost(new Y.Doc(), merged, BUDGET).steps).toBeGreaterThan(BUDGET);
  });

  it('[L5] a struct that cannot be placed (waiting for a missing origin) hides nothing behind it', () => {
    const lure = encodeStructs([struct({ client: 0x7fffffff, clock: 0, origin: id(12345, 99) })]);
    const doc = withUpdate(insertsAtOnePlace(1, 2000));
    const cost = updateCost(doc, Y.mergeUpdates([insertsAtOnePlace(2, 2000), lure]), BUDGET);
    expect(cost.steps).toBeGreaterThan(BUDGET);
    expect(cost.pending).toBe(1);
  });

  it("[L5] one client's chain crossed by another client's inserts in the same update", () => {
    const chain = Array.from({ length: 3000 }, (_, i) => struct({ client: 1, clock: i, origin: i ? id(1, i - 1) : null, parent: i ? null : 'x' }));
    const crossing = Array.from({ length: 3000 }, (_, i) => struct({ client: 2, clock: i, right: id(1, 2999), origin: null, parent: null }));
    expect(updateCost(new Y.Doc(), encodeStructs([...chain, ...crossing]), BUDGET).steps).toBeGreaterThan(BUDGET);
  });

  it('[L5] many values piled on one map key with no origin', () => {
    const values = Array.from({ length: 2000 }, (_, i) => struct({ client: 7, clock: i, parent: 'm', key: 'k' }));
    expect(updateCost(new Y.Doc(), encodeStructs(values), BUDGET).steps).toBeGreaterThan(BUDGET);
  });

  it('[L5] many items of one client claiming the same place', () => {
    const items = Array.from({ length: 2000 }, (_, i) => struct({ client: 7, clock: i, parent: 't' }));
    expect(updateCost(new Y.Doc(), encodeStructs(items), BUDGET).steps).toBeGreaterThan(BUDGET);
  });

  it('[L5] delete ranges that split a long struct array are charged for the splicing', () => {
    const doc = new Y.Doc();
    doc.clientID = 9;
    const list = doc.getArray<unknown>('a');
    // Alternating kinds of content cannot merge: 60 000 structs of one client.
    list.insert(
      0,
      Array.from({ length: 60_000 }, (_, i) => (i % 2 ? 1 : new Uint8Array(1))),
    );
    const server = withUpdate(Y.encodeStateAsUpdate(doc));
    const deletes = Array.from({ length: 5000 }, (_, k): [number, number, number] => [9, 2 * k, 1]);
    const cost = updateCost(server, encodeStructs([], deletes), BUDGET);
    expect(cost.deleteRanges).toBe(5000);
    expect(cost.steps).toBeGreaterThan(BUDGET);
  });

  it('[L5] structs already waiting in the document are charged when an update may release them', () => {
    const doc = withUpdate(insertsAtOnePlace(1, 2000));
    // The second client's inserts arrive without their first struct: they wait.
    const second = insertsAtOnePlace(2, 2000);
    const rest = Y.diffUpdate(second, Y.encodeStateVector(withUpdate(encodeStructs([struct({ client: 2, clock: 0, parent: 't' })]))));
    Y.applyUpdate(doc, rest);
    expect(doc.store.pendingStructs).not.toBeNull();
    const release = encodeStructs([struct({ client: 2, clock: 0, parent: 't' })]);
    const cost = updateCost(doc, release, BUDGET);
    expect(cost.items).toBe(1);
    expect(cost.steps).toBeGreaterThan(BUDGET);
  });
});

describe('waiting structs and deletions are counted', () => {
  it('[L5] structs whose dependencies the document lacks, through chains across clients', () => {
    const structs = Array.from({ length: 40 }, (_, c) => struct({ client: 100 + c, clock: 0, origin: c ? id(100 + c - 1, 0) : id(99, 5) }));
    const cost = updateCost(new Y.Doc(), encodeStructs(structs), BUDGET);
    expect(cost.pending).toBe(40);
    expect(updateCost(new Y.Doc(), encodeStructs(structs.slice(1)), BUDGET).pending).toBe(39);
  });

  it('[L5] deletions of clocks the document does not have wait, and those waiting already count', () => {
    const doc = new Y.Doc();
    const waiting = encodeStructs([], [[42, 10, 5]]);
    expect(updateCost(doc, waiting, BUDGET).pendingDeletes).toBe(1);
    Y.applyUpdate(doc, waiting);
    expect(updateCost(doc, encodeStructs([], [[43, 0, 1]]), BUDGET).pendingDeletes).toBe(2);
  });

  it('[P5] a struct that refers to a later clock of its own client is malformed', () => {
    const bad = encodeStructs([struct({ client: 5, clock: 0, parent: 't' }), struct({ client: 5, clock: 1, origin: id(5, 7) })]);
    expect(() => updateCost(new Y.Doc(), bad, BUDGET)).toThrow(MalformedUpdate);
  });
});

describe('what a document already holds', () => {
  it('[L6] an update the document already holds adds no items (a provider resending what it sent)', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getMap('m').set('a', 1);
    client.getMap('m').set('b', 2);
    const update = Y.encodeStateAsUpdate(client);
    expect(updateCost(server, update, 1e6)).toMatchObject({ items: 2, newItems: 2 });
    Y.applyUpdate(server, update);
    expect(updateCost(server, update, 1e6)).toMatchObject({ items: 2, newItems: 0 });
  });

  it('[L5] the same inserts at one place sent again cost nothing: Yjs skips what the document holds', () => {
    const server = new Y.Doc();
    const trap = new Y.Doc();
    trap.clientID = 1;
    for (let i = 0; i < 3_000; i++) trap.getText('t').insert(0, 'a');
    const update = Y.encodeStateAsUpdate(trap);
    Y.applyUpdate(server, update);
    const second = new Y.Doc();
    second.clientID = 2;
    Y.applyUpdate(second, update);
    second.getText('t').insert(0, 'b');
    expect(updateCost(server, Y.encodeStateAsUpdate(second), BUDGET)).toMatchObject({ newItems: 1 });
    expect(updateCost(server, update, BUDGET)).toMatchObject({ newItems: 0, steps: 0 });
  });
});
