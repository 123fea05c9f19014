// auth/: passwords, sessions (the Lucia guide's design), personal API tokens and login rate limits.
export * from './ids.ts';
export * from './passwords.ts';
export * from './sessions.ts';
export * from './api-tokens.ts';
export * from './rate-limit.ts';
export * from './accounts.ts';
export * from './origin.ts';
