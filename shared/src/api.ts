// Request bodies (zod) and response shapes of the HTTP API.
import { z } from 'zod';
import { BOARD_KINDS, type BoardKind } from './boards/kinds.ts';
import type { IssueCode } from './errors.ts';
import {
  MAX_EVENT_FORM_LENGTH,
  MAX_EVENT_FORMS,
  MAX_INVITE_USES,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_PASSWORD_LENGTH,
} from './limits.ts';
import { ROLES, type Role } from './roles.ts';

// Control characters (C0, DEL, C1) and the line and paragraph separators: a NUL or a line break has
// no place in a name and breaks whatever prints it (tables, exports, logs).
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// Bidirectional controls make a name read backwards or spill its direction onto the text around it,
// so they are refused rather than shown.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// A lone surrogate is not text: it cannot be encoded as UTF-8 and turns into U+FFFD on the way out.
const LONE_SURROGATE = /\p{Cs}/u;
// What renders as nothing: zero-width characters (U+200B–U+200D, U+2060, U+FEFF), fillers, variation
// selectors and the other default-ignorable code points, and white space. They may sit inside a name
// (a zero-width joiner inside an emoji, a non-joiner in Persian) but cannot be all of it.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\s]/gu;

/** A name-rule issue carries its code in `params`, so the server passes it on and the web words it. */
const nameIssue = (code: IssueCode, message: string) => ({ code: 'custom' as const, message, params: { code } });

/**
 * The one rule for every name and title a person types (their own name, workspaces, organisations,
 * boards, event forms, API tokens): trimmed, at most `max` characters, something visible in it, and
 * none of the characters above.
 */
export const nameText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      if (CONTROL.test(value)) ctx.addIssue(nameIssue('name_control_character', 'must not contain control characters (line breaks, tabs, NUL)'));
      else if (BIDI_CONTROL.test(value)) ctx.addIssue(nameIssue('name_bidi_control', 'must not contain bidirectional control characters'));
      else if (LONE_SURROGATE.test(value)) ctx.addIssue(nameIssue('name_lone_surrogate', 'must be well-formed Unicode (it contains a lone surrogate)'));
      else if (value.replace(INVISIBLE, '') === '') ctx.addIssue(nameIssue('name_empty', 'must contain at least one visible character'));
    });

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
const password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const nothingToChange = { message: 'nothing to change', params: { code: 'nothing_to_change' satisfies IssueCode } };

export const signupBody = z.strictObject({ email, password, name: nameText(MAX_NAME_LENGTH) });
export const loginBody = z.strictObject({ email, password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: password,
  /** Also revoke every API token of the account, so scripts holding one lose access at once. */
  revokeApiTokens: z.boolean().default(false),
});
export const createTokenBody = z.strictObject({ name: nameText(MAX_NAME_LENGTH) });
export const createWorkspaceBody = z.strictObject({ name: nameText(MAX_NAME_LENGTH) });
export const updateWorkspaceBody = z.strictObject({ name: nameText(MAX_NAME_LENGTH) });

export const ORGANISATION_KINDS = ['kindergarten', 'school', 'centre', 'authority', 'university', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const createOrganisationBody = z.strictObject({
  name: nameText(MAX_NAME_LENGTH),
  kind: z.enum(ORGANISATION_KINDS).default('other'),
  partner: z.boolean().default(false),
});
export const updateOrganisationBody = z
  .strictObject({
    name: nameText(MAX_NAME_LENGTH).optional(),
    kind: z.enum(ORGANISATION_KINDS).optional(),
    partner: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, nothingToChange);

/** The workspace's vocabulary of event forms, in the order it offers them; names are unique. */
export const updateEventFormsBody = z.strictObject({
  forms: z
    .array(nameText(MAX_EVENT_FORM_LENGTH))
    .max(MAX_EVENT_FORMS)
    .refine((forms) => new Set(forms.map((f) => f.toLowerCase())).size === forms.length, {
      message: 'every form must appear once',
      params: { code: 'duplicate_form' satisfies IssueCode },
    }),
});

export const setMyOrganisationBody = z.strictObject({ organisationId: z.string().min(1).max(64).nullable() });

/** An invite link admits one person unless the coordinator makes it multi-use, up to `maxUses` people. */
export const createInviteBody = z.strictObject({
  role: z.enum(ROLES).default('editor'),
  maxUses: z.number().int().min(1).max(MAX_INVITE_USES).default(1),
});
export const updateMemberBody = z.strictObject({ role: z.enum(ROLES) });

export const createBoardBody = z.strictObject({ kind: z.enum(BOARD_KINDS), title: nameText(MAX_TITLE_LENGTH) });
export const updateBoardBody = z
  .strictObject({ title: nameText(MAX_TITLE_LENGTH).optional(), archived: z.boolean().optional() })
  .refine((b) => b.title !== undefined || b.archived !== undefined, nothingToChange);

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
  /** How many people the link admits in all, and how many it has admitted so far. */
  maxUses: number;
  uses: number;
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
