import * as Y from 'yjs';
import { describe, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor } from '../helpers/sync-client.ts';

const server = await newServer();
const open = trackedClients();

describe('y-websocket protocol', () => {
  it('[P2][P3][P4] the stock WebsocketProvider syncs a board through /sync/:boardId?token=', async () => {
    const { boardId, owner } = await boardWithPeople(server, []);
    const a = open(server.url, boardId, { token: owner.token });
    const b = open(server.url, boardId, { token: owner.token });
    await a.synced();
    await b.synced();
    a.doc.getMap('items').set('1', 'Сбор ГТГ');
    await waitFor(() => b.doc.getMap('items').get('1') === 'Сбор ГТГ');
    b.doc.getText('notes').insert(0, 'Протокол № 1');
    await waitFor(() => a.doc.getText('notes').toString() === 'Протокол № 1');
  });

  it('[P2] a late joiner receives everything written before it came', async () => {
    const { boardId, owner } = await boardWithPeople(server, []);
    const a = open(server.url, boardId, { token: owner.token });
    await a.synced();
    for (let i = 0; i < 20; i++) a.doc.getMap('items').set(String(i), i);
    const late = open(server.url, boardId, { token: owner.token });
    await late.synced();
    await waitFor(() => late.doc.getMap('items').size === 20);
  });

  it("[S1] connects with the session cookie and the server's own Origin, as the browser does", async () => {
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const editor = people.editor!;
    const cookie = `soplan_session=${editor.client.sessionCookie}`;
    const a = open(server.url, boardId, { cookie, origin: server.url });
    await a.synced();
    a.doc.getArray('log').push(['из браузера']);
    const b = open(server.url, boardId, { token: people.owner!.token });
    await waitFor(() => b.doc.getArray('log').length === 1);
  });

  it('[P6] accepts any well-formed update, whatever root types it touches', async () => {
    const { boardId, owner } = await boardWithPeople(server, []);
    const a = open(server.url, boardId, { token: owner.token });
    const b = open(server.url, boardId, { token: owner.token });
    await a.synced();
    a.doc.transact(() => {
      a.doc.getMap('anything').set('nested', new Y.Map());
      a.doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement('paragraph')]);
      a.doc.getArray('weird').push([{ deep: [1, 2, { x: null }] }, new Uint8Array([1, 2, 3])]);
    });
    await waitFor(() => b.doc.getArray('weird').length === 2 && b.doc.getXmlFragment('prosemirror').length === 1);
  });
});
