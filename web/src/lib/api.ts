// The typed client of Soplan's JSON API. Every failure becomes an ApiError carrying the server's code,
// parameters and validation issues; errors.ts words it.
import type {
  ApiIssue,
  ApiTokenDto,
  BoardDto,
  BoardJson,
  BoardKind,
  CreateBoardBody,
  DashboardDto,
  TasksDto,
  WorkspaceItemDto,
  DemoDto,
  CalendarFeedDto,
  CreatedFeedDto,
  DocumentSettings,
  FeedScope,
  ExportFormat,
  ExportJobDto,
  ErrorBody,
  ErrorCode,
  ErrorParams,
  ImportOptions,
  ImportPreviewDto,
  InviteDto,
  InvitePreviewDto,
  MemberDto,
  OrganisationDto,
  OrganisationKind,
  Role,
  UserDto,
  WorkspaceDto,
} from '@soplan/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly params: ErrorParams = {},
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

function failure(status: number, statusText: string, data: unknown): ApiError {
  const err = (data as ErrorBody | null)?.error;
  return new ApiError(status, err?.code ?? 'internal', err?.message ?? statusText, err?.params, err?.issues);
}

/** A failed response as the ApiError its JSON body names. */
export async function failureOf(res: Response): Promise<ApiError> {
  return failure(res.status, res.statusText, await res.json().catch(() => null));
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network', 'network error');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw failure(res.status, res.statusText, data);
  return data as T;
}

export interface UploadOptions {
  /** Called as the body goes out, with the share sent (0–1). */
  onProgress?: (sent: number) => void;
  signal?: AbortSignal;
}

/** Posts a form with XMLHttpRequest, whose upload reports its progress (fetch's does not). */
function upload<T>(path: string, form: FormData, { onProgress, signal }: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // not JSON: worded by the status alone
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(failure(xhr.status, xhr.statusText, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    if (signal?.aborted) xhr.abort();
    else xhr.send(form);
  });
}

/** What an import reads: a chosen or dropped file, or what was pasted (the clipboard's HTML, else its text). */
export type ImportSource = { file: File } | { html: string } | { text: string };

/** A new board copied from another (for next year's plan: dates shifted, statuses reset). */
export type BoardCopy = Pick<CreateBoardBody, 'title' | 'shiftYears' | 'resetStatus'> & { from: string };

function importPreview(workspaceId: string, source: ImportSource, options: ImportOptions, progress: UploadOptions = {}): Promise<ImportPreviewDto> {
  const path = `/workspaces/${workspaceId}/imports`;
  if (!('file' in source)) return request<ImportPreviewDto>('POST', path, { ...source, ...options }, progress.signal);
  const form = new FormData();
  form.set('file', source.file, source.file.name);
  if (options.kind) form.set('kind', options.kind);
  if (options.title) form.set('title', options.title);
  if (options.table !== undefined) form.set('table', String(options.table));
  if (options.columns) form.set('columns', JSON.stringify(options.columns));
  return upload<ImportPreviewDto>(path, form, progress);
}

