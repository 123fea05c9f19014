import { can, grantableRoles, hasRole, PERMISSIONS, ROLES } from '@soplan/shared';
import { describe, expect, it } from 'vitest';

describe('roles', () => {
  it('orders owner > coordinator > editor > viewer', () => {
    expect(hasRole('owner', 'coordinator')).toBe(true);
    expect(hasRole('coordinator', 'editor')).toBe(true);
    expect(hasRole('editor', 'viewer')).toBe(true);
    expect(hasRole('viewer', 'editor')).toBe(false);
    expect(hasRole('editor', 'coordinator')).toBe(false);
    for (const r of ROLES) expect(hasRole(r, r)).toBe(true);
  });

  it('lets viewers only read, editors create, edit and rename boards, coordinators manage the network', () => {
    const allowed = (role: (typeof ROLES)[number]) => Object.keys(PERMISSIONS).filter((p) => can(role, p as keyof typeof PERMISSIONS));
    expect(allowed('viewer')).toEqual(['readWorkspace']);
    expect(allowed('editor')).toEqual(['readWorkspace', 'createBoard', 'editBoard', 'renameBoard']);
    expect(allowed('coordinator')).toEqual(Object.keys(PERMISSIONS));
  });

  it('never lets anyone grant a role above their own', () => {
    expect(grantableRoles('owner')).toEqual(['owner', 'coordinator', 'editor', 'viewer']);
    expect(grantableRoles('coordinator')).toEqual(['coordinator', 'editor', 'viewer']);
    expect(grantableRoles('editor')).toEqual([]);
    expect(grantableRoles('viewer')).toEqual([]);
  });
});
