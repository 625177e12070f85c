/**
 * Shards indexed side by side, each in a worker thread of its own. One
 * Pagefind service indexes on one core, one message at a time, even given
 * two indexes at once; a worker imports its own copy of Pagefind's module,
 * and so starts its own service. The records are read and normalised in the
 * worker too. A shard's bytes depend only on its pages and their order, not
 * on the worker that indexed it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Shard } from '../lib/search-shards.ts';

/** What a worker is asked: index `shard` of the site in `outDir` into `outputPath`. */
export interface IndexJob {
  outDir: string;
  shard: Pick<Shard, 'key' | 'urls'>;
  outputPath: string;
}

export type IndexReply = { ok: true } | { ok: false; message: string };

/**
 * Each Pagefind service holds its shard's index in memory (about 400 MB for
 * 2,000 dispatches), so there are never more of them than this.
 */
const MAX_INDEXERS = 4;

/** Up to `size` workers, each started when a job first waits for one. */
export function startIndexers(size = Math.min(availableParallelism(), MAX_INDEXERS)) {
  const idle: Worker[] = [];
  const waiting: ((worker: Worker) => void)[] = [];
  const all: { worker: Worker; exited: Promise<void> }[] = [];
  let closed = false;
  const acquire = (): Promise<Worker> => {
    // After a failure the build closes the pool while other jobs still wait.
    if (closed) return Promise.reject(new Error('The search indexers are closed'));
    const worker = idle.pop();
    if (worker) return Promise.resolve(worker);
    if (all.length < size) {
      const started = new Worker(new URL('./index-worker.ts', import.meta.url));
      all.push({ worker: started, exited: new Promise((resolve) => started.once('exit', () => resolve())) });
      return Promise.resolve(started);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: Worker) => {
    if (closed) return;
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  return {
    /** Indexes one shard; rejects with Pagefind's errors, or if the worker dies. */
    async index(job: IndexJob): Promise<void> {
      const worker = await acquire();
      const reply = await new Promise<IndexReply>((resolve, reject) => {
        const onExit = (code: number) => reject(new Error(`The search index worker for ${job.shard.key} exited with code ${code}`));
        worker.once('error', reject).once('exit', onExit);
        worker.once('message', (answer: IndexReply) => {
          worker.off('error', reject).off('exit', onExit);
          resolve(answer);
        });
        worker.postMessage(job);
      });
      release(worker);
      if (!reply.ok) throw new Error(reply.message);
    },
    /** Closes every worker's Pagefind service and waits for them to exit. */
    async close(): Promise<void> {
      closed = true;
      waiting.length = 0;
      for (const { worker } of all) worker.postMessage(null);
      await Promise.all(all.map(({ exited }) => exited));
    },
  };
}
