/**
 * npm run bench [-- --n 1000] [--photos 0.25] [--dir <folder>] [--keep] [--skip-hugo] [--skip-warm] [--skip-clean]
 *
 * Generates a synthetic archive (bench/corpus.ts) in a temporary folder and
 * builds it with the project's real pipeline: from cold, again from Astro's
 * cache, then after adding one dispatch (its "time to live"). It prints
 * what each cost (wall time, pages per second, peak memory, dist/ and search
 * index sizes, with --photos the image step) and the bytes a browser fetches
 * for a first search. With `hugo` on the PATH it also builds the same corpus
 * with the minimal Hugo site in bench/hugo/ and prints the ratio.
 * It checks the result: every sampled dispatch has its page and headline, and
 * the build after adding one equals a clean build of the same archive, byte
 * for byte. Figures, not assertions: nothing here fails on time.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch, writeCorpus, type CorpusOptions } from '../bench/corpus.ts';
import { firstSearch } from '../bench/first-search.ts';
import { differingFiles, du, kb, mb, run, seconds, type Run } from '../bench/measure.ts';
import { projectRoot } from './cli.ts';
import { dispatchPath } from '../src/lib/urls.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    photos: { type: 'string', default: '0' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // For the largest archives, where each build takes many minutes: Hugo
    // (still running after 12 minutes, at 12 GB, at 100,000 here), the rebuild with nothing
    // changed (time to live measures nearly the same), and the clean build
    // that only checks the incremental one.
    'skip-hugo': { type: 'boolean', default: false },
    'skip-warm': { type: 'boolean', default: false },
    'skip-clean': { type: 'boolean', default: false },
  },
});
const options: CorpusOptions = { n: Number(values.n), photos: Number(values.photos) };
if (!(options.n > 0) || !(options.photos >= 0 && options.photos <= 1)) {
  console.error('Usage: npm run bench -- --n <dispatches> [--photos <share 0..1>] [--dir <folder>] [--keep] [--skip-hugo] [--skip-warm] [--skip-clean]');
  process.exit(2);
}

const root = values.dir ? path.resolve(values.dir) : await mkdtemp(path.join(tmpdir(), 'wal-bench-'));
const archiveDir = path.join(root, 'dispatches');
const cacheDir = path.join(root, 'cache');
const buildScript = path.join(projectRoot, 'scripts/build.ts');

const line = (label: string, value: string) => console.log(`${label.padEnd(28)} ${value}`);

function build(outDir: string, cache = cacheDir): Promise<Run> {
  return run(process.execPath, [buildScript, '--outDir', outDir], {
    cwd: projectRoot,
    env: { ...process.env, ARCHIVE_DIR: archiveDir, ASTRO_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
}

function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Seconds of the first «Completed in …» after `marker` in Astro's log. Astro
 * writes «812ms», «8.52s», and from a minute on «75m 12s».
 */
function completedAfter(output: string, marker: string): number | undefined {
  const at = output.indexOf(marker);
  const done = at < 0 ? null : /Completed in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(output.slice(at));
  if (!done) return undefined;
  return Number(done[1] ?? 0) * 60 + Number(done[2]) / (done[3] === 'ms' ? 1000 : 1);
}

/** Seconds Astro reports for its image step, from the build log. */
const imageSeconds = (output: string) => completedAfter(output, 'generating optimized images');

/** Where a build's time went, read from Astro's log (timestamps are to the second). */
function phases(output: string): string | undefined {
  /** Seconds of the day on the line where `marker` is (first, or last), searching from `from`. */
  const clock = (marker: string, options: { last?: boolean; from?: number } = {}) => {
    const at = options.last ? output.lastIndexOf(marker) : output.indexOf(marker, options.from);
    // The line's own timestamp opens it: «20:00:52 [build] 1477 page(s) built in …».
    const stamp = at < 0 ? undefined : /(\d\d):(\d\d):(\d\d)/.exec(output.slice(output.lastIndexOf('\n', at) + 1, at));
    return stamp ? Number(stamp[1]) * 3600 + Number(stamp[2]) * 60 + Number(stamp[3]) : NaN;
  };
  const sync = clock('[content] Synced content') - clock('[content] Syncing content');
  const bundling = clock('Rearranging server assets') - clock('Building static entrypoints');
  const rendering = completedAfter(output, 'generating static routes');
  const afterPages = clock('page(s) built in') - clock('[build] ✓ Completed in', { last: true });
  if (rendering === undefined) return undefined;
  // Time between the bundle and the first page that Astro's own count leaves
  // out: a naive 20k site here sometimes stalled there for minutes.
  const routesDone = clock('Completed in', { from: output.indexOf('generating static routes') });
  const stall = routesDone - clock('Rearranging server assets') - rendering;
  return (
    `content sync ~${sync} s, bundling ~${bundling} s, pages ${seconds(rendering)}` +
    `${stall > 5 ? `, a stall of ~${Math.round(stall)} s before them` : ''}, after pages (sitemap, feeds) ~${afterPages} s`
  );
}

