/**
 * npm run fonts [-- --check]
 *
 * Writes the web font subsets (src/fonts/) and their @font-face rules
 * (src/styles/fonts.css) from @fontsource/noto-naskh-arabic.
 *
 * Fontsource's Arabic file holds 1,225 characters: Urdu, Sindhi, Quranic
 * marks, presentation forms. A news page needs the Arabic letters, the
 * harakat and some punctuation, and digits from the Latin file: cut to
 * those, each weight is 14 KB instead of 53 KB, and a page fetches a third
 * of the font bytes it did (Fontsource's CSS for one weight declares no
 * unicode-range, so every page fetched both files of both weights). The
 * full files stay declared for everything else, so a rare letter or mark
 * still has its glyph: the browser fetches them only for a page that has one.
 *
 * --check exits 1, writing nothing, when the committed files differ from
 * what this would write (a Fontsource upgrade, or an edited set below).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import {
  codePointsOf,
  formatUnicodeRange,
  intersectRanges,
  parseUnicodeRange,
  rangesOf,
  subtractRanges,
  type CodeRange,
} from './unicode-ranges.ts';
import { projectRoot } from './cli.ts';

const PACKAGE = '@fontsource/noto-naskh-arabic';
const FAMILY = 'Noto Naskh Arabic';
const WEIGHTS = [400, 700] as const;

/** What news text in Arabic uses, and names written in it. */
const arabicCore: CodeRange[] = [
  [0x0020, 0x0020], // space and no-break space: Arabic runs stay in one file
  [0x00a0, 0x00a0],
  [0x060c, 0x060c], // ، comma
  [0x0610, 0x061a], // honorific marks (ؐ ؑ …)
  [0x061b, 0x061c], // ؛ semicolon, Arabic letter mark
  [0x061f, 0x061f], // ؟
  [0x0621, 0x063a], // hamza … ghain
  [0x0640, 0x065f], // tatweel, fa … yeh, harakat, madda, hamza above and below, more marks
  [0x0660, 0x066d], // Arabic-Indic digits, percent, decimal and thousands separators
  [0x0670, 0x0671], // superscript alef, alef wasla
  [0x067e, 0x067e], // پ ┐
  [0x0686, 0x0686], // چ │ letters of foreign names
  [0x0698, 0x0698], // ژ │ (ڤ and ڨ as written in Libya)
  [0x06a4, 0x06a4], // ڤ │
  [0x06a8, 0x06a8], // ڨ │
  [0x06af, 0x06af], // گ │
  [0x06cc, 0x06cc], // ی ┘
  [0x200c, 0x200f], // zero-width non-joiner and joiner, direction marks
];

/** Digits, ASCII, guillemets and the punctuation of the site's own text. */
const latinCore: CodeRange[] = [
  [0x0020, 0x007e],
  [0x00a9, 0x00a9], // ©
  [0x00ab, 0x00ab], // «
  [0x00b0, 0x00b0], // °
  [0x00b7, 0x00b7], // ·
  [0x00bb, 0x00bb], // »
  [0x00d7, 0x00d7], // ×
  [0x2013, 0x2014], // – —
  [0x2018, 0x2019], // ‘ ’
  [0x201c, 0x201d], // “ ”
  [0x2022, 0x2022], // •
  [0x2026, 0x2026], // …
  [0x2039, 0x203a], // ‹ › (breadcrumbs)
];

const SUBSETS = [
  { name: 'arabic', core: arabicCore },
  { name: 'latin', core: latinCore },
] as const;

const require = createRequire(path.join(projectRoot, 'package.json'));
const packageDir = path.dirname(require.resolve(`${PACKAGE}/package.json`));
const originalFile = (subset: string, weight: number) => `${PACKAGE}/files/noto-naskh-arabic-${subset}-${weight}-normal.woff2`;
const coreFile = (subset: string, weight: number) => `noto-naskh-arabic-${subset}-${weight}-core.woff2`;

const fontsDir = path.join(projectRoot, 'src/fonts');
export const fontsCss = path.join(projectRoot, 'src/styles/fonts.css');

/** Fontsource's unicode-range for a subset, from its index.css. */
async function declaredRange(subset: string): Promise<CodeRange[]> {
  const css = await readFile(path.join(packageDir, 'index.css'), 'utf8');
  const rule = new RegExp(`/\\* noto-naskh-arabic-${subset}-400-normal \\*/[^}]*unicode-range:([^;]+);`).exec(css);
  if (!rule) throw new Error(`${PACKAGE}/index.css declares no range for the ${subset} subset`);
  return parseUnicodeRange(rule[1]);
}

