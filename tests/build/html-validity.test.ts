/**
 * The Nu HTML Checker over every page of the built test archive: no error
 * (the sample archive's pages are checked in sample.test.ts).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, tempDir } from '../helpers/build.ts';
import { hasJava, htmlErrors } from '../helpers/html-checker.ts';

const site = inject('site');

describe.skipIf(!hasJava)('the Nu HTML Checker', () => {
  it('finds no error in any page of the site', async () => {
    const pages = (await listFiles(site.dist)).filter((file) => file.endsWith('.html')).map((file) => path.join(site.dist, file));
    expect(pages.length).toBeGreaterThan(50);
    expect(await htmlErrors(pages)).toEqual([]);
  });

  it('reports the errors of a broken page, with its file and line', async () => {
    const file = path.join(await tempDir('vnu'), 'broken.html');
    await writeFile(file, '<!doctype html>\n<html lang="ar" dir="rtl"><title>x</title>\n<p><div>غير صالح</p>\n');
    const errors = await htmlErrors([file]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].startsWith(`${file}:3: `), errors[0]).toBe(true);
  });
});
