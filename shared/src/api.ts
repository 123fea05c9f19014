// Request bodies (zod) and response shapes of the HTTP API.
import { z } from 'zod';
import { boardJson } from './boards/board-json.ts';
import { BOARD_KINDS, type BoardKind } from './boards/kinds.ts';
import type { IssueCode } from './errors.ts';
import type { PeriodKind } from './periods.ts';
import type { ItemStatus } from './status.ts';
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

/** How many years a copy may move its dates («next year's plan»: 1). */
export const MAX_COPY_SHIFT_YEARS = 10;
/**
 * A new board: blank (`kind`, `title`), with the content of an import preview (`content` in the board
 * JSON form, SPEC B10), or a copy of another board (`from`, shifted by whole years, statuses reset).
 */
export const createBoardBody = z
  .strictObject({
    kind: z.enum(BOARD_KINDS).optional(),
    title: nameText(MAX_TITLE_LENGTH).optional(),
    content: boardJson.optional(),
    from: z.string().min(1).max(64).optional(),
    shiftYears: z.number().int().min(-MAX_COPY_SHIFT_YEARS).max(MAX_COPY_SHIFT_YEARS).optional(),
    resetStatus: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    const issue = (path: string, code: IssueCode, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { code } });
    if (b.from !== undefined) {
      if (b.kind !== undefined || b.content !== undefined)
        issue(b.kind !== undefined ? 'kind' : 'content', 'invalid', 'a copy takes its kind and content from the board it copies');
      return;
    }
    if (b.shiftYears !== undefined || b.resetStatus !== undefined) issue('from', 'required', 'shiftYears and resetStatus apply to a copy');
    if (b.kind === undefined) issue('kind', 'required', 'kind is required');
    if (b.title === undefined) issue('title', 'required', 'title is required');
    if (b.content !== undefined && b.kind !== undefined && b.content.kind !== b.kind) issue('content', 'invalid', 'the content is of another kind of board');
  });
export type CreateBoardBody = z.infer<typeof createBoardBody>;
export const updateBoardBody = z
  .strictObject({ title: nameText(MAX_TITLE_LENGTH).optional(), archived: z.boolean().optional(), template: z.boolean().optional() })
  .refine((b) => b.title !== undefined || b.archived !== undefined || b.template !== undefined, nothingToChange);

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
  /** Offered in the «new board» dialog as a starting point. */
  template: boolean;
  createdAt: string;
  updatedAt: string;
}
/** An item of `GET /api/boards/:id/items` (SPEC B10), of any kind of board, in board order. */
export interface BoardItemDto {
  id: string;
  /** Its derived number (1.2, 1.3.1; a plan-graph event's month and place in it). */
  number: string;
  /** Where it sits: its roadmap or plan section, a plan-graph's month (`YYYY-MM`), `stages` for a programme's stages, a pair's mentee. */
  section: { number: string; title: string };
  title: string;
  period: { text: string; kind: PeriodKind; start: string | null; end: string | null };
  responsibles: string[];
  result: string;
  status: ItemStatus;
  overdue: boolean;
}

export interface DemoDto {
  enabled: boolean;
  email?: string;
  password?: string;
}
