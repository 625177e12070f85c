/**
 * Broken archives must fail the real build with a message that names the
 * file, the line and the field, and says how to fix it. A broken dispatch
 * never silently disappears from the site.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, listFiles, projectRoot, tempDir } from '../helpers/build.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/broken');

async function buildBroken(name: string) {
  const outDir = await tempDir('broken');
  const result = await buildSite({ archiveDir: path.join(fixtures, name), outDir });
  return { ...result, built: (await listFiles(outDir)).filter((f) => f.endsWith('.html')) };
}

const file = (name: string, rel: string) => `tests/fixtures/broken/${name}/2025/12/${rel}`;

describe('a broken dispatch fails the build', () => {
  it.each([
    ['missing-title', 'no-title.md:1: title: is required: add a line `title: …` to the front-matter'],
    [
      'bad-date',
      'bad-date.md:3: date: «2025-11-31T10:00:00» is not a valid ISO 8601 date-time; write e.g. 2025-12-01T10:30',
    ],
    ['unknown-city', 'typo-city.md:5: city: «مصراته» is not a known city. Did you mean «مصراتة»?'],
    ['unknown-field', 'extra-field.md:6: author: unknown field.'],
    ['missing-image-alt', 'no-alt.md:6: imageAlt: is required with image: describe the photo for readers who cannot see it'],
    [
      'duplicate-slug',
      'b-port.md:6: slug: «port-news» is already used on the same day by tests/fixtures/broken/duplicate-slug/2025/12/a-port.md',
    ],
  ])('%s', async (name, message) => {
    const { code, output, built } = await buildBroken(name);
    expect(code).not.toBe(0);
    expect(output).toContain('1 problem in the dispatch archive');
    expect(output).toContain(file(name, message));
    // The good dispatch beside it is not published without the broken one.
    expect(built).toEqual([]);
  });
});

it('a photo that is not there fails the build, naming the dispatch, line and field of each', async () => {
  const { code, output, built } = await buildBroken('missing-image');
  expect(code).not.toBe(0);
  expect(output).toContain('2 problems in the dispatch archive');
  expect(output).toContain(
    file('missing-image', 'no-photo.md:6: image: no photo «nowhere.jpg» beside this dispatch or in the images folder; add the file or fix the name'),
  );
  expect(output).toContain(file('missing-image', 'no-photo.md:11: body: no photo «also-missing.png» beside this dispatch'));
  expect(built).toEqual([]);
});

it('lists every problem of every file, not just the first', async () => {
  const archive = await tempDir('many-broken');
  const { cp } = await import('node:fs/promises');
  for (const name of ['missing-title', 'bad-date', 'unknown-city']) {
    await cp(path.join(fixtures, name), archive, { recursive: true });
  }
  const { code, output } = await buildSite({ archiveDir: archive });
  expect(code).not.toBe(0);
  expect(output).toContain('3 problems in the dispatch archive');
  expect(output).toMatch(/no-title\.md:1: title:/);
  expect(output).toMatch(/bad-date\.md:3: date:/);
  expect(output).toMatch(/typo-city\.md:5: city:/);
});
