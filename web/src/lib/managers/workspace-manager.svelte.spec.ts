// The workspace page's manager against a real server: each concern is read once, when first asked;
// every change takes the server's answer as the state; a refusal stays with its concern and changes
// nothing shown.
import { describe, expect, it } from 'vitest';
import { signedUp } from '../../../../tests/helpers/http-client.ts';
import { newServer } from '../../../../tests/helpers/server.ts';
import { openPage, pageRequests } from '../../../../tests/helpers/web-page.ts';
import { joinWithRole, newWorkspace } from '../../../../tests/helpers/workspace.ts';
import { t } from '../i18n/i18n.svelte.ts';
import { session } from './session-manager.svelte.ts';
import { WorkspaceManager, type WorkspaceConcern } from './workspace-manager.svelte.ts';

const server = await newServer();

const CONCERNS: WorkspaceConcern[] = ['workspace', 'boards', 'members', 'invites', 'organisations', 'forms', 'documents'];

/** The owner's page of a new workspace with one board. */
async function ownersPage() {
  const { owner, id } = await newWorkspace(server);
  await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: 'Дорожная карта 2025–2026' });
  openPage(server, owner.client);
  return { owner, id, manager: new WorkspaceManager(id) };
}

describe('reading', () => {
  it('reads a concern when a panel first asks, once, and keeps it while others are read', async () => {
    const { owner, id, manager } = await ownersPage();
    expect(manager.loaded('boards')).toBe(false);
    expect(manager.boards).toEqual([]);
    // two panels asking at once share one read
    expect(manager.load('boards')).toBe(manager.load('boards'));
    await manager.load('boards');
    expect(manager.loaded('boards')).toBe(true);
    expect(manager.boards.map((b) => b.title)).toEqual(['Дорожная карта 2025–2026']);

    // Changed elsewhere: asking again (the boards tab shown again) reads nothing.
    await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'programme', title: 'Программа' });
    await manager.load('members');
    await manager.load('boards');
    expect(manager.boards.map((b) => b.title)).toEqual(['Дорожная карта 2025–2026']);
    expect(pageRequests().filter((r) => r.includes('/boards'))).toEqual([`GET /api/workspaces/${id}/boards?archived=1`]);
    expect(manager.members.map((m) => m.role)).toEqual(['owner']);
    // nothing else was read for it
    expect(manager.loaded('organisations')).toBe(false);
  });

  it('reads every concern the panels show', async () => {
    const { id, manager } = await ownersPage();
    await Promise.all(CONCERNS.map((c) => manager.load(c)));
    expect(CONCERNS.filter((c) => !manager.loaded(c))).toEqual([]);
    expect(manager.workspace).toMatchObject({ id, role: 'owner' });
    expect(manager.forms.length).toBeGreaterThan(0);
    expect(manager.documentSettings?.fontFamily).toBe('Times New Roman');
    expect(manager.invites).toEqual([]);
    expect(manager.organisations).toEqual([]);
  });

  it("a refused read is its concern's error only, and is read again at the next ask", async () => {
    const { owner, id } = await newWorkspace(server);
    const stranger = await signedUp(server.client(), 'Пока посторонний');
    openPage(server, stranger.client);
    const manager = new WorkspaceManager(id);
    await manager.load('workspace');
    expect(manager.loaded('workspace')).toBe(false);
    expect(manager.workspace).toBeNull();
    expect(manager.error('workspace')).toBe(t('error.not_found'));
    expect(CONCERNS.filter((c) => manager.error(c) !== '')).toEqual(['workspace']);

    // let in, the same manager reads it on the next ask
    const invite = await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer' });
    await stranger.client.post(`/api/invites/${invite.body.token}/accept`);
    await manager.load('workspace');
    expect(manager.workspace).toMatchObject({ id, role: 'viewer' });
    expect(manager.error('workspace')).toBe('');
  });
});

