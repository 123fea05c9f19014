// The exchange worker's entry, a child process the pool forks: imports and board work sized by the
// board (build, copy, export, item lists) run here, out of the server's process, under the heap and
// time limits the pool gives it, so a pathological file or a huge board costs this process and nobody
// else (SPEC I2).
import { runJob, type ExchangeJob } from './board-jobs.ts';
import { serveJobs } from './import/pool.ts';

serveJobs((job: ExchangeJob) => runJob(job));
