// How an exported document is laid out (issue 14, SPEC E): ГОСТ Р 7.0.97-2025 by default — A4,
// margins 20 mm left (30 for long-kept documents), 10 right, 20 top and bottom, Times New Roman 14
// (12 in tables), paragraph indent 1.25 cm, page numbers from page 2 centred in the top margin —
// each default a workspace may change for its own инструкция по делопроизводству.
import { z } from 'zod';

export const DOCUMENT_SETTINGS_DEFAULTS = {
  /** Margins in millimetres. */
  marginLeftMm: 20,
  marginRightMm: 10,
  marginTopMm: 20,
  marginBottomMm: 20,
  fontFamily: 'Times New Roman',
  /** Body text, points. */
  fontSizePt: 14,
  /** Table text, points. */
  tableFontSizePt: 12,
  /** First-line indent of a paragraph, centimetres. */
  paragraphIndentCm: 1.25,
  /** Page numbers: from page 2, centred in the top margin. */
  pageNumbersFrom: 2,
  /** The approval requisite top right of the first page: «УТВЕРЖДАЮ / position / signature / name / date», or none. */
  approval: { position: '', name: '' },
} as const;

export const documentSettingsJson = z.strictObject({
  marginLeftMm: z.number().min(5).max(50).default(DOCUMENT_SETTINGS_DEFAULTS.marginLeftMm),
  marginRightMm: z.number().min(5).max(50).default(DOCUMENT_SETTINGS_DEFAULTS.marginRightMm),
  marginTopMm: z.number().min(5).max(50).default(DOCUMENT_SETTINGS_DEFAULTS.marginTopMm),
  marginBottomMm: z.number().min(5).max(50).default(DOCUMENT_SETTINGS_DEFAULTS.marginBottomMm),
  // a font's name: letters, digits, spaces, dots and hyphens (it is written into documents and style sheets)
  fontFamily: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\p{L}\p{N} .-]+$/u)
    .default(DOCUMENT_SETTINGS_DEFAULTS.fontFamily),
  fontSizePt: z.number().min(8).max(20).default(DOCUMENT_SETTINGS_DEFAULTS.fontSizePt),
  tableFontSizePt: z.number().min(7).max(16).default(DOCUMENT_SETTINGS_DEFAULTS.tableFontSizePt),
  paragraphIndentCm: z.number().min(0).max(3).default(DOCUMENT_SETTINGS_DEFAULTS.paragraphIndentCm),
  pageNumbersFrom: z.number().int().min(1).max(3).default(DOCUMENT_SETTINGS_DEFAULTS.pageNumbersFrom),
  approval: z.strictObject({ position: z.string().max(300).default(''), name: z.string().max(120).default('') }).default({ position: '', name: '' }),
});
export type DocumentSettings = z.infer<typeof documentSettingsJson>;

/** The ГОСТ defaults as settings. */
export const defaultDocumentSettings = (): DocumentSettings => documentSettingsJson.parse({});
