/**
 * npm run new -- --city طرابلس --category سياسة "العنوان"
 * Starts a dispatch dated now (Tripoli time) under content/dispatches/<yyyy>/<mm>/
 * and prints its path. Never overwrites. Its body is a placeholder that
 * check, the hook and the build refuse until the journalist replaces it.
 */
import path from 'node:path';
import { archiveDir, buildNow, siteConfig } from '#src/config.ts';
import { dispatchFileText, dispatchPathFor, slugFromTitle, writeNewFile } from '#src/newsroom/writer.ts';
import { BODY_PLACEHOLDER } from '#src/dispatch/placeholder.ts';
import { problemMessage } from '#src/dispatch/problems.ts';
import { categoryRegistry, cityRegistry, sourceRegistry, unknownEntry, type Registry } from '#src/dispatch/registries.ts';
import { slugify } from '#src/dispatch/text.ts';
import { commandLine, fail, printProblems, projectRoot, usageError } from './cli.ts';
import { parseDispatch } from '#src/dispatch/parse.ts';

const { values, positionals, lang, say, bad } = commandLine('new', {
  city: { type: 'string' },
  category: { type: 'string' },
  source: { type: 'string' },
  tag: { type: 'string', multiple: true },
  slug: { type: 'string' },
});

/** The entry a flag names, or its problem added to `bad`. */
function resolve<T extends { slug: string }>(registry: Registry<T>, flag: string, value: string | undefined, noun: string, plural: string) {
  // A flag given without its value is reported already.
  const given = process.argv.some((arg) => arg === `--${flag}` || arg.startsWith(`--${flag}=`));
  if (value === undefined) return void (given || bad.push(say.flags.missing(`--${flag}`)));
  const entry = registry.find(value);
  if (!entry) bad.push(`--${flag}: ${problemMessage({ field: noun, ...unknownEntry(registry, value, noun, plural) }, lang)}`);
  return entry;
}

const city = resolve(cityRegistry, 'city', values.city, 'city', 'cities');
const category = resolve(categoryRegistry, 'category', values.category, 'category', 'categories');
const source = resolve(sourceRegistry, 'source', values.source ?? siteConfig.defaultSource, 'source', 'sources');
const title = positionals.join(' ').trim();
if (!title) bad.push(say.flags.headline);
const slug = values.slug !== undefined ? slugify(values.slug) : slugFromTitle(title);
if (values.slug !== undefined && !slug) bad.push(`--slug: ${problemMessage({ field: 'slug', code: 'slug.empty' }, lang)}`);
else if (title && !slug) bad.push(say.new.noSlug);
usageError('new', bad);

// Now (ARCHIVE_NOW fixes it for the tests and the guide's examples).
const now = buildNow();
const text = dispatchFileText(
  {
    title,
    date: now,
    city: city!.name,
    category: category!.name,
    source: source!.code === siteConfig.defaultSource ? undefined : source!.code,
    tags: values.tag,
  },
  `${BODY_PLACEHOLDER}\n`,
);
const file = dispatchPathFor(archiveDir, now, slug);
const checked = parseDispatch(file, slug, text.replace(BODY_PLACEHOLDER, '.'));
if (!checked.ok) {
  printProblems(checked.problems, lang);
  process.exit(1);
}

if (!(await writeNewFile(path.resolve(projectRoot, file), text))) {
  fail(problemMessage({ field: 'file', code: 'file.exists', params: { value: file } }, lang));
}
console.log(file);
