// The one place that reads the environment: validated once at start, fails fast with a clear message.
import path from 'node:path';
import { BACKGROUND_EXPORT_ITEMS } from '@soplan/shared';
import { z } from 'zod';

const flag = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** The address people use to reach Soplan; decides the cookie's Secure flag and the allowed Origin. */
  PUBLIC_URL: z.url().optional(),
  /** Demo mode seeds a demo workspace on an empty data directory; turn it off for a real deployment. */
  SOPLAN_DEMO: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Fold a board's update log into a snapshot once it holds this many updates. */
  SYNC_COMPACT_AFTER: z.coerce.number().int().min(1).default(500),
  /** How long an idle board stays in memory after its last connection closed. */
  SYNC_ROOM_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  BOARD_INDEX_DEBOUNCE_MS: z.coerce.number().int().min(0).default(250),
  /** Accounts one IP address may create per hour (rule U3); a seminar behind one school NAT needs a few dozen. */
  SIGNUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Open /sync connections one account may hold, over all its boards and tabs (rule L8). */
  SYNC_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(40),
  /** Open /sync connections from one IP address: a school behind one NAT holds many (rule L8). */
  SYNC_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(400),
  /** Milliseconds per second the server may spend applying one account's updates, over all its connections (rule L7). */
  SYNC_USER_APPLY_MS_PER_SECOND: z.coerce.number().int().min(1).default(100),
  /** LibreOffice's command for PDF export; looked up on PATH unless it holds a slash. Missing: the PDF export says how to install it. */
  LIBREOFFICE_COMMAND: z.string().min(1).default('soffice'),
  /** How long one PDF conversion may take before LibreOffice is killed. */
  PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Boards with more items than this are exported in the background (SPEC E5). */
  EXPORT_BACKGROUND_ITEMS: z.coerce.number().int().min(0).default(BACKGROUND_EXPORT_ITEMS),
  /** Where the built SvelteKit app lives (its handler.js); absent means API only. */
  WEB_BUILD_DIR: z.string().min(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: URL | null;
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  webBuildDir: string;
  syncCompactAfter: number;
  syncRoomGraceMs: number;
  /** How long the board indexer waits after the last edit before it derives a board's items. */
  boardIndexDebounceMs: number;
  signupsPerIpPerHour: number;
  syncMaxConnectionsPerUser: number;
  syncMaxConnectionsPerIp: number;
  syncUserApplyMsPerSecond: number;
  libreOfficeCommand: string;
  pdfTimeoutMs: number;
  exportBackgroundItems: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL) : null,
    demo: e.SOPLAN_DEMO,
    logLevel: e.LOG_LEVEL,
    webBuildDir: path.resolve(repoRoot, e.WEB_BUILD_DIR ?? 'web/build'),
    syncCompactAfter: e.SYNC_COMPACT_AFTER,
    syncRoomGraceMs: e.SYNC_ROOM_GRACE_MS,
    boardIndexDebounceMs: e.BOARD_INDEX_DEBOUNCE_MS,
    signupsPerIpPerHour: e.SIGNUPS_PER_IP_PER_HOUR,
    syncMaxConnectionsPerUser: e.SYNC_MAX_CONNECTIONS_PER_USER,
    syncMaxConnectionsPerIp: e.SYNC_MAX_CONNECTIONS_PER_IP,
    syncUserApplyMsPerSecond: e.SYNC_USER_APPLY_MS_PER_SECOND,
    libreOfficeCommand: e.LIBREOFFICE_COMMAND,
    pdfTimeoutMs: e.PDF_TIMEOUT_MS,
    exportBackgroundItems: e.EXPORT_BACKGROUND_ITEMS,
  };
}
