/**
 * Social cards drawn ahead, in a worker thread (src/render/card-worker.ts),
 * while the main thread renders the other pages: the card pages, rendered
 * last, then read them from the build state. A few cards (a publish) are
 * not worth a thread: the pages draw them.
 */
import { Worker } from 'node:worker_threads';
import type { CardJob, CardWorkerMessage } from '#src/render/card-worker.ts';
import { keptAsDrawn } from '#src/render/social-card.ts';
import type { Site } from '#src/site/model.ts';
import { cardEntries, socialCard } from '#src/site/routes/dispatches.ts';
import type { PlannedRoute } from './plan.ts';

/** Fewer cards than this are drawn by the pages themselves (CARD_WORKER_MIN sets it, for tests). */
const WORTH_A_THREAD = Number(process.env.CARD_WORKER_MIN ?? 200);

export interface CardsAhead {
  total: number;
  /** Cards done so far. */
  done(): number;
  /** Settles with the number drawn (the others were kept from earlier builds) once every card is in the state. */
  finished: Promise<number>;
  /** Stops the worker if it still runs (the build failed meanwhile). */
  stop(): Promise<void>;
}

export function drawCardsAhead(site: Site, planned: readonly PlannedRoute[]): CardsAhead | undefined {
  const paths = new Set(planned.filter((r) => r.route === 'card').map((r) => r.path));
  if (paths.size < WORTH_A_THREAD) return undefined;
  const jobs: CardJob[] = [];
  for (const { path, view } of cardEntries(site)) {
    if (paths.has(path)) jobs.push({ card: socialCard(view.dispatch), kept: keptAsDrawn(view.dispatch.date, site.now) });
  }
  const worker = new Worker(new URL('../render/card-worker.ts', import.meta.url), { workerData: { jobs } });
  let done = 0;
  const finished = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: CardWorkerMessage) => {
      done = message.done;
      if ('finished' in message) resolve(message.drawn);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the card worker stopped (exit ${code}) after ${done} of ${jobs.length} cards`)));
  });
  return { total: jobs.length, done: () => done, finished, stop: async () => void (await worker.terminate()) };
}
