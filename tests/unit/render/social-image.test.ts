import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createRenderer, measure, renderPng } from '#src/render/social-image.ts';

/** Columns of a rendering that hold ink, as [first, last] runs. */
function inkRuns(svgText: string): [number, number][] {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="120"><text x="20" y="80" font-size="48" fill="#000">${svgText}</text></svg>`;
  const image = createRenderer(svg).render();
  const { width, height, pixels } = image;
  const inked = Array.from({ length: width }, (_, x) => {
    for (let y = 0; y < height; y++) if (pixels[(y * width + x) * 4 + 3] > 64) return true;
    return false;
  });
  const runs: [number, number][] = [];
  inked.forEach((ink, x) => {
    if (!ink) return;
    const last = runs.at(-1);
    // Letters of one word may leave a pixel or two between them; a space leaves more.
    if (last && x - last[1] <= 6) last[1] = x;
    else runs.push([x, x]);
  });
  return runs;
}

describe('social image text', () => {
  it('joins Arabic letters (shaped, not isolated forms)', () => {
    const joined = inkRuns('مستشفى');
    const isolated = inkRuns('م\u200cس\u200cت\u200cش\u200cف\u200cى');
    expect(joined).toHaveLength(1);
    const width = (runs: [number, number][]) => runs.at(-1)![1] - runs[0][0];
    // Isolated forms are much wider than the joined word.
    expect(width(isolated)).toBeGreaterThan(width(joined) * 1.2);
  });

  it('lays a line out right to left: the first word is on the right', () => {
    // A long word then a short one: right to left, the long one ends up on the right.
    const runs = inkRuns('مستشفى في');
    expect(runs).toHaveLength(2);
    const [left, right] = runs;
    expect(right[1] - right[0]).toBeGreaterThan(left[1] - left[0]);
  });

  it('measures shaped widths for line breaking', () => {
    expect(measure('مستشفيات', 48)).toBeLessThan(measure('م\u200cس\u200cت\u200cش\u200cف\u200cي\u200cا\u200cت', 48));
  });

  it('measures a line word by word as wide as the line drawn whole', () => {
    const line = 'خطة لدعم المشروعات الصغيرة (2025)';
    const drawn = inkRuns(line);
    const inked = drawn.at(-1)![1] - drawn[0][0];
    // Ink spans the advance widths less the side bearings of the outer letters.
    expect(Math.abs(measure(line, 48) - inked)).toBeLessThan(8);
  });

  it('encodes PNGs as resvg draws them, semi-transparent edges included', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="27.5" fill="#0a5a45"/></svg>';
    const ours = await sharp(await renderPng(svg))
      .raw()
      .toBuffer();
    const resvg = await sharp(createRenderer(svg).render().asPng()).raw().toBuffer();
    let largest = 0;
    for (let i = 0; i < ours.length; i++) largest = Math.max(largest, Math.abs(ours[i] - resvg[i]));
    expect(largest).toBeLessThanOrEqual(1);
  });
});
