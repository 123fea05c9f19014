// The files `GET /api/boards/:id/export` writes, with their content types (SPEC B10; the document
// formats of issue 14 as they land). Kept apart from the jobs so the HTTP layer loads no writer.
export const EXPORT_FORMATS = ['json', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=UTF-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const isExportFormat = (format: string): format is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(format);
