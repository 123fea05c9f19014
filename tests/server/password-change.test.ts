// Rule U2: a password change needs the person (a session, not an API token), goes through the login
// limits, and may revoke every API token of the account, closing the live connections opened with them.
import { CLOSE } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor, type SyncClient } from '../helpers/sync-client.ts';

// One server per test that spends the per-IP budget, which every request of this process shares.
const server = await newServer();
const ipServer = await newServer();
const open = trackedClients();

/** The code the connection closes with next, or -1 when it stays open for 5 s. */
const closeCodeOf = (client: SyncClient) =>
  new Promise<number>((resolve) => {
    client.provider.on('connection-close', (event) => resolve(event?.code ?? 0));
    setTimeout(() => resolve(-1), 5000);
  });

describe('password change', () => {
  it('[U2] is refused to an API token alone (403 session_required) and changes nothing', async () => {
    const { client, email, password } = await signedUp(server.client());
    const { token } = (await client.post('/api/tokens', { name: 'скрипт' })).body;
    const res = await server.client().post('/api/me/password', { currentPassword: password, newPassword: 'taken over by a script' }, { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('session_required');
    expect(res.body.error.message).toMatch(/session/);
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
  });

  it('[U2] wrong current passwords count against the account before they are checked, and lock out login too', async () => {
    const { client, email, password } = await signedUp(server.client());
    const replies = await Promise.all(
      Array.from({ length: 15 }, (_, i) => client.post('/api/me/password', { currentPassword: `wrong ${i} password`, newPassword: 'a brand new pass' })),
    );
    const checked = replies.filter((r) => r.status === 401);
    expect(checked.length).toBeLessThanOrEqual(10);
    for (const r of checked) expect(r.body.error.code).toBe('current_password_wrong');
    for (const r of replies.filter((x) => x.status !== 401)) {
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await client.post('/api/me/password', { currentPassword: password, newPassword: 'a brand new pass' })).status).toBe(429);
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(429);
  });

  it('[U2] a new password equal to the current one is 400 password_unchanged and ends no session', async () => {
    const { client, email, password } = await signedUp(server.client());
    const other = server.client();
    expect((await other.post('/api/auth/login', { email, password })).status).toBe(200);
    const res = await client.post('/api/me/password', { currentPassword: password, newPassword: password });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('password_unchanged');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await other.get('/api/me')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('[U2] counts against the IP: after 30 attempts from one address a password change is 429', async () => {
    const { client, password } = await signedUp(ipServer.client());
    for (let i = 0; i < 30; i++) await ipServer.client().post('/api/auth/login', { email: `nobody${i}@example.test`, password: 'whatever123' });
    const res = await client.post('/api/me/password', { currentPassword: password, newPassword: 'a brand new pass' });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
  });

  it('[U2] [S5] with revokeApiTokens every token of the account stops working and its /sync connections close with 4403', async () => {
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const editor = people.editor!;
    const second = (await editor.client.post('/api/tokens', { name: 'второй' })).body;
    const conn = open(server.url, boardId, { token: editor.token });
    await conn.synced();
    const code = closeCodeOf(conn);
    const res = await editor.client.post('/api/me/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new pass',
      revokeApiTokens: true,
    });
    expect(res.status).toBe(204);
    expect((await server.client().get('/api/me', { token: editor.token })).status).toBe(401);
    expect((await server.client().get('/api/me', { token: second.token })).status).toBe(401);
    expect((await editor.client.get('/api/tokens')).body).toEqual([]);
    expect((await editor.client.get('/api/me')).status).toBe(200);
    expect(await code).toBe(CLOSE.accessRevoked.code);
  });

  it('[U2] without revokeApiTokens the tokens keep working and their connections stay open', async () => {
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const editor = people.editor!;
    const conn = open(server.url, boardId, { token: editor.token });
    await conn.synced();
    let closedWith = 0;
    conn.provider.on('connection-close', (event) => (closedWith = event?.code ?? -1));
    expect((await editor.client.post('/api/me/password', { currentPassword: 'correct horse battery', newPassword: 'a brand new pass' })).status).toBe(204);
    expect((await server.client().get('/api/me', { token: editor.token })).status).toBe(200);
    // A later edit still arrives over the same connection: it was never closed.
    const owner = open(server.url, boardId, { token: people.owner!.token });
    await owner.synced();
    conn.doc.getMap('probe').set('after', 1);
    await waitFor(() => owner.doc.getMap('probe').get('after') === 1);
    expect(closedWith).toBe(0);
  });
});
