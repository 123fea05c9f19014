import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { rawSocket } from '../helpers/sync-client.ts';

const server = await newServer();
const { boardId, owner, people } = await boardWithPeople(server, ['editor']);
const cookie = `soplan_session=${people.editor!.client.sessionCookie}`;

async function expectRefused(path: string, headers: Record<string, string>, status: number) {
  const res = await rawSocket(server.url, path, headers);
  expect(res.status).toBe(status);
  if ('body' in res) expect(JSON.parse(res.body).error.code).toEqual(expect.any(String));
  if ('ws' in res) res.ws.close();
}

describe('authentication before the upgrade', () => {
  it('[S1] no credential → 401', () => expectRefused(`/sync/${boardId}`, {}, 401));

  it('[S1] a forged token → 401', () => expectRefused(`/sync/${boardId}?token=spt_forgedforgedforgedforgedforged12`, {}, 401));

  it('[S1] a revoked token → 401', async () => {
    const { id, token } = (await owner.client.post('/api/tokens', { name: 'soon revoked' })).body;
    await owner.client.delete(`/api/tokens/${id}`);
    await expectRefused(`/sync/${boardId}?token=${token}`, {}, 401);
  });

  it('[S1] a logged-out session → 401', async () => {
    const { client } = await signedUp(server.client());
    const stale = `soplan_session=${client.sessionCookie}`;
    await client.post('/api/auth/logout');
    await expectRefused(`/sync/${boardId}`, { cookie: stale, origin: server.url }, 401);
  });

  it('[S2] a foreign Origin → 403, even with a valid token', async () => {
    await expectRefused(`/sync/${boardId}?token=${owner.token}`, { origin: 'https://evil.example' }, 403);
    await expectRefused(`/sync/${boardId}`, { cookie, origin: 'https://evil.example' }, 403);
  });

  it('[S2] a cookie without an Origin → 403', () => expectRefused(`/sync/${boardId}`, { cookie }, 403));

  it('[S2] a valid token without an Origin (a script) is let in', async () => {
    const res = await rawSocket(server.url, `/sync/${boardId}?token=${owner.token}`);
    expect(res.status).toBe(101);
    if ('ws' in res) res.ws.close();
  });

  it('[S3] a board that does not exist → 404', () => expectRefused(`/sync/nosuchboard?token=${owner.token}`, {}, 404));

  it('[S3] a board of a workspace the user is not in → 404', async () => {
    const { client } = await signedUp(server.client());
    const { token } = (await client.post('/api/tokens', { name: 'outsider' })).body;
    await expectRefused(`/sync/${boardId}?token=${token}`, {}, 404);
  });

  it('only /sync/:boardId upgrades; other paths are dropped', async () => {
    await expect(rawSocket(server.url, `/api/health?token=${owner.token}`)).rejects.toThrow();
  });
});
