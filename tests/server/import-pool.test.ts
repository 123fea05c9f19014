// The import worker pool: work runs in child processes with a capped heap and a time limit, so a job
// that spins, eats memory, recurses without end or aborts its process fails as `import_too_complex`
// and costs only its child (killed and replaced: the next job is served) — never the server's own
// process, whose event loop keeps running meanwhile; a full queue is refused (PoolBusy → 503);
// failures cross the process boundary as ImportFailure; an idle pool keeps no process alive.
import { ImportFailure } from '@soplan/server/exchange/import/import-failure.ts';
import { PoolBusy, PoolClosed, WorkerPool, type WorkerPoolOptions } from '@soplan/server/exchange/import/pool.ts';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

/** Runs `workers/idle-pool.ts` as a process of its own (a stand-in server) and answers what it printed once it ended. */
async function standInServer(mode: 'idle' | 'close' | 'busy'): Promise<string> {
  const script = fileURLToPath(new URL('./workers/idle-pool.ts', import.meta.url));
  // a process that never ends is killed before the test's own timeout, so the test fails rather than hangs
  const { stdout } = await promisify(execFile)(process.execPath, [script, mode], { timeout: 15_000, killSignal: 'SIGKILL' });
  return stdout.trim();
}

/** Whether no process has the pid any more: its parent has collected its end. */
function reaped(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Whether the process runs; an ended one its parent has not reaped yet (a zombie, on Linux) does not. */
function alive(pid: number): boolean {
  if (reaped(pid)) return false;
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/\) Z /.test(stat);
}

