import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '@soplan/server/config.ts';
import { MIGRATIONS, migrate } from '@soplan/server/db/migrations.ts';
import { describe, expect, it } from 'vitest';

const tmp = () => new Database(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-mig-')), 'db.sqlite'));

describe('migrations', () => {
  it('apply every version once and record it', () => {
    const db = tmp();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('are transactional: a failing migration leaves no trace and stops later ones', () => {
    const db = tmp();
    migrate(db);
    const broken = [
      ...MIGRATIONS,
      { version: 1000, name: 'half-done', sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);' },
      { version: 1001, name: 'later', sql: 'CREATE TABLE later (x INTEGER);' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('half_done');
    expect(tables).not.toContain('later');
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('4 moves every board log row its snapshot does not fold into the shared log, in order', () => {
    const db = tmp();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 4),
    );
    const insert = db.prepare('INSERT INTO board_updates (board_id, seq, data) VALUES (?, ?, ?)');
    for (const [board, seq] of [
      ['a', 1],
      ['a', 2],
      ['a', 3],
      ['b', 1],
      ['b', 2],
    ] as const)
      insert.run(board, seq, Buffer.from(`${board}${seq}`));
    db.prepare('INSERT INTO board_snapshots (board_id, data, through_seq, updated_at) VALUES (?, ?, ?, ?)').run('a', Buffer.from('snap'), 1, 0);
    migrate(db);
    const rows = db.prepare('SELECT seq, board_id, data FROM board_log ORDER BY seq').all() as { board_id: string; data: Buffer }[];
    expect(rows.map((r) => `${r.board_id}:${r.data.toString()}`)).toEqual(['a:a2', 'a:a3', 'b:b1', 'b:b2']);
    expect(db.prepare('SELECT through_seq FROM board_snapshots').pluck().all()).toEqual([0]);
  });
});

describe('config', () => {
  it('defaults to port 3000, ./data and demo mode on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.demo).toBe(true);
    expect(c.publicUrl).toBeNull();
  });

  it('honours PORT, DATA_DIR, PUBLIC_URL and SOPLAN_DEMO', () => {
    const c = loadConfig({ PORT: '8080', DATA_DIR: '/srv/soplan', PUBLIC_URL: 'https://plan.gcro.ru', SOPLAN_DEMO: '0' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/srv/soplan', demo: false });
    expect(c.publicUrl?.origin).toBe('https://plan.gcro.ru');
  });

  it('fails fast with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ SOPLAN_DEMO: 'maybe' })).toThrow(/SOPLAN_DEMO/);
  });
});
