/**
 * Dispatch bodies: Markdown rendered to sanitised HTML once, and kept in the
 * build state by the digest of the file they came from. A page or a feed
 * reads a body by name; an unchanged file is never rendered again, and a
 * full build after a change to the site's code reuses every body.
 *
 * Rendering is the unified (remark/rehype) pipeline Astro's Markdown uses,
 * made the way Astro makes it, so that Markdown images come out marked for
 * photos (see src/lib/photo-markers.ts). Raw HTML is parsed and sanitised:
 * no script, event handler, iframe or javascript: URL reaches a page, nor
 * do control or bidi override characters written as references.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeCleanText from '../lib/rehype-clean-text.ts';
import { inBatches } from '../lib/batches.ts';
import { placePhotos, type PhotoKey } from '../lib/photo-markers.ts';

/**
 * Straight quotes (smart quotes are wrong for Arabic text) and no syntax
 * highlighting: dispatches hold no code, and Shiki's styles would be
 * stripped by the sanitiser anyway.
 */
export function createBodyRenderer(): Promise<MarkdownRenderer> {
  return unified({ smartypants: false, rehypePlugins: [rehypeRaw, rehypeSanitize, rehypeCleanText] }).createRenderer({
    image: {},
    syntaxHighlight: false,
  });
}

export class BodyStore {
  readonly dir: string;
  /** The rendering code's fingerprint: part of every body's name. */
  private readonly version: string;
  private renderer?: Promise<MarkdownRenderer>;
  private names?: Set<string>;

  constructor(dir: string, version: string) {
    this.dir = dir;
    this.version = version;
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
    this.renderer ??= createBodyRenderer();
    const rendered = await (await this.renderer).render(markdown, { fileURL: pathToFileURL(file) });
    let html: string;
    try {
      html = placePhotos(rendered.code, photos);
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