describe('worker pool', () => {
  it('[I2] runs jobs in a child process and answers their values; an ImportFailure comes back as one', async () => {
    const p = pool();
    expect(await p.run({ kind: 'echo', value: { a: [1, 'б'], at: new Date(0), seen: new Map([[1, 'one']]) } })).toEqual({
      a: [1, 'б'],
      at: new Date(0),
      seen: new Map([[1, 'one']]),
    });
    expect(await p.run({ kind: 'pid' })).not.toBe(process.pid);
    const error = await rejection(p.run({ kind: 'fail' }));
    expect(error).toBeInstanceOf(ImportFailure);
    expect(error).toMatchObject({ code: 'corrupt_file', message: 'The archive is corrupt: test', params: { part: 'word/document.xml' } });
    const bug = await rejection(p.run({ kind: 'throw' }));
    expect(bug).toBeInstanceOf(Error);
    expect(bug).not.toBeInstanceOf(ImportFailure);
    expect((bug as Error).message).toBe('a bug');
  });

  it('[I2] an error that is no ImportFailure (a bug) keeps its name and the stack where it was thrown in the child, for the log', async () => {
    const bug = (await rejection(pool().run({ kind: 'throw' }))) as Error;
    expect(bug.name).toBe('TypeError');
    expect(bug.stack).toMatch(/workers\/jobs\.ts/);
  });

  it('[I2] bytes reach the child as bytes — only those of the view, the caller keeping its own; `transfer` moves nothing', async () => {
    const buffer = new Uint8Array([9, 1, 2, 3, 9]);
    const view = buffer.subarray(1, 4);
    expect(await pool().run({ kind: 'bytes', bytes: view })).toEqual({ isUint8Array: true, values: [1, 2, 3] });
    expect([...buffer]).toEqual([9, 1, 2, 3, 9]);
  });

  it('[I2] an input that cannot be sent fails its job, and the child serves the next one', async () => {
    const p = pool();
    const pid = await p.run({ kind: 'pid' });
    expect(await rejection(p.run({ kind: 'echo', value: () => 'a function' }))).toMatchObject({ message: expect.stringMatching(/could not be cloned/) });
    expect(await p.run({ kind: 'pid' })).toBe(pid);
  });

  it('[I2] a job past its time is stopped as too complex, the main event loop ticks meanwhile, and the next job is served', async () => {
    const p = pool({ timeoutMs: 1_500 });
    let settled = false;
    const spinning = rejection(p.run({ kind: 'loop' })).finally(() => (settled = true));
    // the child spins; this process keeps running timers while it does
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

  it.each([
    { kind: 'alloc', what: "V8's fatal out-of-memory, many arrays" },
    { kind: 'grow', what: "V8's fatal out-of-memory, one array pushed to" },
    { kind: 'abort', what: 'process.abort()' },
  ] as const)("[I2] a job whose child aborts ($what) fails alone as too complex; the server's process goes on and serves the next job", async ({ kind }) => {
    // no timeout comes first: the child's end itself fails the job ('grow' took the whole process down from a worker thread)
    const p = pool({ size: 2, maxHeapMb: 64, timeoutMs: 60_000 });
    const other = p.run({ kind: 'wait', ms: 300 });
    expect(await rejection(p.run({ kind }))).toEqual(tooComplex);
    expect(await other).toBe('waited');
    expect(await p.run({ kind: 'echo', value: kind })).toBe(kind);
  });

  it('[I2] a job that exhausts its stack is too complex', async () => {
    const p = pool();
    expect(await rejection(p.run({ kind: 'recurse' }))).toEqual(tooComplex);
    expect(await p.run({ kind: 'echo', value: 2 })).toBe(2);
  });

  it("[I2] a child that crashes fails its job (not as the user's fault: the bug with its stack) and is replaced", async () => {
    const p = pool();
    const pid = await p.run({ kind: 'pid' });
    const error = await rejection(p.run({ kind: 'crash' }));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ImportFailure);
    expect(error).toMatchObject({ message: 'crashed outside any job', stack: expect.stringMatching(/workers\/jobs\.ts/) });
    expect(await p.run({ kind: 'pid' })).not.toBe(pid);
  });

  it('[I2] a child that dies while idle is forgotten and replaced by the next job', async () => {
    const p = pool();
    const pid = await p.run({ kind: 'pid' });
    process.kill(pid as number, 'SIGKILL');
    // until this process, its parent, has reaped it: the pool has seen it end by then
    while (!reaped(pid as number)) await new Promise((resolve) => setTimeout(resolve, 10));
    const next = await p.run({ kind: 'pid' });
    expect(next).not.toBe(pid);
    expect(await p.run({ kind: 'pid' })).toBe(next);
  });

  it('[I2] a module that cannot load fails the job as a bug (the server is misconfigured), not as too complex', async () => {
    const p = pool({ module: new URL('./workers/broken.ts', import.meta.url) });
    const error = await rejection(p.run({ kind: 'echo', value: 1 }));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ImportFailure);
    expect((error as Error).message).toMatch(/could not start/);
  });

  it('[I2] jobs beyond the children wait in the queue; one more than it holds is refused with PoolBusy', async () => {
    const p = pool({ size: 2, maxQueue: 1 });
    const running = [p.run({ kind: 'wait', ms: 200 }), p.run({ kind: 'wait', ms: 200 })];
    const queued = p.run({ kind: 'echo', value: 'queued' });
    expect(await rejection(p.run({ kind: 'echo', value: 'refused' }))).toBeInstanceOf(PoolBusy);
    expect(await Promise.all(running)).toEqual(['waited', 'waited']);
    expect(await queued).toBe('queued');
  });

  it('[I2] a timeout in one child does not disturb the job of another', async () => {
    const p = pool({ size: 2, timeoutMs: 1_500 });
    const [spinning, waiting] = [rejection(p.run({ kind: 'loop' })), p.run({ kind: 'wait', ms: 100 })];
    expect(await waiting).toBe('waited');
    expect(await spinning).toEqual(tooComplex);
  });

  it('[I2] close() fails running and waiting jobs, ends the children and refuses new ones', async () => {
    const p = pool({ maxQueue: 2 });
    const pid = await p.run({ kind: 'pid' });
    const running = rejection(p.run({ kind: 'wait', ms: 10_000 }));
    const waiting = rejection(p.run({ kind: 'echo', value: 'never' }));
    await p.close();
    expect(await running).toBeInstanceOf(PoolClosed);
    expect(await waiting).toBeInstanceOf(PoolClosed);
    expect(alive(pid as number)).toBe(false);
    expect(await rejection(p.run({ kind: 'echo', value: 'late' }))).toBeInstanceOf(PoolClosed);
  });

  it('[I2] an idle pool keeps no process alive: a server that ran a job ends by itself, and so does its child', async () => {
    const pid = Number(await standInServer('idle'));
    expect(pid).toBeGreaterThan(0);
    while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('[I2] close() settles in a server that nothing else keeps running, with its child gone', async () => {
    const [pid, closed] = (await standInServer('close')).split('\n');
    expect(closed).toBe('closed');
    expect(alive(Number(pid))).toBe(false);
  });

  it('[I2] a child does not outlive a server that exits while its job runs', async () => {
    const pid = Number(await standInServer('busy'));
    expect(pid).toBeGreaterThan(0);
    while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
