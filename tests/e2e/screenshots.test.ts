/**
 * npm run screenshots (scripts/screenshots.ts) on the built test archive:
 * the front page and its lead story, at 390 and 1280 px, light and dark.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { photoDispatch } from '../helpers/archive.ts';
import { childEnv, projectRoot, tempDir } from '../helpers/build.ts';
import { hasBrowser } from '../helpers/browser.ts';

const site = inject('site');

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/screenshots.ts'), ...args], {
      cwd: projectRoot,
      env: childEnv(),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe.skipIf(!hasBrowser)('npm run screenshots', () => {
  it('writes the front page and the lead dispatch at both widths, light and dark, whole', async () => {
    const out = await tempDir('screenshots');
    const { code, output } = await run(['--dist', site.dist, '--out', out]);
    expect(code, output).toBe(0);
    const shots = output
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    expect(shots.map(([file, url]) => [path.basename(file), url])).toEqual(
      ['front', 'dispatch'].flatMap((name) =>
        [390, 1280].flatMap((width) =>
          ['light', 'dark'].map((scheme) => [`${name}-${width}-${scheme}.png`, name === 'front' ? '/' : photoDispatch.url]),
        ),
      ),
    );
    for (const [name, width] of [
      ['front', 390],
      ['front', 1280],
      ['dispatch', 390],
      ['dispatch', 1280],
    ] as const) {
      const [light, dark] = await Promise.all(['light', 'dark'].map((scheme) => sharp(path.join(out, `${name}-${width}-${scheme}.png`))));
      const [lightMeta, darkMeta] = await Promise.all([light.metadata(), dark.metadata()]);
      // The whole page, not the first screen.
      expect([lightMeta.width, darkMeta.width]).toEqual([width, width]);
      expect(lightMeta.height).toBeGreaterThan(900);
      // The page's background at the bottom corner: light in one, dark in the other.
      const corner = async (image: Sharp, height: number) =>
        (
          await image
            .extract({ left: 0, top: height - 2, width: 1, height: 1 })
            .raw()
            .toBuffer()
        )[0];
      expect(await corner(light, lightMeta.height!)).toBeGreaterThan(200);
      expect(await corner(dark, darkMeta.height!)).toBeLessThan(60);
    }
  });

  it('says what to do when there is no built site', async () => {
    const { code, output } = await run(['--dist', path.join(await tempDir('empty'), 'dist')]);
    expect(code).toBe(1);
    expect(output).toMatch(/^No built site in .*dist: run npm run build first, or pass --dist\.\n$/);
  });
});
