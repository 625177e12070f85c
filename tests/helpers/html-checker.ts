/**
 * The Nu HTML Checker (npm vnu-jar) on a Java runtime. Under CI a missing
 * Java is an error, not a skip (.ci/run installs one).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vnuJar: string = createRequire(import.meta.url)('vnu-jar');

export const hasJava = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasJava && process.env.CI)
  throw new Error('No java on the PATH: CI must install a Java runtime (apt-get install default-jre-headless).');

interface Message {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** The checker's errors for these HTML files, as "file:line: message". */
export function htmlErrors(files: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', ...files],
      { maxBuffer: 1 << 26 },
      (error, stdout) => {
        // It exits 1 when it found errors: only output it cannot give fails.
        if (!stdout) return reject(error ?? new Error('the checker printed nothing'));
        const { messages } = JSON.parse(stdout) as { messages: Message[] };
        // A file it could not read is a non-document-error: a failure too.
        resolve(
          messages
            .filter((m) => m.type === 'error' || m.type === 'non-document-error')
            .map((m) => `${decodeURI(m.url.replace(/^file:/, ''))}:${m.lastLine ?? 0}: ${m.message}`),
        );
      },
    );
  });
}
