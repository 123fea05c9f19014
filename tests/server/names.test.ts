// Rule U5: one rule for every name and title a person types. Each endpoint that takes one refuses
// control characters, bidirectional controls, lone surrogates and names with nothing visible in them,
// with an issue code the web words, and stores nothing.
import { describe, expect, it } from 'vitest';
import { signedUp, type HttpClient, type Reply } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer();
const { client } = await signedUp(server.client(), 'Методист');
const workspace = (await client.post('/api/workspaces', { name: 'Сеть' })).body as { id: string };
const board = (await client.post(`/api/workspaces/${workspace.id}/boards`, { kind: 'roadmap', title: 'Дорожная карта' })).body as { id: string };
const org = (await client.post(`/api/workspaces/${workspace.id}/organisations`, { name: 'МДОУ № 8' })).body as { id: string };

/** Every endpoint that takes a name: how to send one, and the field the issue names. */
const ENDPOINTS: { what: string; send: (c: HttpClient, rawName: string) => Promise<Reply>; path: string }[] = [
  {
    what: "sign-up (the person's name)",
    send: (c, n) => raw(c, 'POST', '/api/auth/signup', `{"email":"new${Math.random()}@example.test","password":"long enough pass","name":${n}}`),
    path: 'name',
  },
  { what: 'API token name', send: (c, n) => raw(c, 'POST', '/api/tokens', `{"name":${n}}`), path: 'name' },
  { what: 'new workspace', send: (c, n) => raw(c, 'POST', '/api/workspaces', `{"name":${n}}`), path: 'name' },
  { what: 'workspace rename', send: (c, n) => raw(c, 'PATCH', `/api/workspaces/${workspace.id}`, `{"name":${n}}`), path: 'name' },
  { what: 'new organisation', send: (c, n) => raw(c, 'POST', `/api/workspaces/${workspace.id}/organisations`, `{"name":${n}}`), path: 'name' },
  { what: 'organisation rename', send: (c, n) => raw(c, 'PATCH', `/api/workspaces/${workspace.id}/organisations/${org.id}`, `{"name":${n}}`), path: 'name' },
  { what: 'event forms', send: (c, n) => raw(c, 'PUT', `/api/workspaces/${workspace.id}/event-forms`, `{"forms":["семинар",${n}]}`), path: 'forms.1' },
  { what: 'new board', send: (c, n) => raw(c, 'POST', `/api/workspaces/${workspace.id}/boards`, `{"kind":"roadmap","title":${n}}`), path: 'title' },
  { what: 'board rename', send: (c, n) => raw(c, 'PATCH', `/api/boards/${board.id}`, `{"title":${n}}`), path: 'title' },
];

/** Sends a JSON body as written, so that a lone surrogate (`\ud800`) reaches the server as JSON carries it. */
function raw(c: HttpClient, method: string, path: string, body: string) {
  return c.request(method, path, { rawBody: body, headers: { 'content-type': 'application/json' } });
}

/** Hostile names, as JSON string literals, and the issue each must produce. */
const HOSTILE: [string, string, string][] = [
  ['zero-width characters only', '"\\u200b\\u200c\\u200d\\u2060\\ufeff"', 'name_empty'],
  ['spaces around zero-width characters', '"  \\u200b \\u2060  "', 'name_empty'],
  ['a Hangul filler', '"\\u3164"', 'name_empty'],
  ['empty', '""', 'name_empty'],
  ['a NUL', '"Сеть\\u0000"', 'name_control_character'],
  ['a line break inside', '"Сеть\\nвторая строка"', 'name_control_character'],
  ['a C1 control', '"Сеть\\u0085"', 'name_control_character'],
  ['a right-to-left override', '"Отчёт\\u202efdp.exe"', 'name_bidi_control'],
  ['a right-to-left isolate', '"\\u2067Сеть"', 'name_bidi_control'],
  ['a right-to-left mark', '"Сеть\\u200f"', 'name_bidi_control'],
  ['an Arabic letter mark', '"Сеть\\u061c"', 'name_bidi_control'],
  ['a lone high surrogate', '"Сеть\\ud800"', 'name_lone_surrogate'],
  ['a lone low surrogate', '"\\udc00Сеть"', 'name_lone_surrogate'],
];

const snapshot = () => [
  server.query('SELECT * FROM users'),
  server.query('SELECT * FROM api_tokens'),
  server.query('SELECT * FROM workspaces'),
  server.query('SELECT * FROM organisations'),
  server.query('SELECT * FROM boards'),
];

describe('names and titles', () => {
  for (const endpoint of ENDPOINTS) {
    it(`[U5] ${endpoint.what}: refuses every hostile name with its issue code and stores nothing`, async () => {
      const before = snapshot();
      for (const [what, name, code] of HOSTILE) {
        const res = await endpoint.send(endpoint.what.startsWith('sign-up') ? server.client() : client, name);
        expect(res.status, what).toBe(400);
        expect(res.body.error.code, what).toBe('validation_failed');
        expect(res.body.error.issues, what).toEqual([{ path: endpoint.path, code, message: expect.any(String) }]);
      }
      expect(snapshot()).toEqual(before);
    });
  }

  it('[U5] a name is trimmed, and zero-width joiners inside it (emoji, scripts that need them) are kept', async () => {
    const created = await client.post('/api/workspaces', { name: '  ГТГ 👩‍💻 наставников  ' });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('ГТГ 👩‍💻 наставников');
    const persian = await client.post(`/api/workspaces/${workspace.id}/organisations`, { name: 'می‌خواهم' });
    expect(persian.status).toBe(201);
  });
});
