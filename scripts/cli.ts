/** What the newsroom scripts, the bench and the build tests share: the project root, the build's Node flags, printing problems. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, type DispatchProblem, type Lang } from '../src/lib/problems.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * The Node flags of a `node [--flag[=value]…] scripts/build.ts` script. Any
 * other form throws: the bench and the tests would not run what it runs.
 */
export function nodeFlags(script: string): string[] {
  const match = /^node((?:\s+--[^\s=]+(?:=\S+)?)*)\s+scripts\/build\.ts$/.exec(script.trim());
  if (!match) throw new Error(`The build script is not "node [--flag…] scripts/build.ts": ${script}`);
  return match[1].split(/\s+/).filter(Boolean);
}

/** The Node flags `npm run build` gives (package.json): the bench and the tests build as a newsroom does. */
export function buildFlags(root = projectRoot): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { build: string } };
  return nodeFlags(scripts.build);
}

const labels: Record<Lang, Record<NonNullable<DispatchProblem['severity']>, string>> = {
  en: { error: 'error', warning: 'warning', notice: 'notice' },
  ar: { error: 'خطأ', warning: 'تنبيه', notice: 'ملاحظة' },
};

/** One line per problem on stderr: `file:line: field: message (severity)`. */
export function printProblems(problems: readonly DispatchProblem[], lang: Lang = 'en') {
  for (const p of problems) console.error(`${formatProblem(p, lang)} [${labels[lang][p.severity ?? 'error']}]`);
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
