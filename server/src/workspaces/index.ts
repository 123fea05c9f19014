// workspaces/: workspaces, their members and roles, organisations, the event-form vocabulary, the layout of exported documents,
// invites and boards' registry rows.
// Every function takes the acting user and checks the role first; a non-member sees "not found".
export * from './access.ts';
export * from './workspace-service.ts';
export * from './organisation-service.ts';
export * from './vocabulary-service.ts';
export * from './document-settings-service.ts';
export * from './invite-service.ts';
export * from './board-service.ts';
