// A child process for the pool's tests: each job names what the child does — answers, fails, spins
// forever, allocates until V8 aborts the process for want of heap (many arrays, or one array grown by
// push: the pattern that takes a whole process down from a worker thread, nodejs/node#47224), aborts,
// recurses past its stack, or crashes outside any job.
import { ImportFailure } from '@soplan/server/exchange/import/import-failure.ts';
import { serveJobs } from '@soplan/server/exchange/import/pool.ts';

export type TestJob =
  | { kind: 'echo'; value: unknown }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'wait'; ms: number }
  | { kind: 'pid' }
  | { kind: 'fail' }
  | { kind: 'throw' }
  | { kind: 'loop' }
  | { kind: 'alloc' }
  | { kind: 'grow' }
  | { kind: 'abort' }
  | { kind: 'recurse' }
  | { kind: 'crash' };

const recurse = (n: number): number => recurse(n + 1) + 1;

serveJobs(async (job: TestJob): Promise<unknown> => {
  switch (job.kind) {
    case 'echo':
      return job.value;
    case 'bytes':
      return { isUint8Array: job.bytes instanceof Uint8Array, values: [...job.bytes] };
    case 'wait':
      await new Promise((resolve) => setTimeout(resolve, job.ms));
      return 'waited';
    case 'pid':
      return process.pid;
    case 'fail':
      throw new ImportFailure('corrupt_file', 'The archive is corrupt: test', { part: 'word/document.xml' });
    case 'throw':
      throw new TypeError('a bug');
    case 'loop':
      for (;;);
    case 'alloc': {
      const kept: object[][] = [];
      for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => ({ i })));
    }
    case 'grow': {
      const grown: number[] = [];
      for (let i = 0; ; i++) grown.push(i);
    }
    case 'abort':
      return process.abort();
    case 'recurse':
      return recurse(0);
    case 'crash':
      setTimeout(() => {
        throw new Error('crashed outside any job');
      });
      return new Promise(() => {});
  }
});
