// The import worker's entry: runs imports off the server's event loop, under the heap and time
// limits the pool gives it, so a pathological file costs this thread and nobody else (SPEC I2).
import { serveJobs } from './pool.ts';
import { runImport, type ImportJob } from './run-import.ts';

// The preview goes back as its JSON text: the server's thread sends it as it is, without cloning an
// object graph and stringifying it again on the event loop everyone shares.
serveJobs(async (job: ImportJob) => JSON.stringify(await runImport(job)));
