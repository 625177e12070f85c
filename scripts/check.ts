/**
 * npm run check [-- --lang ar] [--json] [--staged]
 * Checks the whole archive without building: everything the build rejects,
 * plus what it would silently repair. Prints every problem as
 * `file:line: field: message`; exits 1 if any is an error.
 * --staged checks the version of each dispatch staged for commit and reports
 * only those (the pre-commit hook).
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { archiveDir, imagesDir } from '../src/config.ts';
import { checkArchive, type SourceFile } from '../src/lib/archive-check.ts';
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
if (values.staged) {
  const prefix = `${archiveDir.replace(/\/$/, '')}/`;
  const staged = git('diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR')
    .split('\0')
    .filter((file) => file.startsWith(prefix) && file.endsWith('.md'));
  if (staged.length === 0) process.exit(0);
  // Check what will be committed, not what happens to be on disk.
  const stagedText = new Map(staged.map((file) => [file.normalize('NFC'), git('show', `:${file}`)]));
  sources = sources.map((s): SourceFile => ({ ...s, text: stagedText.get(s.file.normalize('NFC')) ?? s.text }));
  only = new Set(stagedText.keys());
}

const problems = checkArchive(sources, new Date(), photoFinder(projectRoot, archiveDir, imagesDir)).filter((p) => !only || only.has(p.file.normalize('NFC')));
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
