/**
 * Text hygiene for everything that comes from a journalist's file: one
 * normal form, and no invisible characters that can break XML or reorder
 * what a reader sees.
 */

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes.
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates (LRE…RLO, LRI…PDI). The marks
// LRM, RLM and ALM stay: they are legitimate punctuation in Arabic text.
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

// Unpaired surrogates (reachable through YAML escapes such as "\uD800")
// and the noncharacters U+FFFE/U+FFFF: none may appear in XML.
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** NFC, without control, bidi embedding/override or non-XML characters. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(CONTROL_CHARS, '').replace(BIDI_CONTROLS, '').replace(NOT_XML, '');
}

// Tatweel and combining marks (tashkeel) carry no meaning in a URL.
const TATWEEL_AND_MARKS = /[\u0640\p{M}]/gu;
const NOT_SLUG = /[^\p{L}\p{N}]+/gu;

/**
 * A URL segment for a file name, tag or slug: NFC, lower case, letters and
 * digits joined by hyphens. Arabic letters stay; tashkeel and tatweel go.
 */
export function slugify(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(TATWEEL_AND_MARKS, '')
    .replace(NOT_SLUG, '-')
    .replace(/^-+|-+$/g, '');
}
