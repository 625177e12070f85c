/** What the newsroom scripts share: reading the archive and printing problems. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { archiveDir } from '../src/config.ts';
import type { SourceFile } from '../src/lib/archive-check.ts';
import { formatProblem, type DispatchProblem, type Lang } from '../src/lib/problems.ts';
import { listDispatchFiles } from '../src/loaders/dispatches.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..');

/** Every dispatch file of the archive, as check reads them. */
export async function readSources(root = projectRoot, dir = archiveDir): Promise<SourceFile[]> {
  const absolute = path.resolve(root, dir);
  return Promise.all(
    (await listDispatchFiles(absolute)).map(async (name) => ({
      file: path.relative(root, path.join(absolute, name)).split(path.sep).join('/'),
      id: name.slice(0, -'.md'.length).normalize('NFC'),
      text: await readFile(path.join(absolute, name), 'utf8'),
    })),
  );
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