describe('changes take the server’s answer', () => {
  it('renames the workspace', async () => {
    const { manager } = await ownersPage();
    await manager.load('workspace');
    expect(await manager.rename('  Методический совет  ')).toBe(true);
    // the server trims the name: what is shown is what it kept
    expect(manager.workspace?.name).toBe('Методический совет');
  });

  it('creates, copies and updates boards', async () => {
    const { manager } = await ownersPage();
    await manager.load('boards');
    const source = manager.boards[0]!;

    const created = await manager.createBoard('plan-graph', 'План-график');
    expect(created).toMatchObject({ kind: 'plan-graph', title: 'План-график', archived: false });
    const copy = await manager.copyBoard({ from: source.id, title: 'Дорожная карта 2026–2027', shiftYears: 1, resetStatus: true });
    expect(copy).toMatchObject({ kind: 'roadmap', title: 'Дорожная карта 2026–2027' });
    expect(manager.boards.map((b) => b.id)).toEqual([source.id, created!.id, copy!.id]);

    expect(await manager.updateBoard(source.id, { archived: true })).toBe(true);
    expect(await manager.updateBoard(created!.id, { title: '  План-график на год ', template: true })).toBe(true);
    expect(manager.boards.find((b) => b.id === source.id)?.archived).toBe(true);
    expect(manager.boards.find((b) => b.id === created!.id)).toMatchObject({ title: 'План-график на год', template: true });
  });

  it('adds and removes organisations', async () => {
    const { manager } = await ownersPage();
    await manager.load('organisations');
    expect(await manager.createOrganisation({ name: ' МДОУ «Детский сад № 8» ', kind: 'kindergarten', partner: false })).toBe(true);
    expect(await manager.createOrganisation({ name: 'ЯГПУ', kind: 'university', partner: true })).toBe(true);
    expect(manager.organisations.map((o) => [o.name, o.kind, o.partner])).toEqual([
      ['МДОУ «Детский сад № 8»', 'kindergarten', false],
      ['ЯГПУ', 'university', true],
    ]);
    expect(await manager.deleteOrganisation(manager.organisations[0]!.id)).toBe(true);
    expect(manager.organisations.map((o) => o.name)).toEqual(['ЯГПУ']);
  });

  it('sets the event forms and the document settings', async () => {
    const { manager } = await ownersPage();
    await manager.load('forms');
    await manager.load('documents');
    expect(await manager.setForms(['Семинар', ' Круглый стол '])).toBe(true);
    expect(manager.forms).toEqual(['Семинар', 'Круглый стол']);
    expect(await manager.addForm('Мастер-класс')).toBe(true);
    expect(manager.forms).toEqual(['Семинар', 'Круглый стол', 'Мастер-класс']);

    const settings = { ...manager.documentSettings!, fontFamily: ' PT Astra Serif ', marginLeftMm: 25 };
    expect(await manager.setDocumentSettings(settings)).toBe(true);
    expect(manager.documentSettings).toMatchObject({ fontFamily: 'PT Astra Serif', marginLeftMm: 25 });
  });

  it('creates and revokes invite links: the token is handed back once, never listed', async () => {
    const { manager } = await ownersPage();
    await manager.load('invites');
    const token = await manager.createInvite('editor', 3);
    expect(token).toMatch(/.{16,}/);
    expect(manager.invites).toHaveLength(1);
    expect(manager.invites[0]).toMatchObject({ role: 'editor', maxUses: 3, uses: 0 });
    expect(manager.invites[0]).not.toHaveProperty('token');
    expect(await manager.revokeInvite(manager.invites[0]!.id)).toBe(true);
    expect(manager.invites).toEqual([]);
  });

  it('a lower role or a removal re-reads the invite links the server revoked with it', async () => {
    const { owner, id, manager } = await ownersPage();
    const coordinator = await joinWithRole(server, owner.client, id, 'coordinator');
    const editor = await joinWithRole(server, owner.client, id, 'editor');
    await coordinator.client.post(`/api/workspaces/${id}/invites`, { role: 'editor' });
    await manager.load('members');
    await manager.load('invites');
    expect(manager.invites).toHaveLength(1);

    expect(await manager.setRole(coordinator.user.id, 'editor')).toBe(true);
    expect(manager.members.find((m) => m.userId === coordinator.user.id)?.role).toBe('editor');
    expect(manager.invites).toEqual([]);

    expect(await manager.removeMember(editor.user.id)).toBe(true);
    expect(manager.members.map((m) => m.userId).sort()).toEqual([owner.user.id, coordinator.user.id].sort());
  });

  it('leaves the workspace as the signed-in person', async () => {
    const { owner, id } = await newWorkspace(server);
    const editor = await joinWithRole(server, owner.client, id, 'editor');
    openPage(server, editor.client);
    await session.load();
    const manager = new WorkspaceManager(id);
    await manager.load('members');
    expect(await manager.leave()).toBe(true);
    expect(manager.members.map((m) => m.userId)).toEqual([owner.user.id]);
    expect((await editor.client.get(`/api/workspaces/${id}`)).status).toBe(404);
    session.reset();
  });
});

