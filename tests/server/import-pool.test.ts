// The import worker pool: work runs in worker threads with a capped heap and a time limit, so a job
// that spins, eats memory or recurses without end fails as `import_too_complex` and costs only its
// worker (terminated and replaced: the next job is served); the server's own event loop keeps
// running meanwhile; a full queue is refused (PoolBusy → 503); failures cross the thread boundary
// as ImportFailure; buffers can be moved instead of copied.
import { ImportFailure } from '@soplan/server/exchange/import/import-failure.ts';
import { PoolBusy, PoolClosed, WorkerPool, type WorkerPoolOptions } from '@soplan/server/exchange/import/pool.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestJob } from './workers/jobs.ts';

const pools: WorkerPool<TestJob, unknown>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<TestJob, unknown> {
  const p = new WorkerPool<TestJob, unknown>({
    module: new URL('./workers/jobs.ts', import.meta.url),
    size: 1,
    maxQueue: 4,
    maxHeapMb: 64,
    timeoutMs: 5_000,
    ...options,
  });
  pools.push(p);
  return p;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the job to fail');
    },
    (error: unknown) => error,
  );
}

const tooComplex = expect.objectContaining({ name: 'ImportFailure', code: 'import_too_complex' });

describe('worker pool', () => {
  it('[I2] runs jobs in a worker and answers their values; an ImportFailure comes back as one', async () => {
    const p = pool();
    expect(await p.run({ kind: 'echo', value: { a: [1, 'б'] } })).toEqual({ a: [1, 'б'] });
    const error = await rejection(p.run({ kind: 'fail' }));
    expect(error).toBeInstanceOf(ImportFailure);
    expect(error).toMatchObject({ code: 'corrupt_file', message: 'The archive is corrupt: test', params: { part: 'word/document.xml' } });
    const bug = await rejection(p.run({ kind: 'throw' }));
    expect(bug).toBeInstanceOf(Error);
    expect(bug).not.toBeInstanceOf(ImportFailure);
    expect((bug as Error).message).toBe('a bug');
  });

  it('[I2] an error that is no ImportFailure (a bug) keeps its name and the stack where it was thrown in the worker, for the log', async () => {
    const bug = (await rejection(pool().run({ kind: 'throw' }))) as Error;
    expect(bug.name).toBe('TypeError');
    expect(bug.stack).toMatch(/workers\/jobs\.ts/);
  });

  it('[I2] moves transferred buffers instead of copying them', async () => {
    const bytes = new Uint8Array(1024);
    expect(await pool().run({ kind: 'length', bytes }, [bytes.buffer])).toBe(1024);
    expect(bytes.byteLength).toBe(0);
  });

  it('[I2] a job past its time is stopped as too complex, the main event loop ticks meanwhile, and the next job is served', async () => {
    const p = pool({ timeoutMs: 1_500 });
    let settled = false;
    const spinning = rejection(p.run({ kind: 'loop' })).finally(() => (settled = true));
    // the worker spins; this thread keeps running timers while it does
    let ticks = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ticks += 1;
    }
    expect(ticks).toBe(5);
    expect(settled).toBe(false);
    expect(await spinning).toEqual(tooComplex);
    expect(await p.run({ kind: 'echo', value: 'after' })).toBe('after');
  });

  it('[I2] a job that runs out of heap is too complex and the worker is replaced', async () => {
    const p = pool({ maxHeapMb: 32 });
    expect(await rejection(p.run({ kind: 'alloc' }))).toEqual(tooComplex);
    expect(await p.run({ kind: 'echo', value: 1 })).toBe(1);
  });

  it('[I2] a job that exhausts its stack is too complex', async () => {
    const p = pool();
    expect(await rejection(p.run({ kind: 'recurse' }))).toEqual(tooComplex);
    expect(await p.run({ kind: 'echo', value: 2 })).toBe(2);
  });

  it("[I2] a worker that crashes fails its job (not as the user's fault) and is replaced", async () => {
    const p = pool();
    const error = await rejection(p.run({ kind: 'crash' }));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ImportFailure);
    expect(await p.run({ kind: 'echo', value: 3 })).toBe(3);
  });

  it('[I2] jobs beyond the workers wait in the queue; one more than it holds is refused with PoolBusy', async () => {
    const p = pool({ size: 2, maxQueue: 1 });
    const running = [p.run({ kind: 'wait', ms: 200 }), p.run({ kind: 'wait', ms: 200 })];
    const queued = p.run({ kind: 'echo', value: 'queued' });
    expect(await rejection(p.run({ kind: 'echo', value: 'refused' }))).toBeInstanceOf(PoolBusy);
    expect(await Promise.all(running)).toEqual(['waited', 'waited']);
    expect(await queued).toBe('queued');
  });

  it('[I2] a timeout in one worker does not disturb the job of another', async () => {
    const p = pool({ size: 2, timeoutMs: 1_500 });
    const [spinning, waiting] = [rejection(p.run({ kind: 'loop' })), p.run({ kind: 'wait', ms: 100 })];
    expect(await waiting).toBe('waited');
    expect(await spinning).toEqual(tooComplex);
  });

  it('[I2] close() fails running and waiting jobs and refuses new ones', async () => {
    const p = pool({ maxQueue: 2 });
    const running = rejection(p.run({ kind: 'wait', ms: 10_000 }));
    const waiting = rejection(p.run({ kind: 'echo', value: 'never' }));
    await p.close();
    expect(await running).toBeInstanceOf(PoolClosed);
    expect(await waiting).toBeInstanceOf(PoolClosed);
    expect(await rejection(p.run({ kind: 'echo', value: 'late' }))).toBeInstanceOf(PoolClosed);
  });
});
