/**
 * Photos of a dispatch: the lead photo of its front-matter and the Markdown
 * images of its body. Pure: where a file is found is asked of a `FindPhoto`
 * function, so `npm run check`, the loader and tests share these rules.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, RootContent } from 'hast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Html, Image } from 'mdast';
import { visit } from 'unist-util-visit';
import type { DispatchProblem, ProblemCode, Severity } from './problems.ts';

/** What Astro's image pipeline (sharp) reads; SVG is not a photo. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'];

/**
 * Finds a photo named in a dispatch: beside the dispatch first, then in the
 * shared images folder. Returns its path relative to the dispatch's folder
 * ("./x.jpg", "../../images/x.jpg"), or undefined when there is no such file.
 */
export type FindPhoto = (dispatchFile: string, src: string) => string | undefined;

export interface PhotoRef {
  /** As written in the dispatch; undefined for an <img> written as HTML. */
  src: string | undefined;
  alt: string;
  caption?: string;
  /** Line in the dispatch file. */
  line: number;
}

export interface ResolvedPhoto {
  /** Path relative to the dispatch's folder. */
  path: string;
  alt: string;
  caption?: string;
}

/** The body's Markdown images in reading order; `![alt](file "caption")`. */
export function bodyPhotoRefs(body: string, bodyLine: number): PhotoRef[] {
  const refs: PhotoRef[] = [];
  visit(fromMarkdown(body), (node) => {
    const line = bodyLine + (node.position?.start.line ?? 1) - 1;
    if (node.type === 'image') {
      const image = node as Image;
      refs.push({ src: image.url, alt: image.alt?.trim() ?? '', caption: image.title?.trim() || undefined, line });
    } else if (node.type === 'html' && /<img\b/i.test((node as Html).value)) {
      refs.push({ src: undefined, alt: '', line });
    }
  });
  return refs;
}

const isRemote = (src: string) => /^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//');
const extensionOf = (src: string) => /\.([a-z\d]+)$/i.exec(src)?.[1]?.toLowerCase() ?? '';

/**
 * Resolves one photo, or says why it cannot be used. Remote files are
 * refused: every byte a reader loads comes from the site's own origin.
 */
export function resolvePhoto(
  dispatchFile: string,
  src: string,
  find: FindPhoto,
): { path: string } | { code: ProblemCode; params: Record<string, string> } {
  const value = src.trim();
  if (isRemote(value)) return { code: 'image.remote', params: { value } };
  if (!PHOTO_EXTENSIONS.includes(extensionOf(value))) {
    return { code: 'image.format', params: { value, formats: PHOTO_EXTENSIONS.join(', ') } };
  }
  const found = find(dispatchFile, value);
  return found ? { path: found } : { code: 'image.missing', params: { value } };
}

/** The dispatch fields photos need, as the parser gives them. */
export interface PhotoSource {
  file: string;
  body: string;
  bodyLine: number;
  lines: Record<string, number>;
  data: { image?: string; imageAlt?: string; imageCaption?: string };
}

export interface DispatchPhotos {
  lead?: ResolvedPhoto;
  body: ResolvedPhoto[];
  problems: DispatchProblem[];
}

/** Every photo of a dispatch resolved, and a problem for each that cannot be. */
export function resolveDispatchPhotos(d: PhotoSource, find: FindPhoto): DispatchPhotos {
  const problems: DispatchProblem[] = [];
  const problem = (field: string, line: number, code: ProblemCode, params: Record<string, string>, severity: Severity = 'error') =>
    problems.push({ file: d.file, line, field, code, params, severity });
  let lead: ResolvedPhoto | undefined;
  if (d.data.image !== undefined) {
    const resolved = resolvePhoto(d.file, d.data.image, find);
    if ('path' in resolved) {
      lead = { path: resolved.path, alt: d.data.imageAlt ?? '', caption: d.data.imageCaption };
    } else {
      problem('image', d.lines.image ?? 1, resolved.code, resolved.params);
    }
  }
  const body: ResolvedPhoto[] = [];
  for (const ref of bodyPhotoRefs(d.body, d.bodyLine)) {
    if (ref.src === undefined) {
      // Sanitised and kept as written: it works only with a site path.
      problem('body', ref.line, 'image.html', {}, 'warning');
      continue;
    }
    const resolved = resolvePhoto(d.file, ref.src, find);
    if (!('path' in resolved)) {
      problem('body', ref.line, resolved.code, resolved.params);
      continue;
    }
    if (!ref.alt) {
      problem('body', ref.line, 'image.bodyAlt', { value: ref.src });
      continue;
    }
    body.push({ path: resolved.path, alt: ref.alt, caption: ref.caption });
  }
  return { lead, body, problems };
}

const MARKER = /<figure data-photo="(\d+)"><\/figure>/;

/** Astro's Markdown renderer marks each local image with this attribute. */
const isMarkdownImage = (node: ElementContent | RootContent): node is Element =>
  node.type === 'element' && node.tagName === 'img' && '__astro_image_' in node.properties;

const isBlank = (node: ElementContent): boolean =>
  (node.type === 'text' && node.value.trim() === '') ||
  (node.type === 'element' && node.tagName !== 'img' && node.children.every(isBlank));

/**
 * Replaces each Markdown image of rendered body HTML, in reading order, with
 * a marker `<figure data-photo="N"></figure>` that the page turns into the
 * Nth body photo. A photo is a block: one written inside a paragraph is
 * moved after it, and a paragraph left empty goes.
 */
export function placePhotos(html: string): string {
  if (!html.includes('__ASTRO_IMAGE_')) return html;
  const tree = fromHtml(html, { fragment: true });
  let next = 0;
  const children: RootContent[] = [];
  for (const block of tree.children) {
    const found: Element[] = [];
    if (isMarkdownImage(block)) found.push(block);
    else {
      visit(block, 'element', (node: Element, index, parent: Element | undefined) => {
        if (!isMarkdownImage(node) || !parent || index === undefined) return undefined;
        found.push(node);
        parent.children.splice(index, 1);
        return index;
      });
    }
    const markers = found.map((): Element => ({
      type: 'element',
      tagName: 'figure',
      properties: { dataPhoto: String(next++) },
      children: [],
    }));
    const emptied = found.length > 0 && block.type === 'element' && !isMarkdownImage(block) && isBlank(block);
    if (!emptied && !isMarkdownImage(block)) children.push(block);
    children.push(...markers);
  }
  tree.children = children;
  return toHtml(tree);
}

/** Body HTML with each photo marker replaced by `photoHtml(n)`. */
export function fillPhotos(html: string, photoHtml: (n: number) => string): string {
  return html.replace(new RegExp(MARKER.source, 'g'), (_, n: string) => photoHtml(Number(n)));
}

/** Body HTML cut at its photo markers: strings of HTML, and photo numbers between them. */
export function splitBody(html: string): (string | number)[] {
  const parts = html.split(MARKER);
  return parts
    .map((part, i) => (i % 2 === 1 ? Number(part) : part))
    .filter((part) => part !== '');
}
