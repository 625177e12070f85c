/**
 * npm run import -- [--category <category>] [--time <HH:MM>] [--slug <slug>] [--dry-run] FILE…   (or wire text on stdin)
 * Turns raw wire text into dispatch files. A wire that cannot be read is
 * reported with its line and not written; the others still are. Wires give
 * a day but no time: without --time the dispatch is dated by its day alone.
 * A wire saved as Windows-1256 or UTF-16 is read as such, and said so.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer as readStdin } from 'node:stream/consumers';
import { archiveDir, buildNow, siteConfig } from '#src/config.ts';
import { dispatchFileText, dispatchPathFor, paragraphsToMarkdown, slugFromTitle, wireDate, writeNewFile } from '#src/newsroom/writer.ts';
import { parseDispatch } from '#src/dispatch/parse.ts';
import { decodeFile, encodingProblem } from '#src/dispatch/encoding.ts';
import { problemMessage, type DispatchProblem } from '#src/dispatch/problems.ts';
import { categoryRegistry, cityRegistry, sourceRegistry, unknownEntry } from '#src/dispatch/registries.ts';
import { slugify } from '#src/dispatch/text.ts';
import { parseWire } from '#src/newsroom/wire.ts';
import { commandLine, printProblems, projectRoot, usageError } from './cli.ts';

const { values, positionals, lang, say, bad } = commandLine('import', {
  'dry-run': { type: 'boolean' },
  category: { type: 'string' },
  time: { type: 'string' },
  slug: { type: 'string' },
});
const category = categoryRegistry.find(values.category ?? 'محليات');
if (!category) {
  bad.push(
    `--category: ${problemMessage({ field: 'category', ...unknownEntry(categoryRegistry, values.category!, 'category', 'categories') }, lang)}`,
  );
}
const clock = values.time === undefined ? undefined : /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(values.time.trim());
if (clock === null) bad.push(say.flags.time(values.time!));
const time = clock ? { hour: Number(clock[1]), minute: Number(clock[2]) } : undefined;
const inputs = positionals.length > 0 ? positionals : ['-'];
if (values.slug !== undefined && inputs.length > 1) bad.push(say.flags.slugWithMany);
if (values.slug !== undefined && !slugify(values.slug)) bad.push(`--slug: ${problemMessage({ field: 'slug', code: 'slug.empty' }, lang)}`);
usageError('import', bad);

/** A wire's text, converted when it is in another encoding, or its problem. */
async function wireText(input: string, name: string): Promise<string | DispatchProblem> {
  let bytes: Uint8Array;
  try {
    bytes = input === '-' ? await readStdin(process.stdin) : await readFile(input);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { file: name, line: 1, field: 'file', code: 'file.missing', severity: 'error' };
  }
  const decoded = decodeFile(bytes);
  if (decoded.utf8) return decoded.text;
  if (!decoded.encoding) return encodingProblem(name, decoded);
  console.error(say.import.converted(name, decoded.encoding));
  return decoded.text;
}

const problems: DispatchProblem[] = [];
for (const input of inputs) {
  const name = input === '-' ? 'stdin' : input;
  const raw = await wireText(input, name);
  if (typeof raw !== 'string') {
    problems.push(raw);
    continue;
  }
  // A dateline without a year is of the latest such day until today (ARCHIVE_NOW in tests).
  const wire = parseWire(raw, name, { today: buildNow() });
  if (!wire.ok) {
    problems.push(...wire.problems);
    continue;
  }
  const { dispatch } = wire;
  const source = sourceRegistry.get(dispatch.source);
  const date = wireDate(dispatch.day, time);
  const text = dispatchFileText(
    {
      title: dispatch.title,
      date,
      city: cityRegistry.get(dispatch.city).name,
      category: category!.name,
      source: source.code === siteConfig.defaultSource ? undefined : source.code,
    },
    paragraphsToMarkdown(dispatch.paragraphs),
  );
  const slug = values.slug !== undefined ? slugify(values.slug) : slugFromTitle(dispatch.title);
  const checked = parseDispatch(name, slug, text);
  if (!checked.ok) {
    problems.push(...checked.problems);
    continue;
  }
  const file = dispatchPathFor(archiveDir, checked.dispatch.data.date, slug);
  if (values['dry-run']) {
    console.log(`# ${file}\n${text}`);
    continue;
  }
  if (await writeNewFile(path.resolve(projectRoot, file), text)) console.log(file);
  else problems.push({ file: name, line: 1, field: 'title', code: 'file.exists', params: { value: file }, severity: 'error' });
}
printProblems(problems, lang);
process.exitCode = problems.length > 0 ? 1 : 0;
