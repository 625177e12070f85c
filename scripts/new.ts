/**
 * npm run new -- --city طرابلس --category سياسة "العنوان"
 * Starts a dispatch dated now (Tripoli time) under content/dispatches/<yyyy>/<mm>/
 * and prints its path. Never overwrites.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { archiveDir, siteConfig } from '../src/config.ts';
import { dispatchFileText, dispatchPathFor, slugFromTitle } from '../src/lib/dispatch-writer.ts';
import { parseDispatch } from '../src/lib/dispatch-file.ts';
import { formatProblem, problemMessage, type DispatchProblem } from '../src/lib/problems.ts';
import { categoryRegistry, cityRegistry, sourceRegistry, unknownEntry, type Registry } from '../src/lib/registries.ts';
import { slugify } from '../src/lib/text.ts';
import { fail, projectRoot } from './cli.ts';

const usage = 'usage: npm run new -- --city <city> --category <category> [--source <code>] [--tag <tag>]… [--slug <slug>] "<headline>"';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    city: { type: 'string' },
    category: { type: 'string' },
    source: { type: 'string', default: siteConfig.defaultSource },
    tag: { type: 'string', multiple: true, default: [] },
    slug: { type: 'string' },
  },
});

const title = positionals.join(' ').trim();
if (!title || !values.city || !values.category) fail(usage);

function resolve<T extends { slug: string }>(registry: Registry<T>, value: string, noun: string, plural: string): T {
  const entry = registry.find(value);
  if (entry) return entry;
  const problem: DispatchProblem = {
    file: 'new',
    line: 0,
    field: noun,
    code: 'registry.unknown',
    params: unknownEntry(registry, value, noun, plural),
  };
  fail(`--${noun}: ${problemMessage(problem)}\n--${noun}: ${problemMessage(problem, 'ar')}`);
}

const city = resolve(cityRegistry, values.city!, 'city', 'cities');
const category = resolve(categoryRegistry, values.category!, 'category', 'categories');
const source = resolve(sourceRegistry, values.source!, 'source', 'sources');
const now = new Date();
const slug = values.slug ? slugify(values.slug) : slugFromTitle(title);
if (!slug) fail('The headline gives no file name: pass --slug <slug>.');

const text = dispatchFileText(
  {
    title,
    date: now,
    city: city.name,
    category: category.name,
    source: source.code === siteConfig.defaultSource ? undefined : source.code,
    tags: values.tag,
  },
  'اكتب نص الخبر هنا. لا تكتب سطر التاريخ: الموقع يضيفه من البيانات أعلاه.\n',
);
const file = dispatchPathFor(archiveDir, now, slug);
const checked = parseDispatch(file, slug, text);
if (!checked.ok) fail(checked.problems.map((p) => formatProblem(p)).join('\n'));

const target = path.resolve(projectRoot, file);
await mkdir(path.dirname(target), { recursive: true });
try {
  await writeFile(target, text, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    fail(`${file} already exists; not overwritten. Choose another headline or pass --slug.`);
  }
  throw error;
}
console.log(file);
