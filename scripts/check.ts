/**
 * npm run check [-- --staged] [--fix] [--json] [--lang en]
 * Checks the whole archive without building: everything the build rejects,
 * plus what it would silently repair. Prints every problem as
 * `file:line: field: message`; exits 1 if any is an error.
 * --staged checks the version of each dispatch staged for commit and reports
 * only those (the pre-commit hook). --fix first converts files saved in
 * another encoding to UTF-8 and writes letters in NFC.
 * A published dispatch whose file was deleted (instead of withdrawn) is an
 * error: found by git (deleted since the last commit, or staged for
 * deletion) and, in a fresh checkout such as CI's, by the last build's
 * manifest.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveDir, buildNow, imagesDir, stateDir } from '#src/config.ts';
import { buildState } from '#src/build/state.ts';
import { checkArchive, deletedDispatches, type SourceFile } from '#src/newsroom/check.ts';
import type { DispatchProblem } from '#src/dispatch/problems.ts';
import { problemMessage } from '#src/dispatch/problems.ts';
import { sourceText } from '#src/dispatch/encoding.ts';
import { photoFinder, readSources } from '#src/archive/files.ts';
import { commandLine, printProblems, projectRoot, usageError } from './cli.ts';

const { values, positionals, lang, say, bad } = commandLine('check', {
  json: { type: 'boolean' },
  staged: { type: 'boolean' },
  fix: { type: 'boolean' },
});
if (values.fix && values.staged) bad.push(say.flags.fixStaged);
usageError('check', [...bad, ...positionals.map((value) => `${say.flags.unexpected(value)} ${say.flags.seeHelp('check')}`)]);
const started = performance.now();

// git's own complaints (a repository without a commit yet) are not the journalist's problem: they stay unprinted.
const quiet = { cwd: projectRoot, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[] };
const git = (...args: string[]) => execFileSync('git', args, { ...quiet, encoding: 'utf8' });
const gitBytes = (...args: string[]) => execFileSync('git', args, quiet);

let sources = await readSources(projectRoot, archiveDir);
if (values.fix) sources = await fixFiles(sources);
let only: Set<string> | undefined;
const prefix = `${archiveDir.replace(/\/$/, '')}/`;
const isDispatch = (file: string) => file.startsWith(prefix) && file.endsWith('.md');
// Embargoes fall due against now, as in the build (ARCHIVE_NOW fixes it).
const now = buildNow();

/** Dispatch files git says were deleted (staged for deletion, or since the last commit), with their last committed text. */
function deletedInGit(staged: boolean): SourceFile[] {
  let names: string[];
  try {
    names = git('diff', ...(staged ? ['--cached'] : ['HEAD']), '--name-only', '-z', '--diff-filter=D')
      .split('\0')
      .filter(isDispatch);
  } catch {
    return [];
  }
  return names.map((file) => ({
    file,
    id: file.slice(prefix.length, -'.md'.length).normalize('NFC'),
    ...sourceText(gitBytes('show', `HEAD:${file}`)),
  }));
}

/** --fix: files in a known other encoding rewritten as UTF-8, and every file's letters in NFC. */
async function fixFiles(files: SourceFile[]): Promise<SourceFile[]> {
  return Promise.all(
    files.map(async (source) => {
      const legacy = source.notUtf8;
      const text = legacy?.encoding ? legacy.text.normalize('NFC') : source.text.normalize('NFC');
      if (legacy ? !legacy.encoding : text === source.text) return source;
      await writeFile(path.join(projectRoot, source.file), text);
      console.log(say.check.fixed(source.file, legacy ? say.check.convertedFrom(legacy.encoding!) : say.check.normalized));
      return { file: source.file, id: source.id, text };
    }),
  );
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
  const stagedText = new Map(staged.map((file) => [file.normalize('NFC'), sourceText(gitBytes('show', `:${file}`))]));
  sources = sources.map((s): SourceFile => {
    const text = stagedText.get(s.file.normalize('NFC'));
    return text ? { file: s.file, id: s.id, ...text } : s;
  });
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
  console.error(say.check.summary(only?.size ?? sources.length, seconds, errors, warnings));
}
process.exitCode = errors > 0 ? 1 : 0;
