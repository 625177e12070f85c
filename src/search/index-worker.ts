/**
 * A search index worker (see indexers.ts): indexes the shards it is sent,
 * one at a time, with a Pagefind service of its own; `null` closes it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { inBatches } from '#src/archive/batches.ts';
import { recordHtml, searchRecord, type RecordSource } from './record.ts';
import { shardLanguage } from './query.ts';
import type { IndexJob, IndexReply } from './indexers.ts';

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/** Records made and sent at a time: a shard's records all at once would be held twice, as text and as messages. */
const CHUNK = 32;

/** The HTML Pagefind indexes for `sources[from, from + CHUNK)`, their bodies read from `bodies`, in order. */
async function chunkHtml(sources: readonly RecordSource[], from: number, bodies: string): Promise<string[]> {
  const chunk = sources.slice(from, from + CHUNK);
  const html: string[] = new Array(chunk.length);
  await inBatches([...chunk.keys()], async (i) => {
    try {
      html[i] = recordHtml(searchRecord(chunk[i], await readFile(path.join(bodies, chunk[i].body), 'utf8')));
    } catch (error) {
      throw new Error(`The search record of ${chunk[i].url} cannot be made: ${(error as Error).message}`, { cause: error });
    }
  });
  return html;
}

async function indexShard({ shard, sources, bodies, outputPath }: IndexJob): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: shardLanguage(shard) });
  if (!index) fail('start', errors);
  // Records are sent in path order: Pagefind numbers pages in the order it
  // receives them, so the order must not vary. The next chunk is made while
  // Pagefind indexes one.
  const pending: Promise<{ url: string; errors: string[] }>[] = [];
  let next: Promise<string[]> | undefined = chunkHtml(sources, 0, bodies);
  try {
    for (let from = 0; next; from += CHUNK) {
      const sent = (await next).map((content, i) => {
        const { url } = sources[from + i];
        return index.addHTMLFile({ url, content }).then(({ errors }) => ({ url, errors }));
      });
      pending.push(...sent);
      next = from + CHUNK < sources.length ? chunkHtml(sources, from + CHUNK, bodies) : undefined;
      // Awaited on the next turn; a failure meanwhile must not go unhandled.
      next?.catch(() => undefined);
      for (const { url, errors } of await Promise.all(sent)) {
        if (errors.length > 0) fail(`index ${url}`, errors);
      }
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail(`write the index of ${shard}`, written.errors);
  } finally {
    // Pages already sent are answered before the index goes, so that
    // closing the service cannot fail them (an unhandled rejection here
    // would hide the error that stopped this shard).
    await Promise.allSettled(pending);
    await next?.catch(() => undefined);
    await index.deleteIndex();
  }
}

const port = parentPort!;
// One message at a time: `null` (close) waits for the shard being indexed.
let queue = Promise.resolve();
port.on('message', (job: IndexJob | null) => {
  queue = queue.then(async () => {
    if (job === null) {
      await pagefind.close();
      port.close();
      return;
    }
    let reply: IndexReply;
    try {
      await indexShard(job);
      reply = { ok: true };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});
