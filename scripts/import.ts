/**
 * npm run import -- [--dry-run] [--category <category>] FILE…   (or wire text on stdin)
 * Turns raw wire text into dispatch files. A file that cannot be read is
 * reported with its line and not written; the others still are.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { text as readStdin } from 'node:stream/consumers';
import { archiveDir, siteConfig } from '../src/config.ts';
import { dispatchFileText, dispatchPathFor, paragraphsToMarkdown, slugFromTitle } from '../src/lib/dispatch-writer.ts';
import { parseDispatch } from '../src/lib/dispatch-file.ts';
import type { DispatchProblem } from '../src/lib/problems.ts';
import { categoryRegistry, cityRegistry, sourceRegistry } from '../src/lib/registries.ts';
import { parseWire } from '../src/lib/wire.ts';
import { fail, printProblems, projectRoot } from './cli.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    category: { type: 'string', default: 'محليات' },
    lang: { type: 'string', default: 'en' },
  },
});
const category = categoryRegistry.find(values.category!);
if (!category) fail(`--category: «${values.category}» is not a category; did you mean «${categoryRegistry.suggest(values.category!)}»?`);
const lang = values.lang === 'ar' ? 'ar' : 'en';

const inputs = positionals.length > 0 ? positionals : ['-'];
const problems: DispatchProblem[] = [];
for (const input of inputs) {
  const name = input === '-' ? 'stdin' : input;
  const raw = input === '-' ? await readStdin(process.stdin) : await readFile(input, 'utf8');
  const wire = parseWire(raw, name);
  if (!wire.ok) {
    problems.push(...wire.problems);
    continue;
  }
  const { dispatch } = wire;
  const source = sourceRegistry.get(dispatch.source);
  const text = dispatchFileText(
    {
      title: dispatch.title,
      date: dispatch.date,
      city: cityRegistry.get(dispatch.city).name,
      category: category.name,
      source: source.code === siteConfig.defaultSource ? undefined : source.code,
    },
    paragraphsToMarkdown(dispatch.paragraphs),
  );
  const slug = slugFromTitle(dispatch.title);
  const file = dispatchPathFor(archiveDir, dispatch.date, slug);
  const checked = parseDispatch(file, slug, text);
  if (!checked.ok) {
    problems.push(...checked.problems.map((p) => ({ ...p, file: name })));
    continue;
  }
  if (values['dry-run']) {
    console.log(`# ${file}\n${text}`);
    continue;
  }
  const target = path.resolve(projectRoot, file);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, text, { flag: 'wx' });
    console.log(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    problems.push({ file: name, line: 1, field: 'title', code: 'file.exists', params: { value: file }, severity: 'error' });
  }
}
printProblems(problems, lang);
process.exitCode = problems.length > 0 ? 1 : 0;
