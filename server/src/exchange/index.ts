// exchange/: documents in and boards out (SPEC I, B10). import/ reads files and pastes into the board
// JSON form (readers, recogniser, the worker pool); export/ writes boards out (the JSON form, the
// item list, download names); board-jobs.ts is the work sized by a file or a board that the worker
// runs (worker.ts); exchange-service.ts checks who may, holds each person to two jobs, and maps errors;
// export-jobs.ts follows the exports the page waits for (a big board's in the background).
export { ExchangeService, type Ticket } from './exchange-service.ts';
export { ExportJobs } from './export-jobs.ts';
