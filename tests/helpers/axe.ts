/** axe-core in a page the browser tests opened. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/** Each violation of at least `least` impact, as «rule (impact): targets». */
export async function axeViolations(page: Page, least: Impact = 'minor'): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP refuses an inline <script>.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: Impact; nodes: { target: string[] }[] }[] }> } }
    ).axe.run(),
  );
  const order: Impact[] = ['minor', 'moderate', 'serious', 'critical'];
  return results.violations
    .filter((v) => order.indexOf(v.impact) >= order.indexOf(least))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
