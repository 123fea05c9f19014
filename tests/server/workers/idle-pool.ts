// Run as a process of its own by the pool's tests, standing in for the server: it starts a pool and
// prints the pid of the child that answered its job; then, by its argument, it leaves the pool idle
// (`idle`: this process must end by itself, the idle child holding nothing open), closes it (`close`:
// close() must settle though nothing else keeps this process running), or exits while a job still
// runs (`busy`: the child must notice its server is gone and end too).
import { WorkerPool } from '@soplan/server/exchange/import/pool.ts';
import type { TestJob } from './jobs.ts';

const pool = new WorkerPool<TestJob, unknown>({ module: new URL('./jobs.ts', import.meta.url), size: 1, maxQueue: 1, maxHeapMb: 64, timeoutMs: 60_000 });
console.log(await pool.run({ kind: 'pid' }));
if (process.argv[2] === 'close') {
  await pool.close();
  console.log('closed');
}
if (process.argv[2] === 'busy') {
  void pool.run({ kind: 'wait', ms: 60_000 });
  // the job was sent: the server dies without closing its pool
  setImmediate(() => process.exit(0));
}
