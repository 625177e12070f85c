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
  /** UTF-8 but for a few bytes (a paste gone wrong): nothing to convert, the damaged words to retype. */
  damaged?: boolean;
}

export type DecodedFile = { utf8: true; text: string } | ({ utf8: false } & LegacyText);

const ARABIC_LETTER = /[\u0621-\u064a]/gu;
const LETTER = /\p{L}/gu;

/** The text of a file's bytes, or, when they are not UTF-8, what they look like. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Every dispatch of a build comes here: UTF-8 without a NUL byte (which UTF-16's ASCII half has) is known at once.
  if (isUtf8(buffer) && buffer.indexOf(0) === -1) return { utf8: true, text: buffer.toString('utf8') };
  const utf16 = utf16Order(buffer);
  if (utf16)
    return { utf8: false, encoding: `UTF-16${utf16.toUpperCase()}`, text: new TextDecoder(`utf-16${utf16}`).decode(buffer), line: 1 };
  if (isUtf8(buffer)) return { utf8: true, text: buffer.toString('utf8') };
  const asUtf8 = buffer.toString('utf8');
  const line = asUtf8.slice(0, asUtf8.indexOf('\ufffd')).split('\n').length;
  // Most of its letters read as UTF-8: a UTF-8 file with a few bad bytes, which no conversion would mend.
  const bad = asUtf8.match(/\ufffd/g)!.length;
  const good = asUtf8.match(/[^\u0000-\u007f\ufffd]/gu)?.length ?? 0;
  if (good > bad) return { utf8: false, text: asUtf8, line, damaged: true };
  // Windows-1256 reads any byte; it is the encoding when most letters it gives are Arabic.
  const arabic = new TextDecoder('windows-1256').decode(buffer);
  const letters = arabic.match(LETTER)?.length ?? 0;
  if (letters > 0 && (arabic.match(ARABIC_LETTER)?.length ?? 0) >= letters / 2)
    return { utf8: false, encoding: 'Windows-1256', text: arabic, line };
  return { utf8: false, text: asUtf8, line };
}

/**
 * 'le' or 'be' for UTF-16 text (Windows Notepad's "Unicode"): by its byte
 * order mark, or, without one, by the NUL bytes that half its ASCII
 * characters (spaces, line ends, field names) carry, which no other text has.
 */
function utf16Order(buffer: Buffer): 'le' | 'be' | undefined {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'be';
  const sample = buffer.subarray(0, 1024);
  let even = 0;
  let odd = 0;
  sample.forEach((byte, i) => {
    if (byte === 0) i % 2 === 0 ? even++ : odd++;
  });
  if (even + odd < sample.length / 10) return undefined;
  return odd > even ? 'le' : 'be';
}

/** A file's text as a SourceFile holds it: the text, or none and what the bytes look like. */
export function sourceText(bytes: Uint8Array): { text: string; notUtf8?: LegacyText } {
  const decoded = decodeFile(bytes);
  return decoded.utf8 ? { text: decoded.text } : { text: '', notUtf8: decoded };
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
  const { line, encoding } = decoded;
  if (decoded.damaged) return { file, line, field: 'file', code: 'file.damaged', severity: 'error' };
  return encoding
    ? { file, line, field: 'file', code: 'file.encoding', params: { encoding, value: sample(decoded.text) }, severity: 'error' }
    : { file, line, field: 'file', code: 'file.notText', severity: 'error' };
}
