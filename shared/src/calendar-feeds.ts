// Calendar subscription feeds (issue 14): a secret URL a member creates for a board, a workspace or
// «Мои задачи», that calendars (Outlook, Google, Apple) follow without a login until it is revoked.
import { z } from 'zod';
import type { IssueCode } from './errors.ts';

export const FEED_SCOPES = ['board', 'workspace', 'mine'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

/**
 * A new feed: a board's or a workspace's (`id` required), or «Мои задачи» of one workspace (`id`) or
 * of every workspace of the user (no `id`).
 */
export const createFeedBody = z.strictObject({ scope: z.enum(FEED_SCOPES), id: z.string().min(1).max(64).optional() }).superRefine((b, ctx) => {
  if (b.scope !== 'mine' && b.id === undefined)
    ctx.addIssue({ code: 'custom', path: ['id'], message: `a ${b.scope} feed names its ${b.scope}`, params: { code: 'required' satisfies IssueCode } });
});
export type CreateFeedBody = z.infer<typeof createFeedBody>;

export interface CalendarFeedDto {
  id: string;
  scope: FeedScope;
  /** The board or workspace; null for «Мои задачи» across every workspace. */
  targetId: string | null;
  /**
   * What the feed shows, as its calendar is named: the board's title, the workspace's name, «Мои задачи»
   * (— workspace). Null when the target is gone or the user is no longer a member: the feed answers 404.
   */
  targetTitle: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to creating a feed: the URL holds its secret and is shown this once. */
export interface CreatedFeedDto extends CalendarFeedDto {
  url: string;
}
