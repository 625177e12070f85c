/**
 * npm run bench [-- --n 1000] [--photos 0.25] [--dir <folder>] [--keep] [--skip-hugo] [--skip-clean]
 *
 * Generates a synthetic archive (bench/corpus.ts) in a temporary folder and
 * builds it with the project's real pipeline: from cold, then publishes
 * after each kind of change a newsroom makes (bench/changes.ts): a new
 * dispatch, a correction to a five-year-old one, a withdrawal, an embargo
 * that falls due. For each it prints the wall time (the time to live), peak
 * memory of the whole process tree, the pages written and their kinds, and
 * the search step; then the bytes a browser fetches for a first search, and
 * whether the published folder equals a clean full build of the final
 * archive, byte for byte. Last, a change to a layout's markup: a full
 * build that renders every page again from the build state
 * (bench/template-change.ts); and what a social card costs to draw
 * (bench/cards.ts). With `hugo` on the PATH it also builds the corpus with
 * the minimal Hugo site in bench/hugo/. Figures, not assertions: nothing
 * here fails on time.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NOW, publishScenarios } from '../bench/changes.ts';
import { writeCorpus, type CorpusOptions } from '../bench/corpus.ts';
import { firstSearch, queryLatency, type FirstSearch, type SearchOrder } from '../bench/first-search.ts';
import { differingFiles, du, kb, mb, run, seconds, type Run } from '../bench/measure.ts';
import { buildLog, verifyPages } from '../bench/report.ts';
import { cardCosts } from '../bench/cards.ts';
import { CHANGED_MARKUP, withLayoutChange } from '../bench/template-change.ts';
import { buildFlags, projectRoot } from './cli.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    photos: { type: 'string', default: '0' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // For the largest archives, where a full build takes many minutes: Hugo
    // (still running after 12 minutes, at 12 GB, at 100,000 here), and the
    // clean build that only checks the published folder.
    'skip-hugo': { type: 'boolean', default: false },
    'skip-clean': { type: 'boolean', default: false },
  },
});
const options: CorpusOptions = { n: Number(values.n), photos: Number(values.photos) };
if (!(options.n > 0) || !(options.photos >= 0 && options.photos <= 1)) {
  console.error('Usage: npm run bench -- --n <dispatches> [--photos <share 0..1>] [--dir <folder>] [--keep] [--skip-hugo] [--skip-clean]');
  process.exit(2);
}

const root = values.dir ? path.resolve(values.dir) : await mkdtemp(path.join(tmpdir(), 'wal-bench-'));
const archiveDir = path.join(root, 'dispatches');
const line = (label: string, value: string) => console.log(`${label.padEnd(28)} ${value}`);
// A word in many dispatches, whose bytes the first-search figures follow
// since the first measure; then words of the corpus in other forms, one
// after another on the same page.
const SEARCH_QUERY = 'المشروع';
const LATENCY_QUERIES = ['مطار', 'بالمشروعات', 'الزراعية'];

function build(outDir: string, cache: string, now = NOW): Promise<Run> {
  return run(process.execPath, [...buildFlags(), path.join(projectRoot, 'scripts/build.ts'), '--outDir', outDir], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ARCHIVE_DIR: archiveDir,
      ASTRO_CACHE_DIR: cache,
      ARCHIVE_NOW: now,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
}

function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Prints what one build did; throws with its log if it failed. */
async function report(label: string, result: Run, outDir: string) {
  if (result.code !== 0) {
    console.error(result.output);
    throw new Error(`${label} failed (exit ${result.code})`);
  }
  const log = buildLog(result.output);
  console.log(`\n${label}`);
  line('  wall time', seconds(result.seconds));
  if (log.steps) line('  of which', log.steps);
  line('  peak RSS', mb(result.peakRss));
  if (log.kind === 'publish') {
    line('  pages written', `${log.rendered} of ${log.total}: ${log.kinds}`);
    line('  files changed', `${log.written} written, ${log.deleted} deleted`);
  } else {
    const all = await du(outDir);
    const cards = await du(outDir, (file) => file.endsWith('/og.png'));
    line('  pages', `${log.total} (${Math.round(log.total / result.seconds)} pages/s)`);
    line('  dist/', `${mb(all.bytes)} in ${all.files} files, of which social cards ${mb(cards.bytes)} in ${cards.files}`);
  }
  line('  cards', log.cards ?? 'n/a');
  line('  search index', log.search ?? 'n/a');
  return log;
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
line(
  'corpus',
  `${corpus.dispatches} dispatches (${mb(markdown.bytes)} Markdown), ${corpus.photos} photos, written in ${seconds((performance.now() - started) / 1000)}`,
);

let hugoRun: Run | undefined;
if (hugo) {
  hugoRun = await run('hugo', ['--quiet', '--source', hugoSite, '--destination', path.join(root, 'hugo-dist')], {
    cwd: root,
    env: process.env,
  });
  if (hugoRun.code !== 0) throw new Error(`hugo failed:\n${hugoRun.output}`);
  const pages = await du(path.join(root, 'hugo-dist'), (f) => f.endsWith('.html'));
  console.log(`\nHugo (${hugo.split(' ')[1] ?? hugo}): pages, taxonomies, RSS, sitemap; no search index`);
  line('  wall time', seconds(hugoRun.seconds));
  line('  pages', `${pages.files} (${Math.round(pages.files / hugoRun.seconds)} pages/s)`);
  line('  peak RSS', mb(hugoRun.peakRss));
} else {
  console.log(`\nHugo: ${values['skip-hugo'] ? 'skipped (--skip-hugo)' : 'not on the PATH (apt-get install hugo)'}, not compared`);
}

const dist = path.join(root, 'dist');
const cache = path.join(root, 'cache');
const cold = await build(dist, cache);
await report('Cold full build (empty build state)', cold, dist);
const problems = await verifyPages(dist, options);

const published: { label: string; run: Run; rendered: number }[] = [];
for (const scenario of publishScenarios(root, options)) {
  await scenario.change();
  const result = await build(dist, cache, scenario.now);
  const log = await report(scenario.label, result, dist);
  if (log.kind !== 'publish') problems.push(`${scenario.label}: a full build ran (${log.reason})`);
  if (scenario.measured) published.push({ label: scenario.label, run: result, rendered: log.rendered });
}

const finalNow = publishScenarios(root, options).at(-1)!.now;
if (!values['skip-clean']) {
  const clean = await build(path.join(root, 'dist-clean'), path.join(root, 'cache-clean'), finalNow);
  if (clean.code !== 0) throw new Error(`the clean build failed:\n${clean.output}`);
  const differing = await differingFiles(dist, path.join(root, 'dist-clean'));
  if (differing.length > 0)
    problems.push(`after the publishes, ${differing.length} files differ from a clean build: ${differing.slice(0, 10).join(', ')}`);
}

const searches: Partial<Record<SearchOrder, FirstSearch>> = {};
for (const order of ['relevance', 'date'] as const) {
  const search = await firstSearch(dist, SEARCH_QUERY, order);
  console.log(`\nFirst search («${SEARCH_QUERY}», ${order === 'date' ? 'newest first' : 'by relevance'}), bytes over the wire`);
  if (!search) {
    console.log('  no chromium, not measured');
    continue;
  }
  searches[order] = search;
  for (const [kind, bytes] of Object.entries(search.byKind).sort((a, b) => b[1] - a[1])) line(`  ${kind}`, kb(bytes));
  line('  in all', `${kb(search.total)} in ${search.requests} requests, ${search.results} results shown`);
  line('  search alone', `${kb(search.search)} (without the page, its CSS and fonts)`);
}
const latencies = await queryLatency(dist, [SEARCH_QUERY, ...LATENCY_QUERIES], 'relevance');
if (latencies) {
  console.log('\nQuery to first results on a warm search page (chromium, local server, by relevance)');
  for (const [i, query] of [SEARCH_QUERY, ...LATENCY_QUERIES].entries()) {
    line(`  «${query}»`, `${latencies[i].toFixed(0)} ms${i === 0 ? ' (loads the index)' : ''}`);
  }
}

// Last: it leaves the output folder built with the changed layout.
const template = await withLayoutChange(projectRoot, () => build(dist, cache, finalNow));
const templateLog = await report("A change to a layout's markup: full build", template, dist);
if (templateLog.kind !== 'full') problems.push('the layout change did not give a full build');
if (!templateLog.search?.includes('indexed none')) problems.push('the layout change indexed search shards again');
if (!templateLog.cards?.startsWith('0 drawn')) problems.push('the layout change drew cards again');
if (!(await readFile(path.join(dist, 'index.html'), 'utf8')).includes(CHANGED_MARKUP))
  problems.push('the changed layout is not in the home page');

const costs = await cardCosts(options);
console.log('\nA social card, drawn and encoded one after another (CPU time, libuv pool included)');
for (const cost of costs) line(`  ${cost.label}`, `${cost.cpuMs.toFixed(1)} ms a card, ${kb(cost.bytes)} (${cost.cards} cards)`);

console.log('\nSummary');
line('  full build', `${seconds(cold.seconds)} cold, peak RSS ${mb(cold.peakRss)}`);
line('  layout change', `${seconds(template.seconds)}, peak RSS ${mb(template.peakRss)}`);
if (hugoRun) {
  line(
    '  against Hugo',
    `${(cold.seconds / hugoRun.seconds).toFixed(1)}× cold, ${(template.seconds / hugoRun.seconds).toFixed(1)}× after a layout change`,
  );
}
line('  a card', costs.map((cost) => `${cost.cpuMs.toFixed(1)} ms (${cost.label})`).join(', '));
for (const p of published)
  line(`  ${p.label.split(':')[0]}`, `live in ${seconds(p.run.seconds)}, ${p.rendered} pages written, peak RSS ${mb(p.run.peakRss)}`);
for (const [order, search] of Object.entries(searches))
  line(`  first search, ${order === 'date' ? 'newest' : 'relevance'}`, `${kb(search.total)} (search alone ${kb(search.search)})`);
if (latencies) line('  query to results', `${Math.max(...latencies).toFixed(0)} ms at most on a warm page`);
console.log(
  `\nCorrectness: ${
    problems.length === 0
      ? `every sampled dispatch has its page and headline; every change was published without a full build; ${
          values['skip-clean']
            ? 'no clean build to compare with (--skip-clean)'
            : 'the published folder equals a clean full build, byte for byte'
        }`
      : problems.join('\n  ')
  }`,
);

if (!values.keep && !values.dir) await rm(root, { recursive: true, force: true });
process.exitCode = problems.length === 0 ? 0 : 1;
