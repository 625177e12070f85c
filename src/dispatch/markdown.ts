/**
 * A dispatch body's Markdown tree, read as Astro renders it: GitHub-flavoured
 * (footnotes, tables, autolinks). The checks and the photo finder read the
 * same tree the page shows.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export const markdownTree = (body: string): Root => fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
