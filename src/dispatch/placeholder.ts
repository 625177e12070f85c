/**
 * The text `npm run new` puts where the body goes. Publishing it would
 * publish words nobody wrote, so a body that still holds it, or any piece of
 * it, is an error wherever a dispatch is read (parseDispatch).
 */
import { fold } from './arabic.ts';

export const BODY_PLACEHOLDER = 'اكتب نص الخبر هنا مكان هذا السطر. لا تكتب سطر التاريخ: الموقع يضيفه من البيانات أعلاه.';

// Pieces a half-deleted placeholder still holds, compared folded: no agency copy says these.
const PIECES = ['اكتب نص الخبر', 'نص الخبر هنا', 'مكان هذا السطر', 'لا تكتب سطر التاريخ', 'الموقع يضيفه من البيانات'].map((piece) =>
  fold(piece),
);

const MAY_HOLD = /س[\p{M}\u0640]*ط[\p{M}\u0640]*ر|ن[\p{M}\u0640]*ص|ي[\p{M}\u0640]*ض[\p{M}\u0640]*ي[\p{M}\u0640]*ف/u;

/** The first line of `body` (0-based) that holds a piece of the placeholder, with its text. */
export function placeholderLeft(body: string): { line: number; text: string } | undefined {
  const lines = body.split('\n');
  const line = lines.findIndex((text) => {
    // Folding every line of 100,000 bodies costs seconds: only lines that may hold a piece are.
    if (!MAY_HOLD.test(text)) return false;
    const folded = fold(text).replace(/\s+/g, ' ');
    return PIECES.some((piece) => folded.includes(piece));
  });
  return line < 0 ? undefined : { line, text: lines[line].trim() };
}
