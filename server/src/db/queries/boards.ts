import type { BoardKind } from '@soplan/shared';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface BoardRow {
  id: string;
  workspace_id: string;
  kind: BoardKind;
  title: string;
  archived_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  /** The last document upgrade the board's document has had (sync/document-upgrade.ts, rule B8). */
  document_version: number;
  /** 1 when the board is offered as a template in the new-board dialog. */
  template: number;
}

/** Inserts a board; without `document_version` its document counts as not upgraded yet (0). */
export function insert(db: Db, b: Omit<BoardRow, 'document_version' | 'template'> & { document_version?: number; template?: number }): void {
  stmt(
    db,
    `INSERT INTO boards (id, workspace_id, kind, title, archived_at, created_by, created_at, updated_at, document_version, template)
     VALUES (@id, @workspace_id, @kind, @title, @archived_at, @created_by, @created_at, @updated_at, @document_version, @template)`,
  ).run({ ...b, document_version: b.document_version ?? 0, template: b.template ?? 0 });
}
export function byId(db: Db, id: string): BoardRow | undefined {
  return stmt(db, 'SELECT * FROM boards WHERE id = ?').get(id) as BoardRow | undefined;
}
export function list(db: Db, workspaceId: string, includeArchived: boolean): BoardRow[] {
  return stmt(db, 'SELECT * FROM boards WHERE workspace_id = ? AND (? OR archived_at IS NULL) ORDER BY archived_at IS NOT NULL, created_at, id').all(
    workspaceId,
    includeArchived ? 1 : 0,
  ) as BoardRow[];
}
export function update(db: Db, id: string, title: string, archivedAt: number | null, template: boolean, at: number): void {
  stmt(db, 'UPDATE boards SET title = ?, archived_at = ?, template = ?, updated_at = ? WHERE id = ?').run(title, archivedAt, template ? 1 : 0, at, id);
}

/** Boards whose document has had fewer upgrades than `version`, archived ones included. */
export function needingDocumentUpgrade(db: Db, version: number): Pick<BoardRow, 'id' | 'kind' | 'document_version'>[] {
  return stmt(db, 'SELECT id, kind, document_version FROM boards WHERE document_version < ? ORDER BY id').all(version) as Pick<
    BoardRow,
    'id' | 'kind' | 'document_version'
  >[];
}
export function setDocumentVersion(db: Db, id: string, version: number): void {
  stmt(db, 'UPDATE boards SET document_version = ? WHERE id = ?').run(version, id);
}
