/** src/dispatch/encoding.ts: what a file that is not UTF-8 looks like, and what is never converted. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile, encodingProblem } from '#src/dispatch/encoding.ts';
import { problemMessage } from '#src/dispatch/problems.ts';

const text = '---\ntitle: وزارة الصحة تفتتح مستشفى\ncity: سبها\n---\nافتتحت الوزارة اليوم مستشفى جديدا.\n';

describe('decodeFile', () => {
  it('reads UTF-8 as it is', () => {
    expect(decodeFile(Buffer.from(text))).toEqual({ utf8: true, text });
  });

  it('tells Windows-1256 and UTF-16 with or without a byte order mark', () => {
    const cp1256 = readFileSync(path.join(import.meta.dirname, '../../fixtures/broken/not-utf8/2025/12/windows-1256.md'));
    expect(decodeFile(cp1256)).toMatchObject({ utf8: false, encoding: 'Windows-1256', line: 2 });
    expect((decodeFile(cp1256) as { text: string }).text).toContain('title: وزارة الصحة تفتتح مستشفى جديدا في سبها');
    const le = Buffer.from(text, 'utf16le');
    expect(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ utf8: false, encoding: 'UTF-16LE', text, line: 1 });
    expect(decodeFile(le)).toEqual({ utf8: false, encoding: 'UTF-16LE', text, line: 1 });
    expect(decodeFile(Buffer.from(le).swap16())).toEqual({ utf8: false, encoding: 'UTF-16BE', text, line: 1 });
  });

  it('never takes a UTF-8 file with one bad byte for another encoding', () => {
    const lines = text.split('\n');
    const damaged = Buffer.concat([
      Buffer.from(`${lines.slice(0, 4).join('\n')}\nافتتحت `),
      Buffer.from([0xa0]),
      Buffer.from('الوزارة اليوم.\n'),
    ]);
    const decoded = decodeFile(damaged);
    expect(decoded).toMatchObject({ utf8: false, damaged: true, line: 5 });
    expect(decoded.utf8 === false && problemMessage(encodingProblem('x.md', decoded), 'ar')).toBe(
      'في هذا السطر بايتات ليست نصًا بترميز UTF-8 (يعرضها المحرر هكذا �): أعد كتابة الكلمات التالفة',
    );
  });
});
