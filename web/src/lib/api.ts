// The typed client of Soplan's JSON API. Every failure becomes an ApiError carrying the server's code,
// parameters and validation issues; errors.ts words it.
import type {
  ApiIssue,
  ApiTokenDto,
  BoardDto,
  BoardKind,
  DashboardDto,
  TasksDto,
  WorkspaceItemDto,
  DemoDto,
  ErrorBody,
  ErrorCode,
  ErrorParams,
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

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (data as ErrorBody | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? res.statusText, err?.params, err?.issues);
  }
  return data as T;
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
  createBoard: (id: string, kind: BoardKind, title: string) => request<BoardDto>('POST', `/workspaces/${id}/boards`, { kind, title }),
  board: (boardId: string) => request<BoardDto>('GET', `/boards/${boardId}`),
  updateBoard: (boardId: string, patch: { title?: string; archived?: boolean }) => request<BoardDto>('PATCH', `/boards/${boardId}`, patch),
};
