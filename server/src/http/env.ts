// What every /api request carries through the middleware chain.
import type { OnlineUserDto } from '@soplan/shared';
import type { Logger } from 'pino';
import type { LoginLimits } from '../auth/accounts.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { BoardIndexer } from '../boards/indexer.ts';
import type { CalendarFeeds } from '../calendars/index.ts';
import type { AccessEvents } from '../events.ts';
import type { ExchangeService } from '../exchange/exchange-service.ts';
import type { ExportJobs } from '../exchange/export-jobs.ts';
import type { UserRow } from '../db/queries/users.ts';

export interface Deps {
  db: Db;
  config: Config;
  log: Logger;
  loginLimits: LoginLimits;
  events: AccessEvents;
  /** Who is online in a workspace now (boards open, dashboards watching). */
  online: (workspaceId: string) => OnlineUserDto[];
  /** Today's date (ISO), what overdue and this week are measured against; tests pass a fake clock. */
  today: () => string;
  indexer: BoardIndexer;
  /** Imports, board creation from content and copies, exports: the work sized by a file or a board. */
  exchange: ExchangeService;
  /** Exports the page follows: a normal board's answered when ready, a big one's in the background (SPEC E5). */
  exports: ExportJobs;
  /** Calendar feeds: their owners' list, the ICS behind each secret URL, a board's one-off calendar. */
  calendars: CalendarFeeds;
}

export type Auth = { via: 'session'; user: UserRow; sessionId: string } | { via: 'token'; user: UserRow; tokenId: string };

export interface AppEnv {
  Variables: { auth: Auth | null; clientIp: string };
}