async function report(label: string, result: Run, outDir: string) {
  if (result.code !== 0) {
    console.error(result.output);
    throw new Error(`${label} failed (exit ${result.code})`);
  }
  const pages = await du(outDir, (f) => f.endsWith('.html'));
  const all = await du(outDir);
  const search = await du(path.join(outDir, 'pagefind'));
  const images = await du(path.join(outDir, '_astro'), (f) => /\.(avif|webp|jpe?g|png)$/.test(f));
  console.log(`\n${label}`);
  line('  wall time', seconds(result.seconds));
  const phaseTimes = phases(result.output);
  if (phaseTimes) line('  of which', phaseTimes);
  const rendered = /Rendered (\d+) of (\d+) archive pages/.exec(result.output);
  if (rendered && rendered[1] !== rendered[2]) {
    line('  pages', `${pages.files} in the folder; ${rendered[1]} of ${rendered[2]} archive pages rendered, the rest unchanged`);
  } else {
    line('  pages', `${pages.files} (${Math.round(pages.files / result.seconds)} pages/s)`);
  }
  line('  peak RSS', mb(result.peakRss));
  line('  dist/', `${mb(all.bytes)} in ${all.files} files`);
  line('  search index', `${mb(search.bytes)} in ${search.files} files`);
  const indexed = /Search: (\d+) dispatches in (\d+) shards; indexed (.+) in (\d+) ms/.exec(result.output);
  if (indexed) {
    const shards = indexed[3].startsWith('none') ? 'none' : `${indexed[3].split(', ').length} of ${indexed[2]}`;
    line('  search index step', `${seconds(Number(indexed[4]) / 1000)} (shards indexed: ${shards})`);
  }
  if (images.files > 0) {
    line('  images', `${images.files} files, ${mb(images.bytes)}`);
    const spent = imageSeconds(result.output);
    if (spent !== undefined) line('  image step', seconds(spent));
  }
  return { pages: pages.files };
}

/** Every dispatch has its page, with its headline; a sample is read back. */
async function verify(outDir: string, pageCount: number) {
  const problems: string[] = [];
  const step = Math.max(1, Math.floor(options.n / 25));
  for (let i = 0; i < options.n; i += step) {
    const d = dispatch(i, options);
    const title = /title: "(.*)"/.exec(d.text)![1];
    const date = new Date(/date: "(.*)"/.exec(d.text)![1]);
    const url = dispatchPath(date, path.basename(d.file, '.md'));
    const html = await readFile(path.join(outDir, decodeURI(url), 'index.html'), 'utf8').catch(() => '');
    if (!html) {
      problems.push(`no page ${url} for ${d.file}`);
      continue;
    }
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`<h1[^>]*>${escaped}</h1>`).test(html)) problems.push(`${d.file}: headline missing`);
  }
  // One page per dispatch plus listings: at least N pages.
  if (pageCount < options.n) problems.push(`${pageCount} pages for ${options.n} dispatches`);
  return problems;
}

console.log(`Benchmark: ${options.n} dispatches, ${Math.round(options.photos * 100)} % with a photo`);
line('machine', `${cpus().length} cores, ${mb(totalmem())} RAM, Node ${process.versions.node}`);
line('folder', root);
const hugo = values['skip-hugo'] ? undefined : hugoVersion();
const hugoSite = path.join(root, 'hugo');

