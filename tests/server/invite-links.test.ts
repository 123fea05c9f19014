// Rule U4: invite links are single-use unless made multi-use with a cap, are revoked when their creator
// loses the right to hand out their role, and a link that raises a member's role reaches their live
// connections at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '@soplan/server/db/migrations.ts';
import { CLOSE } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor, type SyncClient } from '../helpers/sync-client.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

// A server per group of tests: every sign-up of this process comes from one address, and each server
// admits 20 of them an hour (U3).
const [capped, authority, raised] = [await newServer(), await newServer(), await newServer()];
const open = trackedClients();

/** The code the connection closes with next, or -1 when it stays open for 5 s. */
const closeCodeOf = (client: SyncClient) =>
  new Promise<number>((resolve) => {
    client.provider.on('connection-close', (event) => resolve(event?.code ?? 0));
    setTimeout(() => resolve(-1), 5000);
  });

describe('single-use and capped invite links', () => {
  it('[U4] a link admits one person; the next is refused with invite_used_up (410), and the link leaves the list', async () => {
    const { owner, id } = await newWorkspace(capped);
    const invite = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'editor' })).body;
    expect(invite).toMatchObject({ maxUses: 1, uses: 0 });
    const first = await signedUp(capped.client());
    expect((await first.client.post(`/api/invites/${invite.token}/accept`)).status).toBe(200);
    const second = await signedUp(capped.client());
    const refused = await second.client.post(`/api/invites/${invite.token}/accept`);
    expect(refused.status).toBe(410);
    expect(refused.body.error.code).toBe('invite_used_up');
    expect((await capped.client().get(`/api/invites/${invite.token}`)).body.error.code).toBe('invite_used_up');
    expect((await second.client.get(`/api/workspaces/${id}`)).status).toBe(404);
    expect((await owner.client.get(`/api/workspaces/${id}/invites`)).body).toEqual([]);
  });

  it('[U4] a multi-use link admits up to maxUses people and the list shows how many it has admitted', async () => {
    const { owner, id } = await newWorkspace(capped);
    const invite = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer', maxUses: 3 })).body;
    for (let i = 0; i < 3; i++) {
      const person = await signedUp(capped.client());
      expect((await person.client.post(`/api/invites/${invite.token}/accept`)).body.role).toBe('viewer');
      if (i === 0) expect((await owner.client.get(`/api/workspaces/${id}/invites`)).body).toMatchObject([{ id: invite.id, maxUses: 3, uses: 1 }]);
    }
    const late = await signedUp(capped.client());
    expect((await late.client.post(`/api/invites/${invite.token}/accept`)).status).toBe(410);
    expect((await owner.client.get(`/api/workspaces/${id}/members`)).body).toHaveLength(4);
  });

  it('[U4] maxUses is a whole number from 1 to 500', async () => {
    const { owner, id } = await newWorkspace(capped);
    for (const [maxUses, code] of [
      [0, 'too_small'],
      [501, 'too_big'],
      [2.5, 'not_integer'],
      ['5', 'invalid_type'],
    ] as const) {
      const res = await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer', maxUses });
      expect(res.status).toBe(400);
      expect(res.body.error.issues).toMatchObject([{ path: 'maxUses', code }]);
    }
    expect((await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer', maxUses: 500 })).status).toBe(201);
    expect((await owner.client.get(`/api/workspaces/${id}/invites`)).body).toHaveLength(1);
  });

  it('[U4] a member who already has the role keeps it, and the link keeps its use', async () => {
    const { owner, id } = await newWorkspace(capped);
    const editor = await joinWithRole(capped, owner.client, id, 'editor');
    const invite = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer' })).body;
    expect((await editor.client.post(`/api/invites/${invite.token}/accept`)).body.role).toBe('editor');
    expect((await owner.client.post(`/api/invites/${invite.token}/accept`)).body.role).toBe('owner');
    const newcomer = await signedUp(capped.client());
    expect((await newcomer.client.post(`/api/invites/${invite.token}/accept`)).body.role).toBe('viewer');
  });
});

