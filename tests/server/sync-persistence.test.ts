// Persistence over the memory store: folding boards that hold back the shared log, and folding
// what an unclean stop left in it.
import { Persistence } from '@soplan/server/sync/persistence.ts';
import { memoryDocumentStore } from '@soplan/server/sync/store.ts';
import pino from 'pino';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/sync-client.ts';

const log = pino({ level: 'silent' });
const fail = () => {
  throw new Error('no commit should fail here');
};

function editOf(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

describe('persistence', () => {
  it('[D4] a quiet board that holds back the shared log is folded, and the log is trimmed', async () => {
    const store = memoryDocumentStore();
    const persistence = new Persistence(store, log, { compactAfter: 1000, logSpan: 5, maintenanceMs: 5, onCommitFailed: fail });
    const quiet = persistence.load('quiet');
    const busy = persistence.load('busy');
    Y.applyUpdate(quiet, editOf('q', 1));
    persistence.append('quiet', editOf('q', 1));
    persistence.flush();
    for (let i = 0; i < 10; i++) {
      const update = editOf(`b${i}`, i);
      Y.applyUpdate(busy, update);
      persistence.append('busy', update);
      persistence.flush();
    }
    await waitFor(() => !store.unfoldedBoards().includes('quiet'), 2000, 'quiet board folded');
    await waitFor(() => store.load('quiet').updates.length === 0 && store.load('quiet').snapshot !== null, 2000, 'log trimmed');
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, store.load('quiet').snapshot!);
    expect(reloaded.getMap('m').toJSON()).toEqual({ q: 1 });
    persistence.close();
  });

  it('[D3] recovery folds every board an unclean stop left in the log, and loads see the same documents', () => {
    const store = memoryDocumentStore();
    store.append([
      { boardId: 'a', update: editOf('x', 1) },
      { boardId: 'b', update: editOf('y', 2) },
      { boardId: 'a', update: editOf('z', 3) },
    ]);
    const persistence = new Persistence(store, log, { compactAfter: 1000, onCommitFailed: fail });
    expect(persistence.recover()).toBe(2);
    expect(store.unfoldedBoards()).toEqual([]);
    expect(store.load('a').updates).toEqual([]);
    expect(persistence.load('a').getMap('m').toJSON()).toEqual({ x: 1, z: 3 });
    expect(persistence.load('b').getMap('m').toJSON()).toEqual({ y: 2 });
    persistence.close();
  });
});
