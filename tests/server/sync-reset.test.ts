// A room whose document got ahead of the disk is reset (SPEC rule D5): when a commit fails, its
// connections are closed with 1011 and nothing the store lacks reaches a peer or the board index.
import path from 'node:path';
import { addRoadmapItem, addRoadmapSection, CLOSE } from '@soplan/shared';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor } from '../helpers/sync-client.ts';

const open = trackedClients();

describe('a room reset after a failed commit', () => {
  it('[D5] an edit whose commit failed is never indexed, even when an earlier edit of the board was waiting to be', async () => {
    const server = await newServer({ indexDebounceMs: 300 });
    const { boardId, owner } = await boardWithPeople(server, []);
    const titles = () => server.query<{ title: string }>('SELECT title FROM board_items WHERE board_id = ?', boardId).map((r) => r.title);
    const editor = open(server.url, boardId, { token: owner.token });
    await editor.synced();
    const logRows = () => server.query<{ n: number }>('SELECT count(*) AS n FROM board_log')[0]!.n;
    const before = logRows();
    const section = addRoadmapSection(editor.doc, 'Направление');
    addRoadmapItem(editor.doc, section, { title: 'Сохранённое' });
    await waitFor(() => logRows() > before, 5000, 'the first edit committed');

    // The disk refuses the next edit: a trigger fails every insert into the log carrying its title.
    const db = new Database(path.join(server.dataDir, 'soplan.sqlite'));
    const marker = Buffer.from('Несохранённое').toString('hex');
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON board_log WHEN instr(NEW.data, X'${marker}') > 0 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    const room = server.sync.rooms.get(boardId);
    addRoadmapItem(editor.doc, section, { title: 'Несохранённое' });
    await waitFor(() => server.sync.rooms.get(boardId) !== room, 5000, 'the room reset');
    expect(closes[0]).toBe(CLOSE.internalError.code);
    editor.destroy();

    // Well past the indexer's debounce and maximum wait.
    await new Promise((r) => setTimeout(r, 1200));
    expect(titles()).not.toContain('Несохранённое');
    db.exec('DROP TRIGGER refuse');
    db.close();
  });
});
