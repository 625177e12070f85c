/**
 * Dispatch bodies: Markdown rendered to sanitised HTML once
 * (./body-renderer.ts), and kept in the build state by the digest of the
 * file they came from. A page or a feed reads a body by name; an unchanged
 * file is never rendered again, and a full build after a change to the
 * site's code reuses every body. A build with many bodies to render renders
 * them in a worker thread (./body-worker.ts) while it reads the next files.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { inBatches } from '#src/archive/batches.ts';
import { placePhotos, type PhotoKey } from '#src/dispatch/photo-markers.ts';
import { createBodyRenderer, renderBody } from './body-renderer.ts';
import type { BodyJob, BodyReply } from './body-worker.ts';

/** Bodies rendered in this thread before the rest go to a worker: a publish renders a few (BODY_WORKER_AFTER sets it, for tests). */
const IN_THREAD = Number(process.env.BODY_WORKER_AFTER ?? 50);

/** Renders bodies in a worker thread; a worker that stopped fails what it had and anything asked of it after. */
class BodyWorker {
  private readonly worker = new Worker(new URL('./body-worker.ts', import.meta.url));
  private readonly waiting = new Map<number, { resolve: (code: string) => void; reject: (error: Error) => void }>();
  private next = 0;
  private stopped?: Error;

  constructor() {
    this.worker.on('message', (reply: BodyReply) => {
      const job = this.waiting.get(reply.id)!;
      this.waiting.delete(reply.id);
      if ('code' in reply) job.resolve(reply.code);
      else job.reject(new Error(reply.error));
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the body worker stopped (exit ${code})`)));
  }

  private stop(error: Error) {
    this.stopped ??= error;
    for (const job of this.waiting.values()) job.reject(error);
    this.waiting.clear();
  }

  render(markdown: string, file: string): Promise<string> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, markdown, fileURL: pathToFileURL(file).href } satisfies BodyJob);
    });
  }

  async close() {
    this.stop(new Error('the body store was closed'));
    await this.worker.terminate();
  }
}

export class BodyStore {
  readonly dir: string;
  /** The rendering code's fingerprint: part of every body's name. */
  private readonly version: string;
  private renderer?: Promise<MarkdownRenderer>;
  /** Whether many bodies may go to a worker thread (a build; not `astro dev`, which keeps its store). */
  private readonly useWorker: boolean;
  private worker?: BodyWorker;
  private renderedHere = 0;
  private names?: Set<string>;

  constructor(dir: string, version: string, { useWorker = false } = {}) {
    this.dir = dir;
    this.version = version;
    this.useWorker = useWorker;
  }

  /** The name a dispatch file's body is stored under, from the digest of the file's text. */
  nameOf(textDigest: string): string {
    return `${createHash('sha1').update(`${this.version}\0${textDigest}`).digest('hex')}.html`;
  }

  /** The names of the stored bodies, listed once: a large archive has one file a dispatch. */
  async stored(): Promise<ReadonlySet<string>> {
    return (this.names ??= new Set(await readdir(this.dir).catch(() => [] as string[])));
  }

  async has(name: string): Promise<boolean> {
    return (await this.stored()).has(name);
  }

  /** Renders `markdown` (the body of `file`, an absolute path) and stores it under `name`. */
  async render(name: string, markdown: string, file: string, photos: readonly PhotoKey[]): Promise<string> {
    let html: string;
    try {
      html = placePhotos(await this.renderCode(markdown, file), photos);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
    await mkdir(this.dir, { recursive: true });
    const partial = path.join(this.dir, `${name}.${process.pid}.partial`);
    await writeFile(partial, html);
    await rename(partial, path.join(this.dir, name));
    this.names?.add(name);
    return html;
  }

  private renderCode(markdown: string, file: string): Promise<string> {
    if (this.useWorker && this.renderedHere++ >= IN_THREAD) return (this.worker ??= new BodyWorker()).render(markdown, file);
    return renderBody((this.renderer ??= createBodyRenderer()), markdown, pathToFileURL(file));
  }

  /** Stops the worker, if one was started. */
  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  read(name: string): Promise<string> {
    return readFile(path.join(this.dir, name), 'utf8');
  }

  /** Deletes the bodies no dispatch names any more. */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await inBatches(
      names.filter((name) => !keep.has(name)),
      (name) => rm(path.join(this.dir, name), { force: true }),
    );
  }
}
