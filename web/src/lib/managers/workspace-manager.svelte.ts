// What the workspace page shows, one manager per page: the workspace, its boards, members, invite
// links, organisations, event forms and document settings. Each is read when a panel first asks
// and kept, so switching tabs asks the server nothing again; every change goes through a method
// that takes the server's answer as the new state. A failure stays with its concern (the members
// panel does not show the boards' error) and changes nothing of what is shown.
import type { BoardDto, BoardKind, DocumentSettings, InviteDto, MemberDto, OrganisationDto, OrganisationKind, Role, WorkspaceDto } from '@soplan/shared';
import { untrack } from 'svelte';
import { api, type BoardCopy } from '../api.ts';
import { errorMessage, type FieldLabels } from '../errors.ts';
import { t } from '../i18n/i18n.svelte.ts';
import { session } from './session-manager.svelte.ts';

/** What a panel reads and changes; each has its own error. */
export type WorkspaceConcern = 'workspace' | 'boards' | 'members' | 'invites' | 'organisations' | 'forms' | 'documents';

export type BoardPatch = { title?: string; archived?: boolean; template?: boolean };

export class WorkspaceManager {
  readonly #id: string;
  #workspace = $state.raw<WorkspaceDto | null>(null);
  #boards = $state.raw<BoardDto[]>([]);
  #members = $state.raw<MemberDto[]>([]);
  #invites = $state.raw<InviteDto[]>([]);
  #organisations = $state.raw<OrganisationDto[]>([]);
  #forms = $state.raw<string[]>([]);
  #documents = $state.raw<DocumentSettings | null>(null);
  #loaded = $state.raw<ReadonlySet<WorkspaceConcern>>(new Set());
  #errors = $state.raw<Partial<Record<WorkspaceConcern, string>>>({});
  /** Changes on their way, by concern (a form is disabled while its change is saved). */
  #saving = $state.raw<Partial<Record<WorkspaceConcern, number>>>({});
  /** Reads on their way or done: a concern is read once however often panels ask. */
  readonly #reads = new Map<WorkspaceConcern, Promise<void>>();
  /** The newest read of each concern: an older answer never replaces a newer one. */
  readonly #latest = new Map<WorkspaceConcern, number>();

  constructor(workspaceId: string) {
    this.#id = workspaceId;
  }

