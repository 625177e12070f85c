/** What the newsroom scripts, the bench and the build tests share: the project root, the build's Node flags, printing problems. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { siteConfig } from '#src/config.ts';
import { newsroomMessages, type NewsroomMessages } from '#src/i18n/newsroom.ts';
import { formatProblem, type DispatchProblem, type Lang } from '#src/dispatch/problems.ts';

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

/** One line per problem on stderr: `file:line: field: message [severity]`. */
export function printProblems(problems: readonly DispatchProblem[], lang: Lang) {
  const { severity } = newsroomMessages(lang);
  for (const p of problems) console.error(`${formatProblem(p, lang)} [${severity[p.severity ?? 'error']}]`);
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

type Command = keyof NewsroomMessages['usage'];

/**
 * A newsroom command's flags, with --help and --lang. --help prints the
 * usage and exits. `bad` lists every unknown or incomplete flag, one line
 * each, for usageError.
 */
export function commandLine<T extends ParseArgsOptionsConfig>(command: Command, options: T, args = process.argv.slice(2)) {
  const all = { ...options, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } as const satisfies ParseArgsOptionsConfig;
  const { args: readable, valueless } = withoutValuelessFlags(args, all);
  const parsed = parseArgs({ args: readable, options: all, strict: false, allowPositionals: true, tokens: true });
  const { values, tokens } = parsed;
  const positionals = parsed.positionals.map((word) => word.replace(/^\0/, ''));
  const langValue = typeof values.lang === 'string' ? values.lang : siteConfig.newsroomLang;
  const lang: Lang = langValue === 'en' ? 'en' : 'ar';
  const say = newsroomMessages(lang);
  const bad = valueless.map((flag) => say.flags.needsValue(flag));
  if (langValue !== 'en' && langValue !== 'ar') bad.push(say.flags.lang(langValue));
  const names = Object.keys(all).map((name) => `--${name}`);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = (all as ParseArgsOptionsConfig)[token.name];
    if (!option) bad.push(say.flags.unknown(token.rawName, suggestFlag(token.rawName, names)));
    else if (option.type === 'string' && !token.value?.trim()) {
      bad.push(say.flags.needsValue(token.rawName));
      // The command sees no value («--city=» is none).
      delete (values as Record<string, unknown>)[token.name];
    } else if (option.type === 'boolean' && token.inlineValue) bad.push(say.flags.takesNoValue(token.rawName));
  }
  const flagErrors = bad.map((line) => `${line} ${say.flags.seeHelp(command)}`);
  if (values.help) {
    console.log([`${lang === 'ar' ? 'الاستعمال' : 'usage'}: ${say.usage[command]}`, ...say.help[command], ...say.help.common].join('\n'));
    process.exit(0);
  }
  // A flag's value may still be wrong (a city typo): the command adds those, then calls usageError.
  return { values: values as ParsedValues<T>, positionals, lang, say, bad: flagErrors };
}

/**
 * The arguments as parseArgs should see them: a string flag with nothing
 * after it but another flag is taken out (parseArgs would take that flag for
 * its value), and a headline word that starts with a dash («-عاجل») is
 * marked as a word (parseArgs would read it as short flags).
 */
function withoutValuelessFlags(args: readonly string[], options: ParseArgsOptionsConfig) {
  const valueless: string[] = [];
  const readable: string[] = [];
  args.forEach((arg, i) => {
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    const next = args[i + 1];
    if (name && options[name]?.type === 'string' && (next === undefined || next.startsWith('--'))) valueless.push(arg);
    else readable.push(/^-[^-\x00-\x7f]/u.test(arg) ? `\0${arg}` : arg);
  });
  return { args: readable, valueless };
}

type ParsedValues<T extends ParseArgsOptionsConfig> = {
  [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : T[K] extends { multiple: true } ? string[] : string;
};

/** The nearest known flag to a mistyped one, when it is near enough to be meant. */
function suggestFlag(flag: string, names: string[]): string | undefined {
  const near = closest(flag, names);
  return distance(flag, near) <= Math.max(2, Math.floor(flag.length / 3)) ? near : undefined;
}

/** Every bad flag or value, one line each; exits with 2, as usage errors do. Nothing to say: returns. */
export function usageError(command: Command, lines: readonly string[]) {
  if (lines.length === 0) return;
  for (const line of lines) console.error(`npm run ${command}: ${line}`);
  process.exit(2);
}
