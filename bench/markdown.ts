/**
 * Markdown rendering of dispatch bodies: the configured unified (remark/
 * rehype) pipeline against Astro's Rust processor, Sätteri, bare and with
 * the same sanitising and text cleaning. A switch is only worth it if the
 * HTML stays what it is now (sanitised, straight quotes, NFC), so each
 * variant's output is compared with the unified one byte for byte.
 *
 *   node bench/markdown.ts [--n 2000]
 *
 * Renderers are made the way Astro makes them (processor.createRenderer with
 * the default shared options), so each variant includes the plugins Astro
 * adds around the configured ones (image collection, heading ids).
 */
import { parseArgs } from 'node:util';
import type { Root } from 'hast';
import { markdownConfigDefaults, unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { defineHastPlugin } from 'satteri';
import rehypeCleanText from '../src/lib/rehype-clean-text.ts';
import { dispatch } from './corpus.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' } } });
const n = Number(values.n);

// Content a journalist should not be able to publish: script, event handler,
// javascript: URL, a bidi override and a control character written as
// references, a decomposed é (NFC), and straight quotes that must stay so.
const injection = [
  '',
  '<script>alert(1)</script>',
  '',
  '<p onclick="steal()">قال: "نعم" و\'لا\' -- <b>غامق</b> &#x202E;&#7; Cafe\u0301</p>',
  '',
  '<a href="javascript:alert(1)">رابط</a> <img src="x.jpg" onerror="steal()" alt="صورة">',
].join('\n');
const bodies = Array.from({ length: n }, (_, i) => dispatch(i, { n, photos: 0 }).body);
bodies[0] += `\n${injection}\n`;

// What Astro passes to createRenderer when astro.config.mjs sets nothing else.
const shared = {
  image: {},
  syntaxHighlight: markdownConfigDefaults.syntaxHighlight,
  shikiConfig: markdownConfigDefaults.shikiConfig,
};

// Sätteri parses raw HTML itself (rawHtml), which stands in for rehype-raw.
const features = { smartPunctuation: false, rawHtml: true };

// Runs the very transformers of (a) on Sätteri's hast: rehype-sanitize's
// result replaces the root, then rehype-clean-text cleans that tree.
const sanitizeAndClean = defineHastPlugin({
  name: 'sanitize-clean-text',
  before(root, ctx) {
    const tree: Root = rehypeSanitize()(root as Root);
    rehypeCleanText()(tree);
    ctx.replaceNode(root, tree);
  },
});

const variants: [string, MarkdownRenderer][] = [
  [
    '(a) unified + raw/sanitize/clean-text',
    await unified({ smartypants: false, rehypePlugins: [rehypeRaw, rehypeSanitize, rehypeCleanText] }).createRenderer(shared),
  ],
  ['(b) satteri, raw, no sanitising', await satteri({ features }).createRenderer(shared)],
  ['(c) satteri + sanitize/clean-text', await satteri({ features, hastPlugins: [sanitizeAndClean] }).createRenderer(shared)],
];

async function renderAll(renderer: MarkdownRenderer): Promise<string[]> {
  const out: string[] = [];
  // One at a time, as the loader awaits each body: the time is per dispatch.
  for (const body of bodies) out.push((await renderer.render(body)).code);
  return out;
}

/** The first difference, with a little context either side. */
function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 30), i + 50));
  return `at ${i}:\n      (a) ${at(a)}\n      got ${at(b)}`;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const SMART_QUOTES = /[“”‘’]/;
const UNSAFE = /<script|onclick=|onerror=|javascript:|\u202E|\u0007/i;

console.log(`${n} dispatch bodies, ${Math.round(bodies.reduce((s, b) => s + b.length, 0) / n)} characters on average; Node ${process.version}\n`);
let reference: string[] = [];
for (const [name, renderer] of variants) {
  const html = await renderAll(renderer); // warm-up, and the output compared
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    await renderAll(renderer);
    passes.push(performance.now() - start);
  }
  const total = median(passes);
  if (reference.length === 0) reference = html;
  const differ = html.filter((h, i) => h !== reference[i]).length;
  const smart = html.filter((h) => SMART_QUOTES.test(h)).length;
  const notNfc = html.filter((h) => h !== h.normalize('NFC')).length;
  const unsafe = html.filter((h) => UNSAFE.test(h)).length;
  console.log(name);
  console.log(`  ${(total / n).toFixed(3)} ms per dispatch, ${(total / 1000).toFixed(2)} s for ${n} (median of 3: ${passes.map((p) => (p / 1000).toFixed(2)).join(', ')} s)`);
  console.log(`  same HTML as (a): ${differ === 0 ? `yes, all ${n}` : `no, ${differ} of ${n} differ; first ${firstDiff(reference[html.findIndex((h, i) => h !== reference[i])], html.find((h, i) => h !== reference[i])!)}`}`);
  console.log(`  smart quotes: ${smart ? `${smart} bodies` : 'none'}; not NFC: ${notNfc ? `${notNfc} bodies` : 'none'}; injected script/handlers/javascript:/controls: ${unsafe ? 'KEPT' : 'removed'}`);
  console.log(`  injected body renders as: ${JSON.stringify(html[0].slice(html[0].lastIndexOf('</p>', html[0].length - 200) + 4))}\n`);
}
