/**
 * Body photos in rendered HTML. The loader replaces each Markdown image with
 * a marker `<figure data-photo="N"></figure>`; the page renders the Nth body
 * photo there, the feed a plain <img>.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';

const MARKER = /<figure data-photo="(\d+)"><\/figure>/;

/** What identifies a body photo in the Markdown: its file, description and caption. */
export interface PhotoKey {
  src: string;
  alt: string;
  caption?: string;
}

/** Astro's Markdown renderer marks each local image with this attribute, holding JSON. */
const ATTRIBUTE = '__astro_image_';

// Not a type guard: an element that is not such an image is still an element.
const isMarkdownImage = (node: ElementContent | RootContent): boolean =>
  node.type === 'element' && node.tagName === 'img' && ATTRIBUTE in node.properties;

const isBlank = (node: ElementContent): boolean =>
  (node.type === 'text' && node.value.trim() === '') || (node.type === 'element' && node.tagName !== 'img' && node.children.every(isBlank));

/**
 * Takes every Markdown image out of `parent`, in reading order. An element
 * that held nothing but the image (a link around it, a list item) goes too.
 */
function extractImages(parent: Root | Element): Element[] {
  const found: Element[] = [];
  parent.children = (parent.children as ElementContent[]).filter((child) => {
    if (isMarkdownImage(child)) {
      found.push(child as Element);
      return false;
    }
    if (child.type !== 'element') return true;
    const inner = extractImages(child);
    found.push(...inner);
    return inner.length === 0 || !isBlank(child);
  }) as typeof parent.children;
  return found;
}

/**
 * Replaces each Markdown image of rendered body HTML with the marker of the
 * photo in `photos` it shows (matched by file, description and caption, not
 * by order: footnotes are rendered last). A photo is a block: one written
 * inside a paragraph, list or link is moved after that block, and a block
 * left empty goes. Throws on an image that is not in `photos`.
 */
export function placePhotos(html: string, photos: readonly PhotoKey[]): string {
  if (!html.includes('__ASTRO_IMAGE_')) return html;
  const tree = fromHtml(html, { fragment: true });
  const indexOf = (image: Element) => {
    const { src = '', alt = '', title } = JSON.parse(String(image.properties[ATTRIBUTE])) as Record<string, string | undefined>;
    const index = photos.findIndex(
      (p) => (p.src === src || safeDecode(p.src) === safeDecode(src)) && p.alt === alt.trim() && p.caption === (title?.trim() || undefined),
    );
    if (index < 0) throw new Error(`the body photo «${src}» cannot be placed`);
    return index;
  };
  const children: RootContent[] = [];
  for (const block of tree.children) {
    const images = isMarkdownImage(block) ? [block as Element] : block.type === 'element' ? extractImages(block) : [];
    const markers = images.map(
      (image): Element => ({
        type: 'element',
        tagName: 'figure',
        properties: { dataPhoto: String(indexOf(image)) },
        children: [],
      }),
    );
    const emptied = images.length > 0 && (isMarkdownImage(block) || (block.type === 'element' && isBlank(block)));
    if (!emptied) children.push(block);
    children.push(...markers);
  }
  tree.children = children;
  return toHtml(tree);
}

export function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** Body HTML with each photo marker replaced by `photoHtml(n)`. */
export function fillPhotos(html: string, photoHtml: (n: number) => string): string {
  return html.replace(new RegExp(MARKER.source, 'g'), (_, n: string) => photoHtml(Number(n)));
}

/** Body HTML cut at its photo markers: strings of HTML, and photo numbers between them. */
export function splitBody(html: string): (string | number)[] {
  return html
    .split(MARKER)
    .map((part, i) => (i % 2 === 1 ? Number(part) : part))
    .filter((part) => part !== '');
}

/** Photo markers before the first paragraph, and the rest (for the dateline, which opens the text). */
export function leadingPhotos(html: string): [string, string] {
  const match = /^(?:\s*<figure data-photo="\d+"><\/figure>)*\s*/.exec(html)!;
  return [match[0], html.slice(match[0].length)];
}
