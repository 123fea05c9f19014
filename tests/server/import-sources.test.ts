// Each real source, as the DOCX, ODT, XLSX and HTML files people have it in, imports to the board the
// demo workspace holds of it: same sections, items, periods and responsibles (SPEC I4, I12).
import type { BoardJson } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../helpers/import-fixtures/expected.ts';
import { sourceFixture, sourceText, type SourceFileFormat, type SourceName } from '../helpers/import-fixtures/sources.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer({ demo: true });
const client = server.client();
const login = (await client.get('/api/demo')).body;
await client.post('/api/auth/login', { email: login.email, password: login.password });
const [workspace] = (await client.get('/api/workspaces')).body;
const boards: { id: string; kind: string; title: string }[] = (await client.get(`/api/workspaces/${workspace.id}/boards`)).body;

/** The demo board's content with the demo's own statuses put back to what an import gives. */
async function demoContent(match: (b: { kind: string; title: string }) => boolean): Promise<BoardJson> {
  const board = boards.find(match)!;
  const json = JSON.parse((await client.get(`/api/boards/${board.id}/export?format=json`)).text, (key, value) => (key === 'status' ? 'planned' : value));
  return json as BoardJson;
}

const DEMO: { source: SourceName; table?: number; board: (b: { kind: string; title: string }) => boolean }[] = [
  { source: '000', table: 0, board: (b) => b.kind === 'roadmap' && b.title.includes('Педагог для всех') },
  { source: '000', table: 1, board: (b) => b.kind === 'plan-graph' },
  { source: '001', board: (b) => b.title.includes('Сарове') },
  { source: '004', board: (b) => b.kind === 'programme' },
];
const FORMATS: SourceFileFormat[] = ['docx', 'odt', 'xlsx', 'html'];

describe('the demo is what the import makes of the source texts (SPEC I12)', () => {
  for (const { source, table, board } of DEMO)
    it(`source ${source}${table !== undefined ? ` table ${table + 1}` : ''}: the whole board, every field`, async () => {
      const fields: Record<string, string | [Uint8Array, string]> = { file: [new TextEncoder().encode(sourceText(source)), `${source}.txt`] };
      if (table !== undefined) fields.table = String(table);
      const preview = await client.upload(`/api/workspaces/${workspace.id}/imports`, fields);
      expect(preview.status, preview.text).toBe(200);
      const demo = await demoContent(board);
      expect(preview.body.content).toEqual(demo);
    });
});

describe('the sources as files import to the demo boards', () => {
  for (const { source, table, board } of DEMO)
    for (const format of FORMATS)
      it(`source ${source}${table !== undefined ? ` table ${table + 1}` : ''} as ${format.toUpperCase()}`, { timeout: 60_000 }, async () => {
        const { fileName, bytes } = await sourceFixture(source, format);
        const fields: Record<string, string | [Uint8Array, string]> = { file: [new Uint8Array(bytes), fileName] };
        if (table !== undefined) fields.table = String(table);
        const preview = await client.upload(`/api/workspaces/${workspace.id}/imports`, fields);
        expect(preview.status, preview.text).toBe(200);
        const demo = await demoContent(board);
        expect(outlineOf({ content: preview.body.content })).toEqual(outlineOf({ content: demo }));
        expect(preview.body.kind).toBe(demo.kind);
      });
});
