/**
 * npm run check [-- --lang ar] [--json] [--staged]
 * Checks the whole archive without building: everything the build rejects,
 * plus what it would silently repair. Prints every problem as
 * `file:line: field: message`; exits 1 if any is an error.
 * --staged checks the version of each dispatch staged for commit and reports
 * only those (the pre-commit hook).
 * A published dispatch whose file was deleted (instead of withdrawn) is an
 * error: found by git (deleted since the last commit, or staged for
 * deletion) and, in a fresh checkout such as CI's, by the last build's
 * manifest.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { archiveDir, imagesDir, stateDir } from '../src/config.ts';
import { buildState } from '../src/build/state.ts';
import { checkArchive, deletedDispatches, type SourceFile } from '../src/lib/archive-check.ts';
import type { DispatchProblem } from '../src/lib/problems.ts';
import { problemMessage, type Lang } from '../src/lib/problems.ts';
import { photoFinder, readSources } from '../src/archive/files.ts';
import { printProblems, projectRoot } from './cli.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    json: { type: 'boolean', default: false },
    staged: { type: 'boolean', default: false },
  },
});
const lang: Lang = values.lang === 'ar' ? 'ar' : 'en';
const started = performance.now();

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 28 });

let sources = await readSources(projectRoot, archiveDir);
let only: Set<string> | undefined;
const prefix = `${archiveDir.replace(/\/$/, '')}/`;
const isDispatch = (file: string) => file.startsWith(prefix) && file.endsWith('.md');
const now = new Date();

/** Dispatch files git says were deleted (staged for deletion, or since the last commit), with their last committed text. */
function deletedInGit(staged: boolean): SourceFile[] {
  let names: string[];
  try {
    names = git('diff', ...(staged ? ['--cached'] : ['HEAD']), '--name-only', '-z', '--diff-filter=D').split('\0').filter(isDispatch);
  } catch {
    return [];
  }
  return names.map((file) => ({ file, id: file.slice(prefix.length, -'.md'.length).normalize('NFC'), text: git('show', `HEAD:${file}`) }));
}

/**
 * Dispatches the last build of this archive published (at its time) whose
 * file is gone and whose URL no other file has: what git cannot tell in a
 * fresh checkout.
 */
async function deletedSinceBuild(known: ReadonlySet<string>, urls: ReadonlySet<string>): Promise<DispatchProblem[]> {
  const state = buildState(stateDir);
  const [manifest, last] = await Promise.all([state.manifest.read(), state.build.read()]);
  if (last?.archive !== path.resolve(projectRoot, archiveDir)) return [];
  const builtAt = last ? new Date(last.now) : now;
  const files = new Set(sources.map((s) => s.file.normalize('NFC')));
  return (manifest?.records ?? [])
    .filter((r) => !known.has(r.file) && !r.draft && r.date <= builtAt && !files.has(r.file.normalize('NFC')) && !urls.has(r.url))
    .map((r) => ({ file: r.file, line: 1, field: 'file', code: 'withdrawn.deleted' as const, severity: 'error' as const }));
}

if (values.staged) {
  const staged = git('diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR').split('\0').filter(isDispatch);
  const deleted = deletedInGit(true);
  if (staged.length === 0 && deleted.length === 0) process.exit(0);
  // Check what will be committed, not what happens to be on disk.
  const stagedText = new Map(staged.map((file) => [file.normalize('NFC'), git('show', `:${file}`)]));
  sources = sources.map((s): SourceFile => ({ ...s, text: stagedText.get(s.file.normalize('NFC')) ?? s.text }));
  only = new Set([...stagedText.keys(), ...deleted.map((d) => d.file.normalize('NFC'))]);
}

const gitDeleted = deletedInGit(Boolean(values.staged));
const archive = checkArchive(sources, now, photoFinder(projectRoot, archiveDir, imagesDir));
const problems = [
  ...archive.problems,
  ...deletedDispatches(gitDeleted, now, archive.urls),
  ...(values.staged ? [] : await deletedSinceBuild(new Set(gitDeleted.map((d) => d.file)), archive.urls)),
]
  .filter((p) => !only || only.has(p.file.normalize('NFC')))
  .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
const errors = problems.filter((p) => (p.severity ?? 'error') === 'error').length;
const warnings = problems.filter((p) => p.severity === 'warning').length;

if (values.json) {
  console.log(
    JSON.stringify(
      { files: sources.length, errors, warnings, problems: problems.map((p) => ({ ...p, message: problemMessage(p, lang) })) },
      null,
      2,
    ),
  );
} else {
  printProblems(problems, lang);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.error(
    lang === 'ar'
      ? `فُحص ${only?.size ?? sources.length} ملف في ${seconds} ث: ${errors} خطأ، ${warnings} تنبيه.`
      : `Checked ${plural(only?.size ?? sources.length, 'file')} in ${seconds} s: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
  );
}
process.exitCode = errors > 0 ? 1 : 0;
