// @soplan/shared: everything the server and the web app agree on.
export * from './roles.ts';
export * from './boards/index.ts';
export * from './limits.ts';
export * from './errors.ts';
export * from './api.ts';
export * from './sync.ts';
export * from './periods.ts';
export * from './status.ts';
export * from './live.ts';
export * from './responsibles.ts';
export * from './dashboard.ts';
export * from './imports.ts';
export * from './document-settings.ts';
export * from './calendar-feeds.ts';
export * from './exports.ts';
export * from './document-requisites.ts';
