// Why a file could not be read for import. Readers, the archive checks and the worker pool throw it;
// it crosses the worker boundary as the plain object `toJSON()` gives (a class does not survive
// structured cloning) and is rebuilt with `fromJSON`, and the HTTP layer maps its code to an AppError.
import { IMPORT_FAILURE_CODES, type ErrorParams } from '@soplan/shared';

export type ImportFailureCode = (typeof IMPORT_FAILURE_CODES)[number];

/** The serialisable form of an ImportFailure. */
export interface ImportFailureJson {
  code: ImportFailureCode;
  message: string;
  params?: ErrorParams;
}

export class ImportFailure extends Error {
  readonly code: ImportFailureCode;
  readonly params: ErrorParams | undefined;

  constructor(code: ImportFailureCode, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'ImportFailure';
    this.code = code;
    this.params = params;
  }

  toJSON(): ImportFailureJson {
    return this.params === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, params: this.params };
  }

  /** Rebuilds a failure posted by a worker; anything that is not one (a bug, a crash) yields null. */
  static fromJSON(value: unknown): ImportFailure | null {
    if (typeof value !== 'object' || value === null) return null;
    const { code, message, params } = value as Record<string, unknown>;
    if (typeof code !== 'string' || !(IMPORT_FAILURE_CODES as readonly string[]).includes(code) || typeof message !== 'string') return null;
    return new ImportFailure(code as ImportFailureCode, message, isParams(params) ? params : undefined);
  }
}

function isParams(value: unknown): value is ErrorParams {
  return (
    typeof value === 'object' && value !== null && Object.values(value as Record<string, unknown>).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

/**
 * What a library's own error while reading a checked archive means: the file is corrupt (its XML
 * is broken, a part it needs is missing), or too complex when the library ran out of stack or hit
 * a length limit (RangeError). Our own refusals pass as they are.
 */
export function libraryFailure(format: string, error: unknown): ImportFailure {
  if (error instanceof ImportFailure) return error;
  if (error instanceof RangeError) return new ImportFailure('import_too_complex', `The ${format} file is too complex to read: ${error.message}`);
  return new ImportFailure('corrupt_file', `The ${format} file could not be read: ${error instanceof Error ? error.message : String(error)}`);
}
