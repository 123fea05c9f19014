// The document header, SPEC rule B9: on a board of any kind, the root map `header` holds the
// document around the plan — the приказ that approves it (authority, kind, date, number, title,
// body, signatory) and the plan's preamble (Цель, Задачи, abbreviations) — each field a Y.Text
// (DOCUMENT_HEADER_FIELDS in board-json.ts). The server creates them all (upgradeTypedFields, B8),
// so a browser only types into them.
import * as Y from 'yjs';
import { DOCUMENT_HEADER_FIELDS, type DocumentHeader, type DocumentHeaderField } from './board-json.ts';
import { str, textField, type Item } from './collection.ts';

/** The root map of the header. */
export const HEADER_ROOT = 'header';

export const documentHeaderMap = (doc: Y.Doc): Item => doc.getMap<unknown>(HEADER_ROOT);

/** Every field as text; absent or junk fields read as empty (rule B4). */
export function readDocumentHeader(doc: Y.Doc): DocumentHeader {
  const header = documentHeaderMap(doc);
  return Object.fromEntries(DOCUMENT_HEADER_FIELDS.map((f) => [f, str(header, f)])) as DocumentHeader;
}

/** The Y.Text of a header field, created (holding what the field showed) when it is not one yet. */
export const documentHeaderField = (doc: Y.Doc, field: DocumentHeaderField): Y.Text => textField(documentHeaderMap(doc), field);

/** Whether the header holds any text (the board shows it collapsed when it does not). */
export const hasDocumentHeader = (header: DocumentHeader): boolean => DOCUMENT_HEADER_FIELDS.some((f) => header[f].trim() !== '');
