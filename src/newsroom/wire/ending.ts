/**
 * What agencies put after a wire's last sentence: their marker («(وال)»,
 * «/ وام /») and an end mark with the editors' initials («(النهاية) ع ب ع»,
 * «//انتهى//»). Only these go; every other word of the body stays.
 */
import { sourceRegistry } from '#src/dispatch/registries.ts';

/** «(وال)», «...(وال ) ...», «/ وام /» at the very end (checked against the sources). */
const CLOSING = /\s*(?:\.{2,}|…)?\s*(?:\(\s*([^()]{1,12}?)\s*\)|\/\s*([^/]{1,12}?)\s*\/)\s*(?:\.{2,}|…)?\s*$/u;
/** An end mark, then perhaps initials: single letters in groups split by slashes. */
const END_MARK = /\s*(?:\/\/\s*انتهى\s*\/\/|\(\s*(?:انتهى|النهاية)\s*\))(?:\s*\p{L}(?:\s+\p{L}|\s*\/\s*\p{L})*)?\s*$/u;

/** A paragraph without the end marks and source markers it closes with. */
function withoutEnd(paragraph: string): string {
  let text = paragraph;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(END_MARK, '');
    const marker = CLOSING.exec(text);
    if (marker && sourceRegistry.find(marker[1] ?? marker[2])) text = text.slice(0, marker.index);
  }
  return text.trim();
}

/** The paragraphs, trimmed, without empty ones and without what closes the last (see the module's comment). */
export function withoutClosingMarkers(paragraphs: readonly string[]): string[] {
  const kept = paragraphs.map((p) => p.trim()).filter(Boolean);
  while (kept.length > 0) {
    const last = withoutEnd(kept[kept.length - 1]);
    if (last) {
      kept[kept.length - 1] = last;
      break;
    }
    // A paragraph that was only a marker: what closes the one before goes too.
    kept.pop();
  }
  return kept;
}
