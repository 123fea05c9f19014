// A small pool of worker threads for work that must not run on the server's event loop (imports
// of untrusted files). Each worker has a capped heap, young generation and stack; each job a time
// limit. A job that runs out of time or memory costs its worker — terminated and replaced — and
// fails as `import_too_complex`; everyone else's requests keep being served meanwhile. Jobs beyond
// the workers wait in a bounded queue; when it is full `run` rejects with PoolBusy (503 import_busy).
//
// The worker module calls `serveJobs(handler)` and exports nothing. Messages: the pool posts
// `{ id, input }`, the worker answers `{ id, ok: true, value }` or `{ id, ok: false, error }` with
// an ImportFailure's plain `{ code, message, params }`, or for anything else (a bug) `{ name,
// message, stack }`, rebuilt as a plain Error whose stack is the worker's: the log shows the bug's place.
import { parentPort, Worker, type Transferable } from 'node:worker_threads';
import { ImportFailure, type ImportFailureJson } from './import-failure.ts';

export interface WorkerPoolOptions {
  /** The worker's module (a .ts file runs as it is: Node strips its types). */
  module: URL;
  /** Workers at most; they start when first needed and stay. */
  size: number;
  /** Jobs that may wait for a worker; one more is refused. */
  maxQueue: number;
  /** Old-generation heap of each worker. */
  maxHeapMb: number;
  /** Time a job may run before its worker is stopped. */
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
  transfer: readonly Transferable[];
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  job: Job<In, Out> | null;
  timer: NodeJS.Timeout | null;
}

type ErrorJson = Partial<ImportFailureJson> & { message: string; name?: string; stack?: string };
type Reply<Out> = { id: number; ok: true; value: Out } | { id: number; ok: false; error: ErrorJson };

/** The young generation's cap: a fraction of the heap, enough for parsers' short-lived garbage. */
const youngGenerationMb = (heapMb: number): number => Math.max(8, Math.min(64, Math.floor(heapMb / 8)));
const STACK_MB = 4;

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

  /** Runs one job; `transfer` lists buffers of `input` to move to the worker instead of copying them. */
  run(input: In, transfer: readonly Transferable[] = []): Promise<Out> {
    if (this.#closed) return Promise.reject(new PoolClosed());
    const idle = [...this.#slots].find((s) => s.job === null);
    if (!idle && this.#slots.size >= this.#options.size && this.#queue.length >= this.#options.maxQueue) return Promise.reject(new PoolBusy());
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, input, transfer, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every worker; jobs still running or waiting reject with PoolClosed. */
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
        return slot.worker.terminate();
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
      slot.worker.ref();
      slot.timer = setTimeout(() => this.#fail(slot, this.#tooComplex(`took longer than ${this.#options.timeoutMs} ms`)), this.#options.timeoutMs);
      try {
        slot.worker.postMessage({ id: job.id, input: job.input }, [...job.transfer]);
      } catch (error) {
        // the input could not be cloned: the job fails, the worker is still good
        this.#finish(slot);
        slot.job = null;
        slot.worker.unref();
        job.reject(error);
      }
    }
  }

  #spawn(): Slot<In, Out> {
    const { maxHeapMb } = this.#options;
    const worker = new Worker(this.#options.module, {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: youngGenerationMb(maxHeapMb), stackSizeMb: STACK_MB },
    });
    const slot: Slot<In, Out> = { worker, job: null, timer: null };
    this.#slots.add(slot);
    worker.unref();
    worker.on('message', (reply: Reply<Out>) => this.#reply(slot, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      const failure = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.#tooComplex(`ran out of its ${maxHeapMb} MiB of memory`) : error;
      this.#fail(slot, failure);
    });
    worker.on('exit', () => this.#fail(slot, new Error('The import worker stopped')));
    return slot;
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
    slot.worker.unref();
    if (reply.ok) job.resolve(reply.value);
    else job.reject(ImportFailure.fromJSON(reply.error) ?? workerError(reply.error));
    this.#dispatch();
  }

  /** The slot's worker is gone or must go: its job fails, the worker is stopped and forgotten, waiting jobs get a new one. */
  #fail(slot: Slot<In, Out>, error: unknown): void {
    if (!this.#slots.delete(slot)) return;
    this.#finish(slot);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.#closed) this.#dispatch();
  }
}

/**
 * The worker side: answers each job the pool posts with the handler's result. An ImportFailure
 * travels as its plain form; running out of stack is a too complex input like running out of heap.
 */
export function serveJobs<In, Out>(handler: (input: In) => Promise<Out> | Out): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs inside a worker thread');
  port.on('message', async ({ id, input }: { id: number; input: In }) => {
    try {
      const value = await handler(input);
      port.postMessage({ id, ok: true, value } satisfies Reply<Out>);
    } catch (error) {
      port.postMessage({ id, ok: false, error: serialise(error) } satisfies Reply<Out>);
    }
  });
}

function serialise(error: unknown): ErrorJson {
  if (error instanceof ImportFailure) return error.toJSON();
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return new ImportFailure('import_too_complex', 'The document nests too deep to be read').toJSON();
  if (!(error instanceof Error)) return { message: String(error) };
  return error.stack === undefined ? { name: error.name, message: error.message } : { name: error.name, message: error.message, stack: error.stack };
}

/** A worker's error that is not an ImportFailure, as a plain Error with the worker's name and stack. */
function workerError({ name, message, stack }: ErrorJson): Error {
  const error = new Error(message);
  if (name !== undefined) error.name = name;
  if (stack !== undefined) error.stack = stack;
  return error;
}
