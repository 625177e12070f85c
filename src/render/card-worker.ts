/**
 * A worker thread that draws social cards ahead of the pages that serve
 * them (src/build/cards-ahead.ts), into the build state, where the pages
 * then read them: drawing moves off the thread that renders pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drawnImagesUse } from './drawn-images.ts';
import { cachedCard, type SocialCard } from './social-card.ts';

export interface CardJob {
  card: SocialCard;
  kept: boolean;
}

export type CardWorkerMessage = { done: number } | { done: number; drawn: number; finished: true };

const jobs = (workerData as { jobs: CardJob[] }).jobs;
let done = 0;
for (const { card, kept } of jobs) {
  await cachedCard(card, { kept });
  if (++done % 50 === 0) parentPort!.postMessage({ done } satisfies CardWorkerMessage);
}
parentPort!.postMessage({ done, drawn: drawnImagesUse().drawn.size, finished: true } satisfies CardWorkerMessage);
