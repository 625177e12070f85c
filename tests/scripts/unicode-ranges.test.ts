import { describe, expect, it } from 'vitest';
import {
  codePointsOf,
  formatUnicodeRange,
  intersectRanges,
  parseUnicodeRange,
  rangesOf,
  subtractRanges,
} from '../../scripts/unicode-ranges.ts';

describe('unicode ranges', () => {
  it('merges code points into sorted ranges, and back', () => {
    const ranges = rangesOf([0x628, 0x627, 0x20, 0x629, 0x628, 0x640]);
    expect(ranges).toEqual([
      [0x20, 0x20],
      [0x627, 0x629],
      [0x640, 0x640],
    ]);
    expect(codePointsOf(ranges)).toEqual([0x20, 0x627, 0x628, 0x629, 0x640]);
  });

  it('reads and writes a CSS unicode-range descriptor', () => {
    const ranges = parseUnicodeRange('U+0600-06FF, u+200c,U+0620-0630,U+1EE00-1EE03');
    expect(formatUnicodeRange(ranges)).toBe('U+0600-06FF, U+200C, U+1EE00-1EE03');
    expect(formatUnicodeRange([])).toBe('');
  });

  it('rejects what is not a range, and a range that runs backwards', () => {
    expect(() => parseUnicodeRange('U+0600-06FF, U+06??')).toThrow('Not a unicode-range item: "U+06??"');
    expect(() => parseUnicodeRange('U+06FF-0600')).toThrow('Empty unicode-range item');
    expect(() => parseUnicodeRange('U+10FFFF-110000')).toThrow('Beyond Unicode');
  });

  it('subtracts and intersects', () => {
    const arabic = parseUnicodeRange('U+0600-06FF');
    const core = parseUnicodeRange('U+0020, U+0621-063A, U+0640-064A');
    expect(formatUnicodeRange(subtractRanges(arabic, core))).toBe('U+0600-0620, U+063B-063F, U+064B-06FF');
    expect(formatUnicodeRange(intersectRanges(core, arabic))).toBe('U+0621-063A, U+0640-064A');
  });
});
