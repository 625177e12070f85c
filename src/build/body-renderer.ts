/**
 * Markdown to sanitised HTML, for dispatch bodies: the unified
 * (remark/rehype) pipeline Astro's Markdown uses, made the way Astro makes
 * it, so that Markdown images come out marked for photos (see
 * src/dispatch/photo-markers.ts). Raw HTML is parsed and sanitised: no script,
 * event handler, iframe or javascript: URL reaches a page, nor do control or
 * bidi override characters written as references.
 */
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeCleanText from '#src/render/rehype-clean-text.ts';

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

/** The body of `file` (its URL) as HTML, photos not yet placed. */
export async function renderBody(renderer: Promise<MarkdownRenderer>, markdown: string, fileURL: URL): Promise<string> {
  return (await (await renderer).render(markdown, { fileURL })).code;
}
