/**
 * A worker thread that renders dispatch bodies, Markdown to HTML, for the
 * body store (./bodies.ts) when a build has many to render: reading the
 * archive and rendering then use a core each. Replies may come back in
 * another order than asked; each names its job.
 */
import { parentPort } from 'node:worker_threads';
import { createBodyRenderer, renderBody } from './body-renderer.ts';

export interface BodyJob {
  id: number;
  markdown: string;
  /** The dispatch file's URL: Astro's renderer resolves images against it. */
  fileURL: string;
}

export type BodyReply = { id: number; code: string } | { id: number; error: string };

const renderer = createBodyRenderer();
parentPort!.on('message', async ({ id, markdown, fileURL }: BodyJob) => {
  try {
    parentPort!.postMessage({ id, code: await renderBody(renderer, markdown, new URL(fileURL)) } satisfies BodyReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error) } satisfies BodyReply);
  }
});
