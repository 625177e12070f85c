/**
 * Headless Debian chromium for the browser tests, and a static server for a
 * built site (scripts/browser.ts). Under CI a missing browser is an error, not a skip.
 */
import { chromiumPath, hasBrowser } from '../../scripts/browser.ts';

export { chromiumPath, hasBrowser, launchBrowser, serve } from '../../scripts/browser.ts';

if (!hasBrowser && process.env.CI) {
  throw new Error(`No browser at ${chromiumPath}: CI must install Debian's chromium (apt-get install chromium).`);
}