function face(weight: number, url: string, ranges: readonly CodeRange[]): string {
  // An empty descriptor is dropped, and the face would then serve every character.
  if (ranges.length === 0) throw new Error(`${url} would serve no character`);
  return [
    '@font-face {',
    `  font-family: '${FAMILY}';`,
    '  font-style: normal;',
    '  font-display: swap;',
    `  font-weight: ${weight};`,
    `  src: url('${url}') format('woff2');`,
    `  unicode-range: ${formatUnicodeRange(ranges)};`,
    '}',
  ].join('\n');
}

const charactersOf = (font: Buffer) => rangesOf((fontkit.create(font) as fontkit.Font).characterSet);

/** Every file this script writes, by path, with its bytes. */
export async function generateFonts(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  // A face declares only characters its file holds, or the browser would
  // fetch it for one and then look elsewhere. Two small faces never claim
  // one character, nor do two full ones: which would serve it would depend
  // on their order.
  const small: Record<string, CodeRange[]> = {};
  const full: Record<string, CodeRange[]> = {};
  let smallTaken: CodeRange[] = [];
  let fullTaken: CodeRange[] = [];
  for (const { name, core } of SUBSETS) {
    const wanted = subtractRanges(core, smallTaken);
    const declared = await declaredRange(name);
    for (const weight of WEIGHTS) {
      const original = await readFile(require.resolve(originalFile(name, weight)));
      const subset: Buffer = await subsetFont(original, String.fromCodePoint(...codePointsOf(wanted)), { targetFormat: 'woff2' });
      const holds = {
        small: intersectRanges(wanted, charactersOf(subset)),
        full: subtractRanges(intersectRanges(declared, charactersOf(original)), fullTaken),
      };
      if (weight === WEIGHTS[0]) [small[name], full[name]] = [holds.small, holds.full];
      else if (
        formatUnicodeRange(holds.small) !== formatUnicodeRange(small[name]) ||
        formatUnicodeRange(holds.full) !== formatUnicodeRange(full[name])
      ) {
        throw new Error(`The ${name} files of weights ${WEIGHTS[0]} and ${weight} hold different characters`);
      }
      files.set(path.join(fontsDir, coreFile(name, weight)), subset);
    }
    smallTaken = [...smallTaken, ...small[name]];
    fullTaken = [...fullTaken, ...full[name]];
  }
  // The full faces come first: for each character the browser tries the
  // faces from the last declared, so it fetches a full file only for a
  // character the small ones lack, and draws a letter whose mark only the
  // full file has (a Quranic mark) whole from that file.
  const rules: string[] = [];
  for (const weight of WEIGHTS) {
    for (const { name } of SUBSETS) rules.push(face(weight, originalFile(name, weight), full[name]));
    for (const { name } of SUBSETS) rules.push(face(weight, `../fonts/${coreFile(name, weight)}`, small[name]));
  }
  const css = [
    '/*',
    ' * Generated by `npm run fonts` (scripts/fonts.ts), which says why: do not edit.',
    ` * Self-hosted ${FAMILY}, regular and bold. Each weight has small files for`,
    " * the characters news pages use, and Fontsource's full files for the rest.",
    ' */',
    ...rules,
    '',
  ].join('\n');
  files.set(fontsCss, Buffer.from(css));
  return files;
}

/** Paths whose committed bytes differ from what generateFonts() writes. */
export async function staleFontFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const [file, bytes] of await generateFonts()) {
    const current = await readFile(file).catch(() => undefined);
    if (!current?.equals(bytes)) stale.push(path.relative(projectRoot, file));
  }
  return stale;
}

if (import.meta.main) {
  if (process.argv.includes('--check')) {
    const stale = await staleFontFiles();
    if (stale.length) {
      console.error(`Out of date: ${stale.join(', ')}. Run \`npm run fonts\` and commit the result.`);
      process.exit(1);
    }
    console.log('The font subsets are up to date.');
  } else {
    for (const [file, bytes] of await generateFonts()) {
      await writeFile(file, bytes);
      console.log(`${path.relative(projectRoot, file)}: ${bytes.length} bytes`);
    }
  }
}
