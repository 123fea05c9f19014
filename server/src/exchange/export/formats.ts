// The content types of the files `GET /api/boards/:id/export` writes (SPEC E1–E5; the formats are
// shared with the page). Kept apart from the jobs so the HTTP layer loads no writer.
import { EXPORT_FORMATS, type ExportFormat } from '@soplan/shared';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=UTF-8',
};

export const isExportFormat = (format: string): format is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(format);
