/**
 * Photos of a dispatch: the lead photo of its front-matter and the Markdown
 * images of its body. Pure: where a file is found is asked of a `FindPhoto`
 * function, so `npm run check`, the loader and tests share these rules.
 */
import type { Html, Image, ImageReference } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { visit } from 'unist-util-visit';
import { safeDecode } from './photo-markers.ts';
import type { DispatchProblem, ProblemCode, Severity } from './problems.ts';
import { markdownTree } from './markdown.ts';

/**
 * Still photos the image pipeline (sharp) reads. Not SVG; not GIF or TIFF,
 * whose frames or pages it would stack into one tall picture.
 */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif'];

/**
 * Finds a photo named in a dispatch: beside the dispatch first, then in the
 * shared images folder. Returns its path relative to the dispatch's folder
 * ("./x.jpg", "../../images/x.jpg"); undefined when there is no such file,
 * null when the name points outside the archive and the images folder.
 */
export type FindPhoto = (dispatchFile: string, src: string) => string | undefined | null;

export interface PhotoRef {
  /** As written in the dispatch; undefined for an <img> written as HTML. */
  src: string | undefined;
  /** The src of an <img> written as HTML, when it is on another site. */
  remote?: string;
  alt: string;
  caption?: string;
  /** Line in the dispatch file. */
  line: number;
}

export interface ResolvedPhoto {
  /** As written in the dispatch (body photos are matched on it). */
  src: string;
  /** Path relative to the dispatch's folder. */
  path: string;
  alt: string;
  caption?: string;
}

/**
 * The body's Markdown images in reading order, `![alt](file "caption")`,
 * reference-style ones and those in footnotes included: the body is read as
 * GitHub-flavoured Markdown, as Astro renders it.
 */
export function bodyPhotoRefs(body: string, bodyLine: number): PhotoRef[] {
  // Most dispatches have no photo: skip parsing them.
  if (!body.includes('![') && !/<img\b/i.test(body)) return [];
  const refs: PhotoRef[] = [];
  const tree = markdownTree(body);
  const definition = definitions(tree);
  visit(tree, (node) => {
    const line = bodyLine + (node.position?.start.line ?? 1) - 1;
    if (node.type === 'image' || node.type === 'imageReference') {
      const image = node as Image | ImageReference;
      const target = image.type === 'image' ? image : definition(image.identifier);
      // A reference without a definition is rendered as text, not as an image.
      if (!target) return;
      refs.push({ src: target.url, alt: image.alt?.trim() ?? '', caption: target.title?.trim() || undefined, line });
    } else if (node.type === 'html' && /<img\b/i.test((node as Html).value)) {
      const remote = [...(node as Html).value.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']?\s*((?:[a-z][a-z\d+.-]*:)?\/\/[^"'\s>]*)/gi)].map(
        (m) => m[1],
      );
      if (remote.length === 0) refs.push({ src: undefined, alt: '', line });
      for (const src of remote) refs.push({ src: undefined, remote: src, alt: '', line });
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
  if (value.startsWith('/') || /^[a-z]:[\\/]/i.test(value)) return { code: 'image.outside', params: { value } };
  if (!PHOTO_EXTENSIONS.includes(extensionOf(value))) {
    return { code: 'image.format', params: { value, formats: PHOTO_EXTENSIONS.join(', ') } };
  }
  // Markdown writes a space in a file name as %20; Astro decodes it too.
  const decoded = safeDecode(value);
  if (decoded === value && /%/.test(value)) return { code: 'image.percent', params: { value } };
  let found = find(dispatchFile, value);
  if (found === undefined && decoded !== value) found = find(dispatchFile, decoded);
  if (found === null) return { code: 'image.outside', params: { value } };
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

/**
 * Every photo of a dispatch resolved, and a problem for each that cannot be.
 * `refs`: the body's photos, when known without its text (the loader's cache).
 */
export function resolveDispatchPhotos(d: PhotoSource, find: FindPhoto, refs = bodyPhotoRefs(d.body, d.bodyLine)): DispatchPhotos {
  const problems: DispatchProblem[] = [];
  const problem = (field: string, line: number, code: ProblemCode, params: Record<string, string>, severity: Severity = 'error') =>
    problems.push({ file: d.file, line, field, code, params, severity });
  let lead: ResolvedPhoto | undefined;
  if (d.data.image !== undefined) {
    const resolved = resolvePhoto(d.file, d.data.image, find);
    if ('path' in resolved) {
      lead = { src: d.data.image, path: resolved.path, alt: d.data.imageAlt ?? '', caption: d.data.imageCaption };
    } else {
      problem('image', d.lines.image ?? 1, resolved.code, resolved.params);
    }
  }
  const body: ResolvedPhoto[] = [];
  for (const ref of refs) {
    if (ref.src === undefined) {
      // Sanitised and kept as written: it works only with a site path. One
      // from another site would be refused by the Content-Security-Policy
      // (public/_headers) and tell that site who reads what.
      if (ref.remote) problem('body', ref.line, 'image.remote', { value: ref.remote });
      else problem('body', ref.line, 'image.html', {}, 'warning');
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
    body.push({ src: ref.src, path: resolved.path, alt: ref.alt, caption: ref.caption });
  }
  return { lead, body, problems };
}