describe("invite links end with their creator's authority", () => {
  it('[U4] a coordinator demoted to viewer cannot re-join as coordinator with a link they made, nor can anyone else', async () => {
    const { owner, id } = await newWorkspace(authority);
    const coordinator = await joinWithRole(authority, owner.client, id, 'coordinator');
    const link = (await coordinator.client.post(`/api/workspaces/${id}/invites`, { role: 'coordinator', maxUses: 5 })).body;
    expect((await owner.client.patch(`/api/workspaces/${id}/members/${coordinator.user.id}`, { role: 'viewer' })).status).toBe(200);

    const own = await coordinator.client.post(`/api/invites/${link.token}/accept`);
    expect(own.status).toBe(404);
    expect(own.body.error.code).toBe('invite_invalid');
    expect((await coordinator.client.get(`/api/workspaces/${id}`)).body.role).toBe('viewer');
    const stranger = await signedUp(authority.client());
    expect((await stranger.client.post(`/api/invites/${link.token}/accept`)).status).toBe(404);
    expect((await owner.client.get(`/api/workspaces/${id}/invites`)).body).toEqual([]);
  });

  it("[U4] a removed coordinator's links are revoked; so are those of one who leaves", async () => {
    const { owner, id } = await newWorkspace(authority);
    const removed = await joinWithRole(authority, owner.client, id, 'coordinator');
    const leaver = await joinWithRole(authority, owner.client, id, 'coordinator');
    const removedLink = (await removed.client.post(`/api/workspaces/${id}/invites`, { role: 'editor', maxUses: 5 })).body;
    const leaverLink = (await leaver.client.post(`/api/workspaces/${id}/invites`, { role: 'editor', maxUses: 5 })).body;
    const ownersLink = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'editor', maxUses: 5 })).body;
    expect((await owner.client.delete(`/api/workspaces/${id}/members/${removed.user.id}`)).status).toBe(204);
    expect((await leaver.client.delete(`/api/workspaces/${id}/members/${leaver.user.id}`)).status).toBe(204);

    expect((await removed.client.post(`/api/invites/${removedLink.token}/accept`)).status).toBe(404);
    expect((await removed.client.get(`/api/workspaces/${id}`)).status).toBe(404);
    expect((await leaver.client.post(`/api/invites/${leaverLink.token}/accept`)).status).toBe(404);
    expect((await owner.client.get(`/api/workspaces/${id}/invites`)).body.map((i: { id: string }) => i.id)).toEqual([ownersLink.id]);
  });

  it('[U4] an owner demoted to coordinator keeps the links they may still hand out and loses the owner ones', async () => {
    const { owner, id } = await newWorkspace(authority);
    const second = await joinWithRole(authority, owner.client, id, 'owner');
    const ownerLink = (await second.client.post(`/api/workspaces/${id}/invites`, { role: 'owner' })).body;
    const editorLink = (await second.client.post(`/api/workspaces/${id}/invites`, { role: 'editor' })).body;
    expect((await owner.client.patch(`/api/workspaces/${id}/members/${second.user.id}`, { role: 'coordinator' })).status).toBe(200);
    expect((await owner.client.get(`/api/workspaces/${id}/invites`)).body.map((i: { id: string }) => i.id)).toEqual([editorLink.id]);
    const person = await signedUp(authority.client());
    expect((await person.client.post(`/api/invites/${ownerLink.token}/accept`)).status).toBe(404);
    expect((await person.client.post(`/api/invites/${editorLink.token}/accept`)).body.role).toBe('editor');
  });

  it('[U4] migration 7 makes old links single-use and revokes those whose creator may no longer hand them out', () => {
    const db = new Database(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-mig7-')), 'db.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 7),
    );
    db.exec(`
      INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('c', 'c@x.test', 'C', 'x', 0), ('v', 'v@x.test', 'V', 'x', 0);
      INSERT INTO workspaces (id, name, created_by, created_at) VALUES ('w', 'W', 'c', 0);
      INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES ('w', 'c', 'coordinator', 0), ('w', 'v', 'viewer', 0);
      INSERT INTO invites (id, workspace_id, token_hash, role, created_by, created_at, expires_at, revoked_at) VALUES
        ('by-coordinator', 'w', 'h1', 'editor', 'c', 0, 9e15, NULL),
        ('owner-by-coordinator', 'w', 'h2', 'owner', 'c', 0, 9e15, NULL),
        ('by-demoted', 'w', 'h3', 'coordinator', 'v', 0, 9e15, NULL);
    `);
    migrate(db);
    const rows = db.prepare('SELECT id, max_uses, uses, revoked_at IS NOT NULL AS revoked FROM invites ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'by-coordinator', max_uses: 1, uses: 0, revoked: 0 },
      { id: 'by-demoted', max_uses: 1, uses: 0, revoked: 1 },
      { id: 'owner-by-coordinator', max_uses: 1, uses: 0, revoked: 1 },
    ]);
    db.close();
  });
});

describe("an invite that raises a member's role reaches their live connections", () => {
  it('[U4] [S5] a connected viewer accepts an editor link: their /sync connection closes with 4509, reconnects and can edit', async () => {
    const { owner, id } = await newWorkspace(raised);
    const board = (await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: 'Дорожная карта' })).body;
    const coordinator = await joinWithRole(raised, owner.client, id, 'coordinator');
    const viewer = await joinWithRole(raised, owner.client, id, 'viewer');
    const viewerToken = (await viewer.client.post('/api/tokens', { name: 'sync' })).body.token;
    const ownerToken = (await owner.client.post('/api/tokens', { name: 'sync' })).body.token;
    const watcher = open(raised.url, board.id, { token: ownerToken });
    const conn = open(raised.url, board.id, { token: viewerToken });
    await watcher.synced();
    await conn.synced();

    const code = closeCodeOf(conn);
    const link = (await coordinator.client.post(`/api/workspaces/${id}/invites`, { role: 'editor' })).body;
    expect((await viewer.client.post(`/api/invites/${link.token}/accept`)).body.role).toBe('editor');
    expect(await code).toBe(CLOSE.authorizationChanged.code);

    await waitFor(() => conn.provider.wsconnected && conn.provider.synced, 5000, 'reconnect');
    conn.doc.getMap('items').set('from-the-new-editor', 'правка');
    await waitFor(() => watcher.doc.getMap('items').get('from-the-new-editor') === 'правка', 5000, 'the edit to arrive');
  });
});
