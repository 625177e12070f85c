/**
 * Shards indexed side by side, each in a worker thread of its own. One
 * Pagefind service indexes on one core, one message at a time, even given
 * two indexes at once; a worker imports its own copy of Pagefind's module,
 * and so starts its own service. The records' words are normalised in the
 * worker too. A shard's bytes depend only on its records and their order, not
 * on the worker that indexed it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RecordSource } from './record.ts';

/**
 * What a worker is asked: index the records of `sources` (shard `shard`, in
 * path order), their bodies read from `bodies`, into `outputPath`.
 */
export interface IndexJob {
  shard: string;
  sources: RecordSource[];
  bodies: string;
  outputPath: string;
}

export type IndexReply = { ok: true } | { ok: false; message: string };

/**
 * Each Pagefind service holds its shard's index in memory (hundreds of MB
 * for a shard of long dispatches), so there are never more of them than this.
 */
const MAX_INDEXERS = 4;

/**
 * A worker holds one chunk of records at a time (index-worker.ts): a small
 * young generation is enough, and V8's default would keep tens of MB more.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/**
 * Pagefind's Linux builds use jemalloc, whose arena per thread keeps the pages freed in it:
 * with one arena, writing a shard reuses what indexing freed. A setting of the user's wins.
 */
const PAGEFIND_ENV = { _RJEM_MALLOC_CONF: 'narenas:1' };

function spawnWorker(): Worker {
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url), {
    resourceLimits: WORKER_LIMITS,
    // The worker's Pagefind service inherits it.
    env: { ...PAGEFIND_ENV, ...process.env },
  });
  // A worker that dies between jobs is not handed another; one that dies
  // during a job fails that job (see ask()). Either way, never unheard.
  worker.on('error', () => undefined);
  return worker;
}

/** Gives `worker` one job; rejects if it fails or exits before it answers. */
function ask(worker: Worker, job: IndexJob): Promise<IndexReply> {
  return new Promise<IndexReply>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const onExit = (code: number) => reject(new Error(`The search index worker for ${job.shard} exited with code ${code}`));
    worker.once('error', onError).once('exit', onExit);
    worker.once('message', (answer: IndexReply) => {
      worker.off('error', onError).off('exit', onExit);
      resolve(answer);
    });
    worker.postMessage(job);
  });
}

/** Up to `size` workers, each started when a job first waits for one. */
export function startIndexers(size = Math.min(availableParallelism(), MAX_INDEXERS)) {
  const idle = new Set<Worker>();
  const waiting: { resolve: (worker: Worker) => void; reject: (error: Error) => void }[] = [];
  const running = new Map<Worker, Promise<void>>();
  let closed = false;
  const start = () => {
    const worker = spawnWorker();
    running.set(
      worker,
      new Promise<void>((resolve) => worker.once('exit', () => resolve())).then(() => {
        idle.delete(worker);
        running.delete(worker);
      }),
    );
    return worker;
  };
  const acquire = (): Promise<Worker> => {
    // After a failure the build closes the pool while other jobs still wait.
    if (closed) return Promise.reject(new Error('The search indexers are closed'));
    const [worker] = idle;
    if (worker) {
      idle.delete(worker);
      return Promise.resolve(worker);
    }
    if (running.size < size) return Promise.resolve(start());
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (worker: Worker) => {
    if (closed || !running.has(worker)) return;
    const next = waiting.shift();
    if (next) next.resolve(worker);
    else idle.add(worker);
  };
  return {
    /** How many shards are indexed at once. */
    size,
    /** Indexes one shard; rejects with Pagefind's errors, or if the worker dies. */
    async index(job: IndexJob): Promise<void> {
      const worker = await acquire();
      try {
        const reply = await ask(worker, job);
        if (!reply.ok) throw new Error(reply.message);
      } finally {
        release(worker);
      }
    },
    /** Closes every worker's Pagefind service and waits for them to exit; jobs still waiting fail. */
    async close(): Promise<void> {
      closed = true;
      for (const { reject } of waiting.splice(0)) reject(new Error('The search indexers are closed'));
      for (const worker of running.keys()) worker.postMessage(null);
      await Promise.all(running.values());
    },
  };
}
