/**
 * The committed font subsets and their @font-face rules are what
 * `npm run fonts` writes from the installed Fontsource package, and the
 * rules leave no character to chance.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fontsCss, staleFontFiles } from '../../scripts/fonts.ts';
import { codePointsOf, parseUnicodeRange } from '../../scripts/unicode-ranges.ts';

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase()}`;

describe('npm run fonts', () => {
  it('has written the committed subsets and rules', async () => {
    expect(await staleFontFiles()).toEqual([]);
  });

  it.each(['400', '700'])(
    "weight %s: full files first, then small ones; neither kind claims a character twice; a small file's characters are in a full one too",
    async (weight) => {
      const css = await readFile(fontsCss, 'utf8');
      const faces = [...css.matchAll(/font-weight: (\d+);\s*src: url\('([^']+)'\)[^}]*unicode-range: ([^;]+);/g)]
        .filter((f) => f[1] === weight)
        .map((f) => ({ small: f[2].includes('-core.'), points: codePointsOf(parseUnicodeRange(f[3])) }));
      expect(faces.map((f) => f.small)).toEqual([false, false, true, true]);
      const claims = (small: boolean) => {
        const seen = new Set<number>();
        for (const face of faces.filter((f) => f.small === small)) {
          const twice = face.points.filter((cp) => seen.has(cp));
          expect(twice.map(hex)).toEqual([]);
          for (const cp of face.points) seen.add(cp);
        }
        return seen;
      };
      const small = claims(true);
      const full = claims(false);
      // A letter with a mark only a full file has is then drawn whole from it.
      expect([...small].filter((cp) => !full.has(cp)).map(hex)).toEqual([]);
      // What news text needs is in the small files; rarer letters in the full ones.
      for (const cp of [0x20, 0x627, 0x644, 0x64e, 0x30, 0xab, 0x2026]) expect(small.has(cp), hex(cp)).toBe(true);
      for (const cp of [0x6c3, 0x6e1, 0xe9]) expect(small.has(cp) || !full.has(cp), hex(cp)).toBe(false);
    },
  );
});
