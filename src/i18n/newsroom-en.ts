/**
 * What the newsroom commands say in English (`--lang en`, or newsroomLang in
 * src/config.ts). The Arabic in newsroom-ar.ts has the same keys; problems
 * of a dispatch are worded in src/dispatch/problems.ts.
 */
const count = (n: number, word: string, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;

export const en = {
  severity: { error: 'error', warning: 'warning', notice: 'notice' },
  usage: {
    new: 'npm run new -- --city <city> --category <category> [--source <code>] [--tag <tag>]… [--slug <slug>] [--lang en] "<headline>"',
    import: 'npm run import -- [--category <category>] [--time <HH:MM>] [--slug <slug>] [--dry-run] [--lang en] <file>…',
    check: 'npm run check -- [--staged] [--fix] [--json] [--lang en]',
  },
  help: {
    new: [
      'Starts a dispatch dated now (Tripoli time) under the archive folder, <year>/<month>/, and prints its path. Never overwrites a file.',
      '  --city <city>          the city, as listed in content/cities.json (Arabic or Latin name, any case)',
      '  --category <category>  the category, from content/categories.json',
      '  --source <code>        the source agency code (default: وال), from content/sources.json',
      '  --tag <tag>            a tag; repeat it for more',
      '  --slug <slug>          the file and URL name, instead of the headline’s first words',
    ],
    import: [
      'Turns wire text (a file, or standard input) into dispatch files, reading the datelines of Arab news agencies.',
      'A wire that cannot be read is reported with its line and not written; the others still are.',
      '  --category <category>  the category of the dispatches (default: محليات)',
      '  --time <HH:MM>         the time of publication, Tripoli time; without it the dispatch has a date only',
      '  --slug <slug>          the file and URL name (one wire only)',
      '  --dry-run              print the dispatches instead of writing them',
    ],
    check: [
      'Checks every dispatch of the archive without building, and prints each problem as file:line: field: message.',
      'Exits with 1 when there is an error.',
      '  --staged               check only what is staged for commit (the pre-commit hook)',
      '  --fix                  convert files saved in another encoding to UTF-8, and letters to Unicode NFC',
      '  --json                 print the problems as JSON',
    ],
    common: [
      '  --lang ar|en           the language of messages (default: newsroomLang in src/config.ts)',
      '  --help                 this help',
    ],
  },
  flags: {
    unknown: (flag: string, suggestion?: string) => `unknown option ${flag}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    needsValue: (flag: string) => `${flag} needs a value`,
    missing: (flag: string) => `${flag} is required`,
    takesNoValue: (flag: string) => `${flag} takes no value`,
    unexpected: (value: string) => `unexpected argument «${value}»`,
    lang: (value: string) => `--lang must be ar or en, not «${value}»`,
    time: (value: string) => `--time must be a time of day such as 14:30, not «${value}»`,
    slugWithMany: '--slug names one dispatch: give it with one wire only',
    fixStaged: '--fix converts the files in the folder and --staged checks what is staged: use one at a time',
    headline: 'the headline is missing: write it last, in quotes',
    seeHelp: (command: string) => `(npm run ${command} -- --help)`,
  },
  new: { noSlug: 'the headline gives no file name: pass --slug <slug>' },
  import: { converted: (file: string, encoding: string) => `${file}: read as ${encoding} (the file is not UTF-8)` },
  check: {
    summary: (files: number, seconds: string, errors: number, warnings: number) =>
      `Checked ${count(files, 'file')} in ${seconds} s: ${count(errors, 'error')}, ${count(warnings, 'warning')}.`,
    fixed: (file: string, what: string) => `${file}: ${what}`,
    convertedFrom: (encoding: string) => `converted from ${encoding} to UTF-8`,
    normalized: 'letters written in Unicode NFC',
  },
  build: { problems: (n: number) => `${count(n, 'problem')} in the dispatch archive:` },
  hook: { installed: (file: string) => `Installed ${file}`, notGit: 'Not a git checkout: no hook installed.' },
};

export type NewsroomMessages = typeof en;
