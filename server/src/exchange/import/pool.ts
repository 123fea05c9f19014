// A small pool of child processes for work that must not run in the server's process (imports of
// untrusted files, work sized by a board). Processes, not worker threads: a thread's heap limit is
// best effort, and some allocation patterns abort the whole process from inside a worker
// (nodejs/node#47224) — a hostile file would stop the server for everyone. A child's abort is its
// own. Each child has a capped heap and stack; each job a time limit. A job that runs out of time,
// overflows its stack, or takes its child down in any way (V8's fatal out-of-memory abort, a signal,
// an exit) costs that child — killed and replaced — and fails as `import_too_complex`; everyone
// else's requests keep being served meanwhile. Jobs beyond the children wait in a bounded queue;
// when it is full `run` rejects with PoolBusy (503 import_busy). Idle children do not keep the
// server's process alive.
//
// The child's module calls `serveJobs(handler)` and exports nothing. Over the IPC channel (V8's
// serialisation, so bytes and typed arrays travel as they are) the child first says `{ ready: true }`;
// the pool sends `{ id, input }`, the child answers `{ id, ok: true, value }` or `{ id, ok: false,
// error }` with an ImportFailure's plain `{ code, message, params }`, or for anything else (a bug)
// `{ name, message, stack }`, rebuilt as a plain Error whose stack is the child's: the log shows the
// bug's place. An error no job caught comes as `{ crashed: error }`, and the child is stopped.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ImportFailure, type ImportFailureJson } from './import-failure.ts';

export interface WorkerPoolOptions {
  /** The child's module (a .ts file runs as it is: Node strips its types). */
  module: URL;
  /** Children at most; they start when first needed and stay. */
  size: number;
  /** Jobs that may wait for a child; one more is refused. */
  maxQueue: number;
  /** Old-generation heap of each child. */
  maxHeapMb: number;
  /** Time a job may run before its child is killed. */
  timeoutMs: number;
}

/** The queue is full: the caller answers 503 and the user tries again. */
export class PoolBusy extends Error {
  constructor() {
    super('All import workers are busy and the queue is full');
    this.name = 'PoolBusy';
  }
}

/** The pool was closed before the job could finish. */
export class PoolClosed extends Error {
  constructor() {
    super('The worker pool is closed');
    this.name = 'PoolClosed';
  }
}

interface Job<In, Out> {
  id: number;
  input: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
  /** Called when a child takes the job from the queue (a background export shows it as being built). */
  onStart: (() => void) | undefined;
}

interface Slot<In, Out> {
  child: ChildProcess;
  /** The child loaded its module and serves jobs: from here on its death is its job's fault. */
  ready: boolean;
  job: Job<In, Out> | null;
  timer: NodeJS.Timeout | null;
}

type ErrorJson = Partial<ImportFailureJson> & { message: string; name?: string; stack?: string };
type Reply<Out> = { id: number; ok: true; value: Out } | { id: number; ok: false; error: ErrorJson };
type ChildMessage<Out> = Reply<Out> | { ready: true } | { crashed: ErrorJson };

/**
 * V8's stack limit in the child, in KiB (4 MiB): room for parsers' recursion on real documents, well
 * inside the 8 MiB a Linux main thread gets. Where the system gives less, an overflow kills the child
 * with SIGSEGV instead of a RangeError — and fails the job the same way.
 */
/** How much lower than the server's a child's scheduling priority is (nice +10). */
const CHILD_NICENESS = 10;
const STACK_KB = 4096;

