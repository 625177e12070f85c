/**
 * Dispatch and wire files must be UTF-8. An old editor may save Arabic as
 * Windows-1256 (or Notepad as UTF-16): read as UTF-8 that gives «������» in
 * every field. Such a file gets one problem that says what it looks like and
 * how to convert it; `check --fix` and `import` convert it.
 */
import { isUtf8 } from 'node:buffer';
import type { DispatchProblem } from './problems.ts';

export interface LegacyText {
  /** What the bytes look like: 'UTF-16LE', 'UTF-16BE', 'Windows-1256', or undefined when no known encoding reads them. */
  encoding?: string;
  /** The text in that encoding (U+FFFD where nothing reads the bytes). */
  text: string;
  /** 1-based line of the first byte UTF-8 cannot read. */
  line: number;
}

export type DecodedFile = { utf8: true; text: string } | ({ utf8: false } & LegacyText);

const ARABIC_LETTER = /[\u0621-\u064a]/gu;
const LETTER = /\p{L}/gu;

/** The text of a file's bytes, or, when they are not UTF-8, what they look like. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { utf8: true, text: buffer.toString('utf8') };
  const asUtf8 = buffer.toString('utf8');
  const line = asUtf8.slice(0, asUtf8.indexOf('\ufffd')).split('\n').length;
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { utf8: false, encoding: 'UTF-16LE', text: new TextDecoder('utf-16le').decode(buffer), line };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { utf8: false, encoding: 'UTF-16BE', text: new TextDecoder('utf-16be').decode(buffer), line };
  // Windows-1256 reads any byte; it is the encoding when most letters it gives are Arabic.
  const arabic = new TextDecoder('windows-1256').decode(buffer);
  const letters = arabic.match(LETTER)?.length ?? 0;
  if (letters > 0 && (arabic.match(ARABIC_LETTER)?.length ?? 0) >= letters / 2)
    return { utf8: false, encoding: 'Windows-1256', text: arabic, line };
  return { utf8: false, text: asUtf8, line };
}

/** The few first words of a legacy text, to show the journalist which file it is. */
function sample(text: string): string {
  const words = text
    .replace(/^---\s*/, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join(' ');
  return words.length > 60 ? `${words.slice(0, 60)}…` : words;
}

/** The one problem of a file that is not UTF-8. */
export function encodingProblem(file: string, decoded: LegacyText): DispatchProblem {
  return decoded.encoding
    ? {
        file,
        line: decoded.line,
        field: 'file',
        code: 'file.encoding',
        params: { encoding: decoded.encoding, value: sample(decoded.text) },
        severity: 'error',
      }
    : { file, line: decoded.line, field: 'file', code: 'file.notText', severity: 'error' };
}
