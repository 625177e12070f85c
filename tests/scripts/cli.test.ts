/** scripts/cli.ts: the Node flags the bench and the build tests take from `npm run build`. */
import { describe, expect, it } from 'vitest';
import { buildFlags, nodeFlags } from '../../scripts/cli.ts';

describe('nodeFlags', () => {
  it('takes the flags between node and the build script', () => {
    expect(nodeFlags('node --max-semi-space-size=16 --expose-gc scripts/build.ts')).toEqual(['--max-semi-space-size=16', '--expose-gc']);
    expect(nodeFlags('node scripts/build.ts')).toEqual([]);
  });

  it('refuses a script the bench and the tests would run differently', () => {
    // A flag whose value follows a space, an argument after the script, an env prefix, a second command.
    for (const script of [
      'node --max-old-space-size 4096 scripts/build.ts',
      'node scripts/build.ts --full',
      'FOO=1 node scripts/build.ts',
      'node scripts/build.ts && echo done',
    ]) {
      expect(() => nodeFlags(script), script).toThrow(/not "node \[--flag…\] scripts\/build.ts"/);
    }
  });

  it("reads the project's own build script", () => {
    expect(buildFlags()).toContain('--expose-gc');
  });
});