export class WorkerPool<In, Out> {
  readonly #options: WorkerPoolOptions;
  readonly #slots = new Set<Slot<In, Out>>();
  readonly #queue: Job<In, Out>[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: WorkerPoolOptions) {
    if (options.size < 1) throw new Error('A worker pool needs at least one worker');
    this.#options = options;
  }

  /** Runs one job: the child gets a copy of the whole input (structured clone over IPC). */
  run(input: In, onStart?: () => void): Promise<Out> {
    if (this.#closed) return Promise.reject(new PoolClosed());
    const idle = [...this.#slots].find((s) => s.job === null);
    if (!idle && this.#slots.size >= this.#options.size && this.#queue.length >= this.#options.maxQueue) return Promise.reject(new PoolBusy());
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, input, resolve, reject, onStart });
      this.#dispatch();
    });
  }

  /** Kills every child and waits until they are gone; jobs still running or waiting reject with PoolClosed. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new PoolClosed());
    const slots = [...this.#slots];
    this.#slots.clear();
    await Promise.all(
      slots.map((slot) => {
        this.#finish(slot);
        slot.job?.reject(new PoolClosed());
        slot.job = null;
        return kill(slot.child);
      }),
    );
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = [...this.#slots].find((s) => s.job === null);
      if (!slot && this.#slots.size < this.#options.size) slot = this.#spawn();
      if (!slot) return;
      const job = this.#queue.shift()!;
      slot.job = job;
      hold(slot.child, true);
      slot.timer = setTimeout(() => this.#fail(slot, this.#tooComplex(`took longer than ${this.#options.timeoutMs} ms`)), this.#options.timeoutMs);
      try {
        slot.child.send({ id: job.id, input: job.input });
        job.onStart?.();
      } catch (error) {
        // the input could not be serialised: the job fails, the child is still good
        this.#finish(slot);
        slot.job = null;
        hold(slot.child, false);
        job.reject(error);
      }
    }
  }

  #spawn(): Slot<In, Out> {
    const child = fork(fileURLToPath(this.#options.module), [], {
      // Only the limits: the server's own flags (an inspector's port, a test runner's hooks) are not the child's.
      execArgv: [`--max-old-space-size=${this.#options.maxHeapMb}`, `--stack-size=${STACK_KB}`],
      serialization: 'advanced',
      // V8's fatal error report and a crash's stack go to the server's stderr, where its log goes.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Imports are background work: on a busy machine the server's own process, which answers
    // everyone, goes first (a lower priority may fail where it is not allowed; the child then runs as it is).
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, CHILD_NICENESS);
      } catch {
        // not permitted here: same priority as the server
      }
    }
    const slot: Slot<In, Out> = { child, ready: false, job: null, timer: null };
    this.#slots.add(slot);
    hold(child, false);
    child.on('message', (message: ChildMessage<Out>) => this.#message(slot, message));
    child.on('exit', (code, signal) => this.#exited(slot, code, signal));
    // it could not be started, or a message could not reach it
    child.on('error', (error) => this.#fail(slot, error));
    return slot;
  }

  #message(slot: Slot<In, Out>, message: ChildMessage<Out>): void {
    if ('ready' in message) slot.ready = true;
    else if ('crashed' in message) this.#fail(slot, revive(message.crashed));
    else this.#reply(slot, message);
  }

  #exited(slot: Slot<In, Out>, code: number | null, signal: NodeJS.Signals | null): void {
    const how = signal ?? `exit code ${code}`;
    if (!slot.ready) return this.#fail(slot, new Error(`The import worker could not start (${how})`));
    // V8 aborts a process whose heap is full (so does native code on an input it cannot take)
    const why = signal === 'SIGABRT' ? `ran out of its ${this.#options.maxHeapMb} MiB of memory (${how})` : `stopped its worker (${how})`;
    this.#fail(slot, this.#tooComplex(why));
  }

  #tooComplex(why: string): ImportFailure {
    return new ImportFailure('import_too_complex', `The import ${why}`, { maxMilliseconds: this.#options.timeoutMs, maxHeapMb: this.#options.maxHeapMb });
  }

  #finish(slot: Slot<In, Out>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  #reply(slot: Slot<In, Out>, reply: Reply<Out>): void {
    const job = slot.job;
    if (!job || reply.id !== job.id) return;
    this.#finish(slot);
    slot.job = null;
    hold(slot.child, false);
    if (reply.ok) job.resolve(reply.value);
    else job.reject(revive(reply.error));
    this.#dispatch();
  }

  /** The slot's child is gone or must go: its job (if any) fails, the child is killed and forgotten, waiting jobs get a new one. */
  #fail(slot: Slot<In, Out>, error: unknown): void {
    if (!this.#slots.delete(slot)) return;
    this.#finish(slot);
    const job = slot.job;
    slot.job = null;
    void kill(slot.child);
    job?.reject(error);
    if (!this.#closed) this.#dispatch();
  }
}

/** A busy child keeps the server's process alive until its answer comes; an idle one (its process and its IPC channel) does not. */
function hold(child: ChildProcess, busy: boolean): void {
  if (busy) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

/**
 * SIGKILL: a child spinning in a loop would never get to a gentler signal's handler. Resolves when it
 * is gone; until then the child holds the server's process open, or an idle one would end unawaited.
 */
function kill(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.ref();
  child.kill('SIGKILL');
  return gone;
}

/**
 * The child's side: answers each job the pool sends with the handler's result. An ImportFailure
 * travels as its plain form; running out of stack is a too complex input like running out of heap.
 */
export function serveJobs<In, Out>(handler: (input: In) => Promise<Out> | Out): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveJobs runs in a child process forked by the worker pool');
  // An error no job caught (a callback's throw, a promise nobody awaited) is reported once as the bug
  // it is; the pool then kills this process, whose state nobody knows any more.
  let crashed = false;
  process.on('uncaughtException', (error) => {
    if (crashed) return;
    crashed = true;
    send({ crashed: serialise(error) } satisfies ChildMessage<Out>);
  });
  // The server is gone: nobody waits for an answer, and this process must not outlive it.
  process.on('disconnect', () => process.exit());
  process.on('message', async ({ id, input }: { id: number; input: In }) => {
    try {
      const value = await handler(input);
      send({ id, ok: true, value } satisfies ChildMessage<Out>);
    } catch (error) {
      send({ id, ok: false, error: serialise(error) } satisfies ChildMessage<Out>);
    }
  });
  send({ ready: true } satisfies ChildMessage<Out>);
}

function serialise(error: unknown): ErrorJson {
  if (error instanceof ImportFailure) return error.toJSON();
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return new ImportFailure('import_too_complex', 'The document nests too deep to be read').toJSON();
  if (!(error instanceof Error)) return { message: String(error) };
  return error.stack === undefined ? { name: error.name, message: error.message } : { name: error.name, message: error.message, stack: error.stack };
}

/** A child's error as an ImportFailure again, or (a bug) as a plain Error with the child's name and stack. */
function revive(json: ErrorJson): Error {
  const failure = ImportFailure.fromJSON(json);
  if (failure) return failure;
  const error = new Error(json.message);
  if (json.name !== undefined) error.name = json.name;
  if (json.stack !== undefined) error.stack = json.stack;
  return error;
}