  get workspace(): WorkspaceDto | null {
    return this.#workspace;
  }
  /** Active and archived boards alike (an archived one is a source for a copy). */
  get boards(): BoardDto[] {
    return this.#boards;
  }
  get members(): MemberDto[] {
    return this.#members;
  }
  get invites(): InviteDto[] {
    return this.#invites;
  }
  get organisations(): OrganisationDto[] {
    return this.#organisations;
  }
  get forms(): string[] {
    return this.#forms;
  }
  get documentSettings(): DocumentSettings | null {
    return this.#documents;
  }
  loaded(concern: WorkspaceConcern): boolean {
    return this.#loaded.has(concern);
  }
  /** The last failure of this concern, worded; '' once its next read or change starts. */
  error(concern: WorkspaceConcern): string {
    return this.#errors[concern] ?? '';
  }
  isSaving(concern: WorkspaceConcern): boolean {
    return (this.#saving[concern] ?? 0) > 0;
  }

  /**
   * Reads a concern the first time it is asked for; a failed read is tried again at the next ask.
   * Panels ask from an effect: untracked, so that the state the read sets does not run it again.
   */
  load(concern: WorkspaceConcern): Promise<void> {
    return untrack(() => {
      let read = this.#reads.get(concern);
      if (!read) {
        read = this.#read(concern);
        this.#reads.set(concern, read);
      }
      return read;
    });
  }

  async rename(name: string): Promise<boolean> {
    const done = await this.#act('workspace', () => api.renameWorkspace(this.#id, name), { name: t('workspace.nameLabel') });
    if (done) this.#workspace = done.answer;
    return done !== null;
  }

  /** An empty board; null when refused. */
  createBoard(kind: BoardKind, title: string): Promise<BoardDto | null> {
    return this.#addBoard(() => api.createBoard(this.#id, kind, title));
  }

  /** A board copied from another (dates shifted, statuses reset); null when refused. */
  copyBoard(copy: BoardCopy): Promise<BoardDto | null> {
    return this.#addBoard(() => api.copyBoard(this.#id, copy));
  }

  async updateBoard(boardId: string, patch: BoardPatch): Promise<boolean> {
    const done = await this.#act('boards', () => api.updateBoard(boardId, patch), { title: t('boards.create.titleLabel') });
    if (done) this.#boards = this.#boards.map((b) => (b.id === done.answer.id ? done.answer : b));
    return done !== null;
  }

  async setRole(userId: string, role: Role): Promise<boolean> {
    const done = await this.#act('members', () => api.setMemberRole(this.#id, userId, role));
    if (!done) return false;
    this.#members = this.#members.map((m) => (m.userId === done.answer.userId ? done.answer : m));
    // A lower role revokes the links that member made and may no longer hand out.
    await this.#reread('invites');
    return true;
  }

  async removeMember(userId: string): Promise<boolean> {
    const done = await this.#act('members', () => api.removeMember(this.#id, userId));
    if (!done) return false;
    this.#members = this.#members.filter((m) => m.userId !== userId);
    // The links the removed member made are revoked with them.
    await this.#reread('invites');
    return true;
  }

  /** The signed-in person leaves the workspace: nothing of it is read again, the page goes elsewhere. */
  async leave(): Promise<boolean> {
    const me = session.user;
    if (!me) return false;
    const done = await this.#act('members', () => api.removeMember(this.#id, me.id));
    if (done) this.#members = this.#members.filter((m) => m.userId !== me.id);
    return done !== null;
  }

  /** A new invite link; its token (shown once, never listed again), or null when refused. */
  async createInvite(role: Role, maxUses: number): Promise<string | null> {
    const done = await this.#act('invites', () => api.createInvite(this.#id, role, maxUses), { maxUses: t('invites.maxUses') });
    if (!done) return null;
    const { token, ...invite } = done.answer;
    this.#invites = [invite, ...this.#invites];
    return token;
  }

  async revokeInvite(inviteId: string): Promise<boolean> {
    const done = await this.#act('invites', () => api.revokeInvite(this.#id, inviteId));
    if (done) this.#invites = this.#invites.filter((i) => i.id !== inviteId);
    return done !== null;
  }

  async createOrganisation(organisation: { name: string; kind: OrganisationKind; partner: boolean }): Promise<boolean> {
    const done = await this.#act('organisations', () => api.createOrganisation(this.#id, organisation), { name: t('orgs.name') });
    if (done) this.#organisations = [...this.#organisations, done.answer];
    return done !== null;
  }

  async deleteOrganisation(organisationId: string): Promise<boolean> {
    const done = await this.#act('organisations', () => api.deleteOrganisation(this.#id, organisationId));
    if (done) this.#organisations = this.#organisations.filter((o) => o.id !== organisationId);
    return done !== null;
  }

  /** The whole vocabulary of event forms, in this order. */
  async setForms(forms: string[]): Promise<boolean> {
    const done = await this.#act('forms', () => api.setEventForms(this.#id, forms), { forms: t('forms.name') });
    if (done) this.#forms = done.answer;
    return done !== null;
  }

  /** One more form at the end; a name already there (in any case) is refused here, as the server would. */
  addForm(name: string): Promise<boolean> {
    const form = name.trim();
    if (!form) return Promise.resolve(false);
    if (this.#forms.some((f) => f.toLowerCase() === form.toLowerCase())) {
      this.#setError('forms', t('forms.duplicate', { name: form }));
      return Promise.resolve(false);
    }
    return this.setForms([...this.#forms, form]);
  }

  async setDocumentSettings(settings: DocumentSettings): Promise<boolean> {
    const done = await this.#act('documents', () => api.setDocumentSettings(this.#id, settings));
    if (done) this.#documents = done.answer;
    return done !== null;
  }

  async #addBoard(create: () => Promise<BoardDto>): Promise<BoardDto | null> {
    const done = await this.#act('boards', create, { title: t('boards.create.titleLabel'), shiftYears: t('boards.copy.shift') });
    if (!done) return null;
    this.#boards = [...this.#boards, done.answer];
    return done.answer;
  }

  async #read(concern: WorkspaceConcern): Promise<void> {
    const read = (this.#latest.get(concern) ?? 0) + 1;
    this.#latest.set(concern, read);
    this.#setError(concern, '');
    try {
      const apply = await this.#fetch(concern);
      // a newer read of the same concern (after a change elsewhere) answers for it
      if (read !== this.#latest.get(concern)) return;
      apply();
      this.#loaded = new Set([...this.#loaded, concern]);
    } catch (e) {
      if (read !== this.#latest.get(concern)) return;
      this.#reads.delete(concern);
      this.#setError(concern, errorMessage(e));
    }
  }

  /** Asks the server for one concern; the answer is applied by calling what this resolves to. */
  async #fetch(concern: WorkspaceConcern): Promise<() => void> {
    const id = this.#id;
    switch (concern) {
      case 'workspace': {
        const workspace = await api.workspace(id);
        return () => (this.#workspace = workspace);
      }
      case 'boards': {
        const boards = await api.boards(id, true);
        return () => (this.#boards = boards);
      }
      case 'members': {
        const members = await api.members(id);
        return () => (this.#members = members);
      }
      case 'invites': {
        const invites = await api.invites(id);
        return () => (this.#invites = invites);
      }
      case 'organisations': {
        const organisations = await api.organisations(id);
        return () => (this.#organisations = organisations);
      }
      case 'forms': {
        const forms = await api.eventForms(id);
        return () => (this.#forms = forms);
      }
      case 'documents': {
        const documents = await api.documentSettings(id);
        return () => (this.#documents = documents);
      }
    }
  }

  /** Reads a concern again after a change elsewhere altered it on the server, if it was read at all. */
  async #reread(concern: WorkspaceConcern): Promise<void> {
    if (!this.#reads.has(concern)) return;
    this.#reads.delete(concern);
    await this.load(concern);
  }

  /** Sends one change of a concern: its answer, or null when refused (the concern's error then says why). */
  async #act<T>(concern: WorkspaceConcern, request: () => Promise<T>, fields: FieldLabels = {}): Promise<{ answer: T } | null> {
    this.#setError(concern, '');
    this.#saving = { ...this.#saving, [concern]: (this.#saving[concern] ?? 0) + 1 };
    try {
      return { answer: await request() };
    } catch (e) {
      this.#setError(concern, errorMessage(e, fields));
      return null;
    } finally {
      this.#saving = { ...this.#saving, [concern]: (this.#saving[concern] ?? 1) - 1 };
    }
  }

  #setError(concern: WorkspaceConcern, message: string): void {
    if ((this.#errors[concern] ?? '') !== message) this.#errors = { ...this.#errors, [concern]: message };
  }
}
