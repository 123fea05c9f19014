import {
  createInviteBody,
  createOrganisationBody,
  createWorkspaceBody,
  documentSettingsJson,
  updateMemberBody,
  updateEventFormsBody,
  updateOrganisationBody,
  updateWorkspaceBody,
} from '@soplan/shared';
import { Hono } from 'hono';
import * as ws from '../../workspaces/index.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readImport } from '../import-request.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

export function workspaceRoutes({ db, events, exchange }: Deps) {
  const uid = (c: Parameters<typeof requireUser>[0]) => requireUser(c).user.id;
  return new Hono<AppEnv>()
    .get('/workspaces', (c) => c.json(ws.listWorkspaces(db, uid(c))))
    .post('/workspaces', async (c) => {
      const userId = uid(c);
      const { name } = await readJson(c, createWorkspaceBody);
      return c.json(ws.createWorkspace(db, userId, name), 201);
    })
    .get('/workspaces/:id', (c) => c.json(ws.getWorkspace(db, uid(c), c.req.param('id'))))
    .patch('/workspaces/:id', async (c) => {
      const userId = uid(c);
      const { name } = await readJson(c, updateWorkspaceBody);
      return c.json(ws.renameWorkspace(db, userId, c.req.param('id'), name));
    })
    .get('/workspaces/:id/members', (c) => c.json(ws.listMembers(db, uid(c), c.req.param('id'))))
    .patch('/workspaces/:id/members/:userId', async (c) => {
      const userId = uid(c);
      const { role } = await readJson(c, updateMemberBody);
      return c.json(ws.changeMemberRole(db, events, userId, c.req.param('id'), c.req.param('userId'), role));
    })
    .delete('/workspaces/:id/members/:userId', (c) => {
      ws.removeMember(db, events, uid(c), c.req.param('id'), c.req.param('userId'));
      return c.body(null, 204);
    })
    .get('/workspaces/:id/organisations', (c) => c.json(ws.listOrganisations(db, uid(c), c.req.param('id'))))
    .post('/workspaces/:id/organisations', async (c) => {
      const userId = uid(c);
      const body = await readJson(c, createOrganisationBody);
      return c.json(ws.createOrganisation(db, userId, c.req.param('id'), body), 201);
    })
    .patch('/workspaces/:id/organisations/:orgId', async (c) => {
      const userId = uid(c);
      const body = await readJson(c, updateOrganisationBody);
      return c.json(ws.updateOrganisation(db, userId, c.req.param('id'), c.req.param('orgId'), body));
    })
    .delete('/workspaces/:id/organisations/:orgId', (c) => {
      ws.deleteOrganisation(db, uid(c), c.req.param('id'), c.req.param('orgId'));
      return c.body(null, 204);
    })
    .get('/workspaces/:id/event-forms', (c) => c.json(ws.listEventForms(db, uid(c), c.req.param('id'))))
    .put('/workspaces/:id/event-forms', async (c) => {
      const userId = uid(c);
      const { forms } = await readJson(c, updateEventFormsBody);
      return c.json(ws.setEventForms(db, userId, c.req.param('id'), forms));
    })
    .get('/workspaces/:id/document-settings', (c) => c.json(ws.getDocumentSettings(db, uid(c), c.req.param('id'))))
    .put('/workspaces/:id/document-settings', async (c) => {
      const userId = uid(c);
      const settings = await readJson(c, documentSettingsJson);
      return c.json(ws.setDocumentSettings(db, userId, c.req.param('id'), settings));
    })
    .get('/workspaces/:id/invites', (c) => c.json(ws.listInvites(db, uid(c), c.req.param('id'))))
    .post('/workspaces/:id/invites', async (c) => {
      const userId = uid(c);
      const body = await readJson(c, createInviteBody);
      return c.json(ws.createInvite(db, userId, c.req.param('id'), body), 201);
    })
    .delete('/workspaces/:id/invites/:inviteId', (c) => {
      ws.revokeInvite(db, uid(c), c.req.param('id'), c.req.param('inviteId'));
      return c.body(null, 204);
    })
    .get('/invites/:token', (c) => c.json(ws.previewInvite(db, c.req.param('token'))))
    .post('/invites/:token/accept', (c) => c.json(ws.acceptInvite(db, events, uid(c), c.req.param('token'))))
    .get('/workspaces/:id/boards', (c) =>
      c.json(ws.listBoards(db, uid(c), c.req.param('id'), c.req.query('archived') === '1' || c.req.query('archived') === 'true')),
    )
    .post('/workspaces/:id/boards', async (c) => {
      const userId = uid(c);
      // Who may create boards is checked before the body (up to 20 MiB) is read; reading and building it run off the event loop.
      const ticket = exchange.admit(userId, c.req.param('id'));
      try {
        return c.json(await exchange.createBoard(userId, c.req.param('id'), await c.req.text(), ticket), 201);
      } finally {
        ticket();
      }
    })
    .post('/workspaces/:id/imports', async (c) => {
      const userId = uid(c);
      const ticket = exchange.admit(userId, c.req.param('id'));
      try {
        const { input, options } = await readImport(c);
        const started = performance.now();
        const preview = await exchange.preview(userId, c.req.param('id'), input, options, ticket);
        c.header('server-timing', `import;dur=${(performance.now() - started).toFixed(1)}`);
        return c.body(preview, 200, { 'content-type': 'application/json; charset=UTF-8' });
      } finally {
        ticket();
      }
    });
}
