// Another user's requests while a bench loads the server: `GET /api/workspaces` every `everyMs`,
// sent from a worker thread so nothing the bench's main thread does (uploads, downloads, parsing)
// delays them. This module is also that worker's entry.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface SamplerData {
  sampler: true;
  url: string;
  cookie: string;
  everyMs: number;
}

export interface Sampled {
  latencies: number[];
  failed: number;
}

if (!isMainThread && (workerData as Partial<SamplerData> | null)?.sampler) {
  const { url, cookie, everyMs } = workerData as SamplerData;
  const latencies: number[] = [];
  let failed = 0;
  const inflight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const started = performance.now();
    const request = fetch(`${url}/api/workspaces`, { headers: { cookie } }).then(async (res) => {
      await res.arrayBuffer();
      if (res.ok) latencies.push(performance.now() - started);
      else failed++;
    });
    inflight.add(request);
    void request.finally(() => inflight.delete(request));
  }, everyMs);
  parentPort!.once('message', async () => {
    clearInterval(timer);
    await Promise.allSettled([...inflight]);
    parentPort!.postMessage({ latencies, failed } satisfies Sampled);
  });
}

/** Starts sending the requests; `stop()` ends them and answers their latencies (ms) and failures. */
export function sampleRequests(url: string, cookie: string, everyMs: number): { stop(): Promise<Sampled> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: { sampler: true, url, cookie, everyMs } satisfies SamplerData });
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (result: Sampled) => {
          void worker.terminate();
          resolve(result);
        });
        worker.postMessage('stop');
      }),
  };
}
