/**
 * Puts the generated dateline where wire style has it: at the start of the
 * first paragraph of the rendered body («طرابلس 01 ديسمبر 2025 (وال) - …»).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/**
 * @param html the sanitised body HTML
 * @param datelineHtml markup of the dateline, already escaped
 */
export function withDateline(html: string, datelineHtml: string): string {
  const body = html.trimStart();
  if (body.startsWith('<p>')) return `<p>${datelineHtml} ${body.slice(3)}`;
  return `<p>${datelineHtml}</p>\n${body}`;
}
