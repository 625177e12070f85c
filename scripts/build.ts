/**
 * npm run build [-- --outDir <folder>] [--full] [--changes <file>] [--changes-only] [--lang ar|en]
 *
 * Builds the site into dist/ (or --outDir): a full build, or a publish of
 * only what changed since the last build into the same folder; it decides
 * which by itself (src/build/pipeline.ts). --full forces a full build.
 * After a publish it prints the files it wrote and deleted; --changes
 * writes that list to a file, one `M path` or `D path` a line, for a deploy
 * that uploads and purges only those; after a full build, an `F` line and
 * every file of the folder. --changes-only publishes into a folder
 * that holds only those files, for a site kept at its host (docs/deploy.md).
 *
 * While it works, a line per stage under way says how far it has gone
 * (redrawn in place on a terminal, printed every 15 s elsewhere); at the
 * end, a summary of what was rendered, drawn and indexed, and the time of
 * each step.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './cli.ts';

const usage = 'usage: npm run build [-- --outDir <folder>] [--full] [--changes <file>] [--changes-only] [--lang ar|en]';
let values: { outDir?: string; full?: boolean; changes?: string; 'changes-only'?: boolean; lang?: string };
try {
  ({ values } = parseArgs({
    options: {
      outDir: { type: 'string' },
      full: { type: 'boolean' },
      changes: { type: 'string' },
      'changes-only': { type: 'boolean' },
      lang: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

// Relative paths of the config (the state folder) are from the project root, as for Astro.
process.chdir(projectRoot);
const outDir = path.resolve(values.outDir ?? 'dist');
const changesFile = values.changes && path.resolve(values.changes);
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const { BuildProgress } = await import('#src/build/progress.ts');
const { progressDisplay } = await import('#src/build/progress-display.ts');
const progress = new BuildProgress();
const display = progressDisplay(progress, process.stdout, {
  stamp: (line) => `${clock.format(new Date())} [progress] ${line}`,
  capture: [process.stdout, process.stderr],
});
const log = (step: string, message: string) => display.log(`${clock.format(new Date())} [${step}] ${message}`);

/** Every file under `dir`, relative to it, sorted. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const started = performance.now();
const { PLACEHOLDER_ORIGIN, siteConfig } = await import('#src/config.ts').catch((error: Error) => {
  // A SITE_URL that is not an address.
  console.error(error.message);
  process.exit(2);
});
if (siteConfig.origin === PLACEHOLDER_ORIGIN) {
  log(
    'build',
    `warning: the site's address is the placeholder ${PLACEHOLDER_ORIGIN}; feeds, canonical URLs and share links point there. Set SITE_URL (README)`,
  );
}
try {
  const { build } = await import('#src/build/pipeline.ts');
  const { formatChanges } = await import('#src/build/deploy.ts');
  const report = await build({ root: projectRoot, outDir, full: values.full, changesOnly: values['changes-only'], log, progress });
  display.stop();
  const byRoute = new Map<string, number>();
  for (const { route } of report.rendered) byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
  const kinds = [...byRoute].map(([route, n]) => `${route} ${n}`).join(', ');
  const full = report.kind === 'full';
  // After a full build, every file of the folder: the host must hold those and nothing else.
  const written = full && changesFile ? await filesIn(outDir) : report.written;
  const changes = formatChanges({ full, written, deleted: full ? [] : report.deleted });
  if (changesFile) await writeFile(changesFile, changes);
  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const steps = Object.entries(report.seconds)
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(', ');
  log('build', `Rendered ${report.rendered.length} of ${report.pages} pages and files (${kinds || 'none'})`);
  if (report.kind === 'publish') {
    log('build', `Published in ${took} (${steps}): ${report.written.length} files written, ${report.deleted.length} deleted`);
    for (const line of changes.split('\n').filter(Boolean)) console.log(`  ${line}`);
  } else {
    log('build', `Full build in ${took} (${steps}): ${report.written.length} files written`);
  }
} catch (error) {
  display.stop();
  const { ArchiveError, formatArchiveProblems } = await import('#src/build/archive-step.ts');
  // A problem of the archive is reported as itself, in the newsroom's language, without a stack.
  const lang = values.lang === 'en' || values.lang === 'ar' ? values.lang : siteConfig.newsroomLang;
  console.error(error instanceof ArchiveError ? formatArchiveProblems(error.problems, lang) : error);
  process.exit(1);
}
