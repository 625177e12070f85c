/**
 * The one schema of a dispatch's front-matter. The content collection, the
 * loader and the newsroom scripts all validate with it. Its messages are
 * problem codes (see problems.ts), so every tool can word them in English
 * or Arabic.
 */
import { z } from 'astro/zod';
import { dateSegments, isStartOfDay, parseDateTime } from './dates.ts';
import type { ProblemCode } from './problems.ts';
import { categoryRegistry, cityRegistry, sourceRegistry, unknownEntry, type Registry } from './registries.ts';
import { cleanText, slugify } from './text.ts';
import { siteConfig } from '#src/config.ts';

const DATE_EXAMPLE = '2025-12-01T10:30';

/** A zod message that carries a problem code and its parameters. */
function problemRef(code: ProblemCode, params: Record<string, string> = {}): string {
  return JSON.stringify({ code, params });
}

const requiredText = (what: string) =>
  z
    .string({ error: problemRef('text.type', { what }) })
    .transform((value) => cleanText(value).trim())
    .refine((value) => value.length > 0, { message: problemRef('text.empty', { what }) });

/** An ISO 8601 date or date-time string, read by `read` once it is valid. */
const dateString = <T>(read: (date: Date, value: string) => T) =>
  z.string({ error: problemRef('date.type', { example: DATE_EXAMPLE }) }).transform((value, ctx) => {
    const date = parseDateTime(value);
    if (date) return read(date, value);
    ctx.addIssue({ code: 'custom', input: value, message: problemRef('date.invalid', { value, example: DATE_EXAMPLE }) });
    return z.NEVER;
  });

const dateTime = dateString((date) => date);

/**
 * The publication date. A day without a time («2025-12-01», as wires give
 * it) is allowed: pages then show the day only, and feeds and JSON-LD, which
 * need a time, give 00:00 newsroom time of that day (docs/newsroom.md).
 */
const publicationDate = dateString((date, value) => ({ date, dateOnly: /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) }));

function vocabulary<T extends { slug: string }>(registry: Registry<T>, noun: string, plural: string) {
  return z.string({ error: problemRef('registry.type', { noun, file: registry.file }) }).transform((value, ctx) => {
    const entry = registry.find(value);
    if (entry) return entry.slug;
    const unknown = unknownEntry(registry, value, noun, plural);
    ctx.addIssue({ code: 'custom', input: value, message: problemRef(unknown.code, unknown.params) });
    return z.NEVER;
  });
}

const slug = z.string({ error: problemRef('slug.empty') }).transform((value, ctx) => {
  const normalised = slugify(value);
  if (normalised && normalised === cleanText(value).trim()) return normalised;
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: normalised ? problemRef('slug.invalid', { value, suggestion: normalised }) : problemRef('slug.empty'),
  });
  return z.NEVER;
});

const correction = z.strictObject({ date: dateTime, note: requiredText('the correction') }, { error: problemRef('corrections.type') });

/** A dispatch the agency took back: it keeps its place, as a notice of the withdrawal. */
const withdrawal = z.strictObject(
  { date: dateTime, reason: requiredText('the reason for the withdrawal') },
  { error: problemRef('withdrawn.type') },
);

/** The front-matter's fields, as written. */
const fields = z.strictObject({
  title: requiredText('the headline'),
  date: publicationDate,
  city: vocabulary(cityRegistry, 'city', 'cities'),
  source: vocabulary(sourceRegistry, 'source', 'sources').default(sourceRegistry.find(siteConfig.defaultSource)!.slug),
  category: vocabulary(categoryRegistry, 'category', 'categories'),
  tags: z
    .array(
      requiredText('a tag').refine((tag) => slugify(tag) !== '', { message: problemRef('slug.empty') }),
      { error: problemRef('tags.type') },
    )
    .default([])
    // Spellings that make one URL are one tag; the first spelling names it.
    .transform((tags) => {
      const bySlug = new Map<string, string>();
      for (const tag of tags) if (!bySlug.has(slugify(tag))) bySlug.set(slugify(tag), tag);
      return [...bySlug.values()];
    }),
  summary: requiredText('the lead').optional(),
  updated: dateTime.optional(),
  corrections: z.array(correction, { error: problemRef('corrections.type') }).default([]),
  draft: z.boolean({ error: problemRef('draft.type') }).default(false),
  withdrawn: withdrawal.optional(),
  slug: slug.optional(),
  /** The lead photo: a file beside the dispatch or in the images folder (see photos.ts). */
  image: requiredText('the photo file name').optional(),
  imageAlt: requiredText('the photo description').optional(),
  imageCaption: requiredText('the caption').optional(),
  /** Who took the photo; the source agency when absent. */
  imageCredit: requiredText('the photo credit').optional(),
});

/** Whether a later date (an update, a correction) comes before publication: by its day when written without a time. */
function before(later: Date, published: Date): boolean {
  if (!isStartOfDay(later)) return later < published;
  const [a, b] = [later, published].map((d) => Object.values(dateSegments(d)).join('-'));
  return a < b;
}

export const dispatchSchema = fields
  .transform(({ date: { date, dateOnly }, ...data }) => ({ ...data, date, dateOnly }))
  .superRefine((data, ctx) => {
    if (data.image !== undefined && data.imageAlt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: problemRef('image.altMissing') });
    }
    if (data.image === undefined) {
      for (const field of ['imageAlt', 'imageCaption', 'imageCredit'] as const) {
        if (data[field] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: problemRef('image.withoutImage') });
        }
      }
    }
    if (data.updated && before(data.updated, data.date)) {
      ctx.addIssue({ code: 'custom', path: ['updated'], message: problemRef('updated.beforeDate') });
    }
    if (data.withdrawn && before(data.withdrawn.date, data.date)) {
      ctx.addIssue({ code: 'custom', path: ['withdrawn', 'date'], message: problemRef('withdrawn.beforeDate') });
    }
    data.corrections.forEach((correction, i) => {
      if (before(correction.date, data.date)) {
        ctx.addIssue({ code: 'custom', path: ['corrections', i, 'date'], message: problemRef('updated.beforeDate') });
      }
    });
  })
  // The last correction is the last update, whether or not `updated` says so.
  .transform((data) => {
    const times = [data.updated, ...data.corrections.map((c) => c.date)].filter((d): d is Date => d !== undefined);
    const latest = times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : undefined;
    return { ...data, updated: latest };
  });

export type DispatchData = z.output<typeof dispatchSchema>;

/** The fields a dispatch may have, for "did you mean" on unknown fields. */
export const dispatchFields = Object.keys(fields.shape);