const started = performance.now();
if (hugo) await cp(path.join(projectRoot, 'bench/hugo'), hugoSite, { recursive: true });
const corpus = await writeCorpus(root, options, { hugoContent: hugo ? path.join(hugoSite, 'content/dispatches') : undefined });
const markdown = await du(archiveDir);
line('corpus', `${corpus.dispatches} dispatches (${mb(markdown.bytes)} Markdown), ${corpus.photos} photos, written in ${seconds((performance.now() - started) / 1000)}`);

let hugoRun: Run | undefined;
if (hugo) {
  hugoRun = await run('hugo', ['--quiet', '--source', hugoSite, '--destination', path.join(root, 'hugo-dist')], { cwd: root, env: process.env });
  if (hugoRun.code !== 0) throw new Error(`hugo failed:\n${hugoRun.output}`);
  const pages = await du(path.join(root, 'hugo-dist'), (f) => f.endsWith('.html'));
  console.log(`\nHugo (${hugo.split(' ')[1] ?? hugo}): pages, taxonomies, RSS, sitemap; no search index`);
  line('  wall time', seconds(hugoRun.seconds));
  line('  pages', `${pages.files} (${Math.round(pages.files / hugoRun.seconds)} pages/s)`);
  line('  peak RSS', mb(hugoRun.peakRss));
} else {
  console.log(`\nHugo: ${values['skip-hugo'] ? 'skipped (--skip-hugo)' : 'not on the PATH (apt-get install hugo)'}, not compared`);
}

const cold = await build(path.join(root, 'dist'));
const { pages } = await report('Cold build (empty cache)', cold, path.join(root, 'dist'));
const cached = values['skip-warm'] ? undefined : await build(path.join(root, 'dist-cached'));
if (cached) await report('Rebuild, nothing changed (warm cache)', cached, path.join(root, 'dist-cached'));

// Publishing builds into the folder the last build wrote: only what the new
// dispatch touches is rendered (src/integrations/incremental.ts).
const published = path.join(root, cached ? 'dist-cached' : 'dist');
await writeCorpus(root, options, { from: options.n, to: options.n + 1 });
const added = await build(published);
await report('One dispatch added, rebuilt in place (time to live)', added, published);

const problems = await verify(path.join(root, 'dist'), pages);
if (!values['skip-clean']) {
  const clean = await build(path.join(root, 'dist-clean'), path.join(root, 'cache-clean'));
  if (clean.code !== 0) throw new Error(`the clean build failed:\n${clean.output}`);
  const differing = await differingFiles(published, path.join(root, 'dist-clean'));
  if (differing.length > 0) problems.push(`after adding one, ${differing.length} files differ from a clean build: ${differing.slice(0, 10).join(', ')}`);
}

const search = await firstSearch(published, 'المشروع');
console.log('\nFirst search («المشروع»), bytes over the wire');
if (search) {
  for (const [kind, bytes] of Object.entries(search.byKind).sort((a, b) => b[1] - a[1])) line(`  ${kind}`, kb(bytes));
  line('  in all', `${kb(search.total)} in ${search.requests} requests, ${search.results} results shown`);
  line('  search alone', `${kb(search.search)} (without the page, its CSS and fonts)`);
} else {
  console.log('  no chromium, not measured');
}

console.log('\nSummary');
line('  full build', `${seconds(cold.seconds)} cold${cached ? `, ${seconds(cached.seconds)} warm` : ''}`);
if (hugoRun) {
  const warm = cached ? `, ${(cached.seconds / hugoRun.seconds).toFixed(1)}× warm` : '';
  line('  against Hugo', `${(cold.seconds / hugoRun.seconds).toFixed(1)}× cold${warm}`);
}
line('  time to live', seconds(added.seconds));
line('  peak RSS', `${mb(cold.peakRss)} cold`);
if (search) line('  first search', kb(search.total));
console.log(
  `\nCorrectness: ${
    problems.length === 0
      ? `every sampled dispatch has its page and headline; ${
          values['skip-clean'] ? 'no clean build to compare with (--skip-clean)' : 'the build after adding one equals a clean build'
        }`
      : problems.join('\n  ')
  }`,
);

if (!values.keep && !values.dir) await rm(root, { recursive: true, force: true });
process.exitCode = problems.length === 0 ? 0 : 1;
