// db/: the SQLite connection, versioned migrations and every SQL query. Nothing outside this folder writes SQL.
export { openDatabase, startCheckpointer, type Db } from './connection.ts';
export { stringsOf } from './json-columns.ts';
export * as users from './queries/users.ts';
export * as sessions from './queries/sessions.ts';
export * as apiTokens from './queries/api-tokens.ts';
export * as workspaces from './queries/workspaces.ts';
export * as members from './queries/members.ts';
export * as organisations from './queries/organisations.ts';
export * as invites from './queries/invites.ts';
export * as boards from './queries/boards.ts';
export * as boardDocuments from './queries/board-documents.ts';
export * as boardItems from './queries/board-items.ts';
export * as boardActivity from './queries/board-activity.ts';
export * as calendarFeeds from './queries/calendar-feeds.ts';
export * as health from './queries/health.ts';
