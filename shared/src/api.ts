// Request bodies (zod) and response shapes of the HTTP API.
import { z } from 'zod';
import { BOARD_KINDS, type BoardKind } from './boards/kinds.ts';
import { MAX_EVENT_FORM_LENGTH, MAX_EVENT_FORMS, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MAX_TITLE_LENGTH, MIN_PASSWORD_LENGTH } from './limits.ts';
import { ROLES, type Role } from './roles.ts';

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
const password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const signupBody = z.strictObject({ email, password, name: trimmed(MAX_NAME_LENGTH) });
export const loginBody = z.strictObject({ email, password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: password,
});
export const createTokenBody = z.strictObject({ name: trimmed(MAX_NAME_LENGTH) });
export const createWorkspaceBody = z.strictObject({ name: trimmed(MAX_NAME_LENGTH) });
export const updateWorkspaceBody = z.strictObject({ name: trimmed(MAX_NAME_LENGTH) });

export const ORGANISATION_KINDS = ['kindergarten', 'school', 'centre', 'authority', 'university', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const createOrganisationBody = z.strictObject({
  name: trimmed(MAX_NAME_LENGTH),
  kind: z.enum(ORGANISATION_KINDS).default('other'),
  partner: z.boolean().default(false),
});
export const updateOrganisationBody = z
  .strictObject({
    name: trimmed(MAX_NAME_LENGTH).optional(),
    kind: z.enum(ORGANISATION_KINDS).optional(),
    partner: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

/** The workspace's vocabulary of event forms, in the order it offers them; names are unique. */
export const updateEventFormsBody = z.strictObject({
  forms: z
    .array(trimmed(MAX_EVENT_FORM_LENGTH))
    .max(MAX_EVENT_FORMS)
    .refine((forms) => new Set(forms.map((f) => f.toLowerCase())).size === forms.length, 'every form must appear once'),
});

export const setMyOrganisationBody = z.strictObject({ organisationId: z.string().min(1).max(64).nullable() });

export const createInviteBody = z.strictObject({ role: z.enum(ROLES).default('editor') });
export const updateMemberBody = z.strictObject({ role: z.enum(ROLES) });

export const createBoardBody = z.strictObject({ kind: z.enum(BOARD_KINDS), title: trimmed(MAX_TITLE_LENGTH) });
export const updateBoardBody = z
  .strictObject({ title: trimmed(MAX_TITLE_LENGTH).optional(), archived: z.boolean().optional() })
  .refine((b) => b.title !== undefined || b.archived !== undefined, 'nothing to change');

export interface UserDto {
  id: string;
  email: string;
  name: string;
}
export interface ApiTokenDto {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface WorkspaceDto {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}
export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}
export interface OrganisationDto {
  id: string;
  workspaceId: string;
  name: string;
  kind: OrganisationKind;
  partner: boolean;
  createdAt: string;
}
export interface InviteDto {
  id: string;
  workspaceId: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  /** Present only in the answer that created the invite. */
  token?: string;
}
export interface InvitePreviewDto {
  workspaceName: string;
  role: Role;
  expiresAt: string;
}
export interface BoardDto {
  id: string;
  workspaceId: string;
  kind: BoardKind;
  title: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface DemoDto {
  enabled: boolean;
  email?: string;
  password?: string;
}
