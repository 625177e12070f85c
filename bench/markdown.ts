/**
 * Markdown rendering of dispatch bodies: the configured unified (remark/
 * rehype) pipeline against Astro's Rust processor, Sätteri, bare and with
 * the same sanitising and text cleaning. A switch is only worth it if the
 * HTML stays what it is now (sanitised, straight quotes, NFC), so each
 * variant's output is compared with the unified one byte for byte.
 *
 *   npm run bench:markdown [-- --n 2000]
 *
 * Sätteri is Astro 7's default processor: astro depends on
 * @astrojs/markdown-satteri (and satteri), which is why they are importable
 * here without being dependencies of this project.
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
import rehypeCleanText from '#src/render/rehype-clean-text.ts';
import { dispatch } from './corpus.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' } } });
const n = Number(values.n);

// One test body also carries the Markdown a dispatch may use beyond plain
// paragraphs, then what a journalist must not be able to publish: script,
// event handlers, a javascript: URL, a bidi override and a control character
// written as references, a decomposed é (NFC), and straight quotes that must
// stay straight.
const testBody = [
  '## عنوان فرعي',
  '',
  '- بند *مائل* و**غامق** مع [رابط](https://example.com "عنوان") و`رمز`',
  '',
  '> اقتباس من البيان.',
  '',
  '| المدينة | العدد |',
  '| --- | ---: |',
  '| طرابلس | 12 |',
  '',
  'نص مع حاشية[^1] ورابط تلقائي https://example.org وخط ~~مشطوب~~.',
  '',
  '[^1]: الحاشية.',
  '',
  '---',
  '',
  '<script>alert(1)</script>',
  '',
  '<p onclick="steal()">قال: "نعم" و\'لا\' -- <b>غامق</b> &#x202E;&#7; Cafe\u0301</p>',
  '',
  '<a href="javascript:alert(1)">رابط</a> <img src="x.jpg" onerror="steal()" alt="صورة">',
].join('\n');
const bodies = Array.from({ length: n }, (_, i) => dispatch(i, { n, photos: 0 }).body);
bodies[0] += `\n\n${testBody}\n`;

// What Astro passes to createRenderer when astro.config.mjs sets nothing else.
const shared = {
  image: {},
  syntaxHighlight: markdownConfigDefaults.syntaxHighlight,
  shikiConfig: markdownConfigDefaults.shikiConfig,
};

// Sätteri parses raw HTML itself (rawHtml), which stands in for rehype-raw.
const features = { smartPunctuation: false, rawHtml: true };

// Runs the very transformers of (a) on Sätteri's hast: rehype-sanitize's
// result replaces the root, then rehype-clean-text cleans that tree. Sätteri
// aligns table cells with a style, which the sanitize schema drops, where
// remark-rehype writes align=, which it keeps: the visitor turns one into the
// other first (visitors run before `after`).
const sanitizeAndClean = defineHastPlugin({
  name: 'sanitize-clean-text',
  element: {
    filter: ['th', 'td'],
    visit(node, ctx) {
      const align = /^text-align: (left|right|center)$/.exec(String(node.properties.style ?? ''))?.[1];
      if (!align) return;
      ctx.setProperty(node, 'style', null);
      ctx.setProperty(node, 'align', align);
    },
  },
  after(root, ctx) {
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

/** The first difference between two bodies' HTML, with a little context. */
function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 40));
  return `at character ${i}:\n    (a)  ${at(a)}\n    this ${at(b)}`;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const SMART_QUOTES = /[“”‘’]/;
const UNSAFE = /<script|onclick=|onerror=|javascript:|\u202E|\u0007/i;

console.log(
  `${n} dispatch bodies, ${Math.round(bodies.reduce((s, b) => s + b.length, 0) / n)} characters on average; Node ${process.version}\n`,
);
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
  // Sätteri's serialiser ends the HTML with a newline; count what else differs.
  const substantive = html.findIndex((h, i) => h.replace(/\n$/, '') !== reference[i]);
  const beyondNewline = html.filter((h, i) => h.replace(/\n$/, '') !== reference[i]).length;
  const example = substantive >= 0 ? substantive : html.findIndex((h, i) => h !== reference[i]);
  const smart = html.filter((h) => SMART_QUOTES.test(h)).length;
  const notNfc = html.filter((h) => h !== h.normalize('NFC')).length;
  const unsafe = html.filter((h) => UNSAFE.test(h)).length;
  console.log(name);
  console.log(
    `  ${(total / n).toFixed(3)} ms per dispatch, ${(total / 1000).toFixed(2)} s for ${n} (median of 3: ${passes.map((p) => (p / 1000).toFixed(2)).join(', ')} s)`,
  );
  console.log(
    differ === 0
      ? `  same HTML as (a): yes, all ${n}`
      : `  same HTML as (a): no, ${differ} of ${n} differ, ${beyondNewline} beyond a final newline; first ${firstDiff(reference[example], html[example])}`,
  );
  console.log(
    `  smart quotes: ${smart ? `${smart} bodies` : 'none'}; not NFC: ${notNfc ? `${notNfc} bodies` : 'none'}; injected script/handlers/javascript:/controls: ${unsafe ? 'KEPT' : 'removed'}`,
  );
  console.log(
    `  test body between <hr> and footnotes: ${JSON.stringify(html[0].slice(html[0].lastIndexOf('<hr>') + 5, html[0].indexOf('<section')))}\n`,
  );
}