describe('a refusal stays with its concern', () => {
  it('a viewer may change nothing: each refusal is worded for its own panel, and nothing shown changes', async () => {
    const { owner, id } = await newWorkspace(server);
    await owner.client.post(`/api/workspaces/${id}/organisations`, { name: 'МОУ СШ № 2', kind: 'school' });
    const viewer = await joinWithRole(server, owner.client, id, 'viewer');
    openPage(server, viewer.client);
    const manager = new WorkspaceManager(id);
    await Promise.all((['workspace', 'boards', 'organisations', 'forms', 'documents'] as const).map((c) => manager.load(c)));
    const before = {
      workspace: manager.workspace,
      organisations: manager.organisations,
      forms: manager.forms,
      documents: manager.documentSettings,
      boards: manager.boards,
    };

    expect(await manager.createOrganisation({ name: 'ЯГПУ', kind: 'university', partner: true })).toBe(false);
    expect(manager.error('organisations')).toBe(t('error.forbidden'));
    expect(CONCERNS.filter((c) => manager.error(c) !== '')).toEqual(['organisations']);

    expect(await manager.deleteOrganisation(manager.organisations[0]!.id)).toBe(false);
    expect(await manager.setForms(['Семинар'])).toBe(false);
    expect(await manager.setDocumentSettings({ ...manager.documentSettings!, marginLeftMm: 20 })).toBe(false);
    expect(await manager.rename('Чужое имя')).toBe(false);
    expect(await manager.createBoard('roadmap', 'Не моя доска')).toBeNull();
    expect(CONCERNS.filter((c) => manager.error(c) !== '')).toEqual(['workspace', 'boards', 'organisations', 'forms', 'documents']);
    expect({
      workspace: manager.workspace,
      organisations: manager.organisations,
      forms: manager.forms,
      documents: manager.documentSettings,
      boards: manager.boards,
    }).toEqual(before);
    expect((await owner.client.get(`/api/workspaces/${id}/organisations`)).body).toHaveLength(1);
  });

  it('a field the server refuses is named with the label its panel shows; the next change clears the error', async () => {
    const { manager } = await ownersPage();
    await manager.load('organisations');
    expect(await manager.createOrganisation({ name: '   ', kind: 'school', partner: false })).toBe(false);
    expect(manager.error('organisations')).toContain(t('orgs.name'));
    expect(manager.organisations).toEqual([]);
    expect(await manager.createOrganisation({ name: 'МОУ СШ № 2', kind: 'school', partner: false })).toBe(true);
    expect(manager.error('organisations')).toBe('');
  });

  it('a form already in the list is refused before it is sent', async () => {
    const { manager } = await ownersPage();
    await manager.load('forms');
    await manager.setForms(['Семинар']);
    expect(await manager.addForm('семинар')).toBe(false);
    expect(manager.error('forms')).toBe(t('forms.duplicate', { name: 'семинар' }));
    expect(manager.forms).toEqual(['Семинар']);
  });

  it('a change on its way is marked as saving for its concern only', async () => {
    const { manager } = await ownersPage();
    await manager.load('documents');
    const saving = manager.setDocumentSettings({ ...manager.documentSettings!, marginTopMm: 15 });
    expect(manager.isSaving('documents')).toBe(true);
    expect(manager.isSaving('forms')).toBe(false);
    await saving;
    expect(manager.isSaving('documents')).toBe(false);
  });
});
