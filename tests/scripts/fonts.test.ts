/**
 * The committed font subsets and their @font-face rules are what
 * `npm run fonts` writes from the installed Fontsource package.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fontsCss, staleFontFiles } from '../../scripts/fonts.ts';
import { codePointsOf, parseUnicodeRange } from '../../src/lib/unicode-ranges.ts';

describe('npm run fonts', () => {
  it('has written the committed subsets and rules', async () => {
    expect(await staleFontFiles()).toEqual([]);
  });

  it('declares no character in two faces of one weight', async () => {
    const css = await readFile(fontsCss, 'utf8');
    const faces = [...css.matchAll(/font-weight: (\d+);[^}]*unicode-range: ([^;]+);/g)];
    expect(faces.map((f) => f[1])).toEqual(['400', '400', '400', '400', '700', '700', '700', '700']);
    for (const weight of ['400', '700']) {
      const seen = new Set<number>();
      for (const [, , range] of faces.filter((f) => f[1] === weight)) {
        for (const cp of codePointsOf(parseUnicodeRange(range))) {
          expect(seen.has(cp), `U+${cp.toString(16)} in two faces`).toBe(false);
          seen.add(cp);
        }
      }
      // Arabic letters and digits are all served, by one face or another.
      for (const cp of [0x627, 0x6c3, 0x30, 0xab]) expect(seen.has(cp)).toBe(true);
    }
  });
});
