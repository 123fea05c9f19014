// A worker for the pool's tests: each job names what the worker does — answers, fails, spins
// forever, allocates until its heap is gone, recurses past its stack, or crashes outside any job.
import { ImportFailure } from '@soplan/server/exchange/import/import-failure.ts';
import { serveJobs } from '@soplan/server/exchange/import/pool.ts';

export type TestJob =
  | { kind: 'echo'; value: unknown }
  | { kind: 'length'; bytes: Uint8Array }
  | { kind: 'wait'; ms: number }
  | { kind: 'fail' }
  | { kind: 'throw' }
  | { kind: 'loop' }
  | { kind: 'alloc' }
  | { kind: 'recurse' }
  | { kind: 'crash' };

const recurse = (n: number): number => recurse(n + 1) + 1;

serveJobs(async (job: TestJob): Promise<unknown> => {
  switch (job.kind) {
    case 'echo':
      return job.value;
    case 'length':
      return job.bytes.byteLength;
    case 'wait':
      await new Promise((resolve) => setTimeout(resolve, job.ms));
      return 'waited';
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
    case 'recurse':
      return recurse(0);
    case 'crash':
      setTimeout(() => {
        throw new Error('crashed outside any job');
      });
      return new Promise(() => {});
  }
});
