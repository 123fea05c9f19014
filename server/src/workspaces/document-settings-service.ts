// How a workspace's exported documents are laid out (SPEC E2): the ГОСТ Р 7.0.97-2025 defaults until
// a coordinator sets the workspace's own (a municipality's инструкция по делопроизводству). Stored
// settings are read through the same schema they were written with, so a value an older version
// wrote, or a field added since, reads as its default rather than breaking an export.
import { defaultDocumentSettings, documentSettingsJson, type DocumentSettings } from '@soplan/shared';
import { workspaces, type Db } from '../db/index.ts';
import { requireMembership } from './access.ts';

/** The settings exports of the workspace use; no access check (the caller has checked the board). */
export function documentSettingsOf(db: Db, workspaceId: string): DocumentSettings {
  const stored = workspaces.documentSettings(db, workspaceId);
  if (stored === null) return defaultDocumentSettings();
  try {
    const parsed = documentSettingsJson.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : defaultDocumentSettings();
  } catch {
    return defaultDocumentSettings();
  }
}

export function getDocumentSettings(db: Db, userId: string, workspaceId: string): DocumentSettings {
  requireMembership(db, workspaceId, userId);
  return documentSettingsOf(db, workspaceId);
}

export function setDocumentSettings(db: Db, userId: string, workspaceId: string, settings: DocumentSettings): DocumentSettings {
  requireMembership(db, workspaceId, userId, 'manageDocumentSettings');
  workspaces.setDocumentSettings(db, workspaceId, JSON.stringify(settings));
  return settings;
}
