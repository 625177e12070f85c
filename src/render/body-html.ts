/** HTML made around a dispatch's body: escaping, the dateline, the corrections. */
import { formatWhen, htmlDateTime, isStartOfDay } from '#src/dispatch/dates.ts';
import { dateline, type Dispatch } from '#src/dispatch/dispatch.ts';
import { leadingPhotos } from '#src/dispatch/photo-markers.ts';
import { t } from '#src/i18n/ar.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** The dateline, «طرابلس 01 ديسمبر 2025 (وال) -», as a <time> of the dispatch's date: on its page, its cards and its feed item. */
export function datelineHtml(d: Pick<Dispatch, 'date' | 'dateOnly' | 'city' | 'source'>): string {
  return `<time class="dateline" datetime="${htmlDateTime(d.date, d.dateOnly)}">${escapeHtml(dateline(d))}</time>`;
}

/**
 * Puts the generated dateline where wire style has it: at the start of the
 * first paragraph of the rendered body («طرابلس 01 ديسمبر 2025 (وال) - …»).
 * @param html the sanitised body HTML
 * @param datelineHtml markup of the dateline, already escaped
 */
export function withDateline(html: string, datelineHtml: string): string {
  // Photos placed before the text stay before it; the dateline opens the text.
  const [photos, rest] = leadingPhotos(html);
  const body = rest.trimStart();
  if (body.startsWith('<p>')) return `${photos}<p>${datelineHtml} ${body.slice(3)}`;
  return `${photos}<p>${datelineHtml}</p>\n${body}`;
}

/**
 * The corrections section that closes a corrected dispatch, on its page and
 * in its feed item alike ('' when there are none).
 */
export function correctionsHtml(corrections: readonly { date: Date; note: string }[]): string {
  if (corrections.length === 0) return '';
  const items = corrections.map(
    (c) =>
      `<li><time datetime="${htmlDateTime(c.date, isStartOfDay(c.date))}">${escapeHtml(formatWhen(c.date))}</time>: ${escapeHtml(c.note)}</li>`,
  );
  return `<section class="corrections"><h2>${t('dispatch.corrections')}</h2><ol>${items.join('')}</ol></section>`;
}
