/**
 * Tells scripts/build.ts where Astro wrote the site: the folder Astro
 * resolved from its config and flags (--outDir, --out-dir, --root, --config),
 * written to the file named by BUILT_DIR_FILE once the build is done. No
 * file means no site was built (astro build --help, or a failed build).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function builtDir(): AstroIntegration {
  return {
    name: 'built-dir',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const record = process.env.BUILT_DIR_FILE;
        if (record) await writeFile(record, fileURLToPath(dir));
      },
    },
  };
}
