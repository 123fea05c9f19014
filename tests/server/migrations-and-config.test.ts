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
