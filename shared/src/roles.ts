// Workspace roles and what each may do. The server enforces these; the web app uses them to hide controls.
export const ROLES = ['owner', 'coordinator', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, coordinator: 2, owner: 3 };

/** True when `role` is at least `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** The least role each workspace action needs. */
export const PERMISSIONS = {
  readWorkspace: 'viewer',
  createBoard: 'editor',
  editBoard: 'editor',
  renameBoard: 'editor',
  archiveBoard: 'coordinator',
  manageTemplates: 'coordinator',
  manageOrganisations: 'coordinator',
  manageVocabulary: 'coordinator',
  manageDocumentSettings: 'coordinator',
  manageMembers: 'coordinator',
  renameWorkspace: 'coordinator',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return hasRole(role, PERMISSIONS[permission]);
}

/** Roles a member with `role` may hand out (in invites or role changes): never above their own. */
export function grantableRoles(role: Role): Role[] {
  if (!can(role, 'manageMembers')) return [];
  return ROLES.filter((r) => hasRole(role, r));
}