export const api = {
  demo: () => request<DemoDto>('GET', '/demo'),
  me: () => request<UserDto>('GET', '/me'),
  signup: (body: { email: string; password: string; name: string }) => request<UserDto>('POST', '/auth/signup', body),
  login: (body: { email: string; password: string }) => request<UserDto>('POST', '/auth/login', body),
  logout: () => request<void>('POST', '/auth/logout'),
  changePassword: (body: { currentPassword: string; newPassword: string; revokeApiTokens: boolean }) => request<void>('POST', '/me/password', body),

  tokens: () => request<ApiTokenDto[]>('GET', '/tokens'),
  createToken: (name: string) => request<ApiTokenDto & { token: string }>('POST', '/tokens', { name }),
  revokeToken: (id: string) => request<void>('DELETE', `/tokens/${id}`),

  workspaces: () => request<WorkspaceDto[]>('GET', '/workspaces'),
  workspace: (id: string) => request<WorkspaceDto>('GET', `/workspaces/${id}`),
  createWorkspace: (name: string) => request<WorkspaceDto>('POST', '/workspaces', { name }),
  renameWorkspace: (id: string, name: string) => request<WorkspaceDto>('PATCH', `/workspaces/${id}`, { name }),

  members: (id: string) => request<MemberDto[]>('GET', `/workspaces/${id}/members`),
  setMemberRole: (id: string, userId: string, role: Role) => request<MemberDto>('PATCH', `/workspaces/${id}/members/${userId}`, { role }),
  removeMember: (id: string, userId: string) => request<void>('DELETE', `/workspaces/${id}/members/${userId}`),

  organisations: (id: string) => request<OrganisationDto[]>('GET', `/workspaces/${id}/organisations`),
  createOrganisation: (id: string, body: { name: string; kind: OrganisationKind; partner: boolean }) =>
    request<OrganisationDto>('POST', `/workspaces/${id}/organisations`, body),
  deleteOrganisation: (id: string, orgId: string) => request<void>('DELETE', `/workspaces/${id}/organisations/${orgId}`),

  eventForms: (id: string) => request<string[]>('GET', `/workspaces/${id}/event-forms`),
  setEventForms: (id: string, forms: string[]) => request<string[]>('PUT', `/workspaces/${id}/event-forms`, { forms }),

  startExport: (boardId: string, format: ExportFormat) => request<ExportJobDto>('POST', `/boards/${boardId}/exports`, { format }),
  exportJob: (id: string) => request<ExportJobDto>('GET', `/exports/${id}`),

  feeds: () => request<CalendarFeedDto[]>('GET', '/feeds'),
  createFeed: (scope: FeedScope, id?: string) => request<CreatedFeedDto>('POST', '/feeds', id === undefined ? { scope } : { scope, id }),
  revokeFeed: (id: string) => request<void>('DELETE', `/feeds/${id}`),

  documentSettings: (id: string) => request<DocumentSettings>('GET', `/workspaces/${id}/document-settings`),
  setDocumentSettings: (id: string, settings: DocumentSettings) => request<DocumentSettings>('PUT', `/workspaces/${id}/document-settings`, settings),

  dashboard: (id: string) => request<DashboardDto>('GET', `/workspaces/${id}/dashboard`),
  calendar: (id: string) => request<WorkspaceItemDto[]>('GET', `/workspaces/${id}/calendar`),
  tasks: (id: string) => request<TasksDto>('GET', `/workspaces/${id}/tasks`),
  setMyOrganisation: (id: string, organisationId: string | null) => request<TasksDto>('PUT', `/workspaces/${id}/my-organisation`, { organisationId }),

  invites: (id: string) => request<InviteDto[]>('GET', `/workspaces/${id}/invites`),
  createInvite: (id: string, role: Role, maxUses: number) => request<InviteDto & { token: string }>('POST', `/workspaces/${id}/invites`, { role, maxUses }),
  revokeInvite: (id: string, inviteId: string) => request<void>('DELETE', `/workspaces/${id}/invites/${inviteId}`),
  previewInvite: (token: string) => request<InvitePreviewDto>('GET', `/invites/${token}`),
  acceptInvite: (token: string) => request<WorkspaceDto>('POST', `/invites/${token}/accept`),

  boards: (id: string, archived = false) => request<BoardDto[]>('GET', `/workspaces/${id}/boards${archived ? '?archived=1' : ''}`),
  /** An empty board, or (with `content`) one holding an import's preview in one step. */
  createBoard: (id: string, kind: BoardKind, title: string, content?: BoardJson) =>
    request<BoardDto>('POST', `/workspaces/${id}/boards`, content ? { kind, title, content } : { kind, title }),
  copyBoard: (id: string, copy: BoardCopy) => request<BoardDto>('POST', `/workspaces/${id}/boards`, copy),
  board: (boardId: string) => request<BoardDto>('GET', `/boards/${boardId}`),
  updateBoard: (boardId: string, patch: { title?: string; archived?: boolean; template?: boolean }) => request<BoardDto>('PATCH', `/boards/${boardId}`, patch),

  /** Reads a document and answers what board it would make; stores nothing. */
  importPreview,
};
