// Organisations of a workspace's network: listed by members, managed by coordinators. Their names are
// unique in the workspace as people read them, not as bytes: case and runs of white space do not make
// «ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ  МЭРИИ» a second «Департамент образования мэрии».
import type { OrganisationDto, OrganisationKind } from '@soplan/shared';
import { newId } from '../auth/ids.ts';
import { organisations, type Db } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';
import { requireMembership } from './access.ts';
import { organisationDto } from './dto.ts';

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  partner: boolean;
}

/** What two names are compared by: Unicode-composed, lower case by Russian rules, white space collapsed. */
const nameKey = (name: string) => name.normalize('NFC').toLocaleLowerCase('ru').replace(/\s+/gu, ' ').trim();

/** Refuses a name another organisation of the workspace already has, naming that one as it is stored. */
function assertNameFree(db: Db, workspaceId: string, name: string, exceptId?: string): void {
  // SQLite's lower() and NOCASE fold ASCII only, so the comparison is made here, over the workspace's names.
  const key = nameKey(name);
  const clash = organisations.names(db, workspaceId).find((o) => o.id !== exceptId && nameKey(o.name) === key);
  if (clash) {
    throw new AppError('organisation_exists', `An organisation named "${clash.name}" already exists in this workspace`, { params: { name: clash.name } });
  }
}

export function listOrganisations(db: Db, userId: string, workspaceId: string): OrganisationDto[] {
  requireMembership(db, workspaceId, userId);
  return organisations.list(db, workspaceId).map(organisationDto);
}

export function createOrganisation(db: Db, userId: string, workspaceId: string, input: OrganisationInput, now = Date.now()): OrganisationDto {
  requireMembership(db, workspaceId, userId, 'manageOrganisations');
  assertNameFree(db, workspaceId, input.name);
  const row = { id: newId(), workspace_id: workspaceId, name: input.name, kind: input.kind, partner: input.partner ? 1 : 0, created_at: now };
  organisations.insert(db, row);
  return organisationDto(row);
}

export function updateOrganisation(db: Db, userId: string, workspaceId: string, id: string, patch: Partial<OrganisationInput>): OrganisationDto {
  requireMembership(db, workspaceId, userId, 'manageOrganisations');
  const current = organisations.byId(db, workspaceId, id);
  if (!current) throw notFound('Organisation not found');
  if (patch.name !== undefined) assertNameFree(db, workspaceId, patch.name, id);
  const next = {
    ...current,
    name: patch.name ?? current.name,
    kind: patch.kind ?? current.kind,
    partner: patch.partner === undefined ? current.partner : patch.partner ? 1 : 0,
  };
  organisations.update(db, next);
  return organisationDto(next);
}

export function deleteOrganisation(db: Db, userId: string, workspaceId: string, id: string): void {
  requireMembership(db, workspaceId, userId, 'manageOrganisations');
  if (!organisations.byId(db, workspaceId, id)) throw notFound('Organisation not found');
  organisations.remove(db, workspaceId, id);
}
