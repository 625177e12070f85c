/**
 * Sets of code points as sorted, disjoint [first, last] ranges, read from
 * and written as a CSS `unicode-range` descriptor. The font subsets use
 * them: a face's range is what its file holds minus what a smaller file
 * declared beside it already serves.
 */
export type CodeRange = readonly [first: number, last: number];

/** Sorted, merged ranges of the given code points. */
export function rangesOf(codePoints: Iterable<number>): CodeRange[] {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const cp of sorted) {
    const last = ranges.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

export function codePointsOf(ranges: readonly CodeRange[]): number[] {
  const out: number[] = [];
  for (const [first, last] of ranges) for (let cp = first; cp <= last; cp++) out.push(cp);
  return out;
}

/** `U+0600-06FF, U+200C, …` as ranges; throws on anything else. */
export function parseUnicodeRange(descriptor: string): CodeRange[] {
  const points: number[] = [];
  for (const part of descriptor
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^U\+([0-9A-F]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part);
    if (!match) throw new Error(`Not a unicode-range item: "${part}"`);
    const first = parseInt(match[1], 16);
    const last = match[2] ? parseInt(match[2], 16) : first;
    if (last < first) throw new Error(`Empty unicode-range item: "${part}"`);
    if (last > 0x10ffff) throw new Error(`Beyond Unicode: "${part}"`);
    for (let cp = first; cp <= last; cp++) points.push(cp);
  }
  return rangesOf(points);
}

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/** The CSS descriptor for `ranges`: `U+0020, U+0621-063A, …`. */
export function formatUnicodeRange(ranges: readonly CodeRange[]): string {
  return ranges.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`)).join(', ');
}

/** Code points in `a` and not in `b`. */
export function subtractRanges(a: readonly CodeRange[], b: readonly CodeRange[]): CodeRange[] {
  const remove = new Set(codePointsOf(b));
  return rangesOf(codePointsOf(a).filter((cp) => !remove.has(cp)));
}

/** Code points in both. */
export function intersectRanges(a: readonly CodeRange[], b: readonly CodeRange[]): CodeRange[] {
  const keep = new Set(codePointsOf(b));
  return rangesOf(codePointsOf(a).filter((cp) => keep.has(cp)));
}
