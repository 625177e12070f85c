/**
 * The one schema of a dispatch's front-matter. The build and the newsroom
 * scripts all validate with it. Every issue it raises is a custom one that
 * carries its problem (a code of problems.ts and its parameters) in zod's
 * `params`; problemOf() reads it back, and the tools word it in English or
 * Arabic. A value of the wrong type is checked here too, so that its
 * problem names the field's own words («the headline»), not zod's.
 */
import { z } from 'astro/zod';
import { dayKey, isStartOfDay, parseDateTime } from './dates.ts';
import type { ProblemCode } from './problems.ts';
import { categoryRegistry, cityRegistry, sourceRegistry, unknownEntry, type Registry } from './registries.ts';
import { cleanText, slugify } from './text.ts';
import { siteConfig } from '#src/config.ts';

const DATE_EXAMPLE = '2025-12-01T10:30';

/** A problem as the schema reports it. */
export interface ProblemRef {
  code: ProblemCode;
  params: Record<string, string>;
}

const problem = (code: ProblemCode, params: Record<string, string> = {}) => ({ params: { problem: { code, params } } });

/** The problem an issue of this schema carries; none for zod's own (an unknown field). */
export function problemOf(issue: z.core.$ZodIssue): ProblemRef | undefined {
  return issue.code === 'custom' ? (issue.params?.problem as ProblemRef | undefined) : undefined;
}

type Check = (value: unknown) => boolean;

/**
 * `schema` for a value that passes `check`; any other value is `code`'s
 * problem and nothing else is said of it (the pipe stops). A field left out
 * is `required` (problemOf's reader names the field).
 */
function typed<T extends z.ZodType>(check: Check, code: ProblemCode, params: Record<string, string>, schema: T) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (value === undefined) ctx.addIssue({ code: 'custom', input: value, ...problem('required') });
      else if (!check(value)) ctx.addIssue({ code: 'custom', input: value, ...problem(code, params) });
    })
    .pipe(schema);
}

const isString: Check = (value) => typeof value === 'string';
const isObject: Check = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

const requiredText = (what: string) =>
  typed(
    isString,
    'text.type',
    { what },
    z
      .string()
      .transform((value) => cleanText(value).trim())
      .refine((value) => value.length > 0, problem('text.empty', { what })),
  );

/** An ISO 8601 date or date-time string, read by `read` once it is valid. */
const dateString = <T>(read: (date: Date, value: string) => T) =>
  typed(
    isString,
    'date.type',
    { example: DATE_EXAMPLE },
    z.string().transform((value, ctx) => {
      const date = parseDateTime(value);
      if (date) return read(date, value);
      ctx.addIssue({ code: 'custom', input: value, ...problem('date.invalid', { value, example: DATE_EXAMPLE }) });
      return z.NEVER;
    }),
  );

const dateTime = dateString((date) => date);

/**
 * The publication date. A day without a time («2025-12-01», as wires give
 * it) is allowed: pages then show the day only, and feeds and JSON-LD, which
 * need a time, give 00:00 newsroom time of that day (docs/newsroom.md).
 */
const publicationDate = dateString((date, value) => ({ date, dateOnly: /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) }));

function vocabulary<T extends { slug: string }>(registry: Registry<T>, noun: string, plural: string) {
  return typed(
    isString,
    'registry.type',
    { noun, file: registry.file },
    z.string().transform((value, ctx) => {
      const entry = registry.find(value);
      if (entry) return entry.slug;
      const unknown = unknownEntry(registry, value, noun, plural);
      ctx.addIssue({ code: 'custom', input: value, ...problem(unknown.code, unknown.params) });
      return z.NEVER;
    }),
  );
}

const slug = typed(
  isString,
  'slug.empty',
  {},
  z.string().transform((value, ctx) => {
    const normalised = slugify(value);
    if (normalised && normalised === cleanText(value).trim()) return normalised;
    const issue = normalised ? problem('slug.invalid', { value, suggestion: normalised }) : problem('slug.empty');
    ctx.addIssue({ code: 'custom', input: value, ...issue });
    return z.NEVER;
  }),
);

const correction = typed(isObject, 'corrections.type', {}, z.strictObject({ date: dateTime, note: requiredText('the correction') }));

/** A dispatch the agency took back: it keeps its place, as a notice of the withdrawal. */
const withdrawal = typed(
  isObject,
  'withdrawn.type',
  {},
  z.strictObject({ date: dateTime, reason: requiredText('the reason for the withdrawal') }),
);

/** The front-matter's fields, as written. */
const fields = z.strictObject({
  title: requiredText('the headline'),
  date: publicationDate,
  city: vocabulary(cityRegistry, 'city', 'cities'),
  source: vocabulary(sourceRegistry, 'source', 'sources').default(sourceRegistry.find(siteConfig.defaultSource)!.slug),
  category: vocabulary(categoryRegistry, 'category', 'categories'),
  tags: typed(Array.isArray, 'tags.type', {}, z.array(requiredText('a tag').refine((tag) => slugify(tag) !== '', problem('slug.empty'))))
    .default([])
    // Spellings that make one URL are one tag; the first spelling names it.
    .transform((tags) => {
      const bySlug = new Map<string, string>();
      for (const tag of tags) if (!bySlug.has(slugify(tag))) bySlug.set(slugify(tag), tag);
      return [...bySlug.values()];
    }),
  summary: requiredText('the lead').optional(),
  updated: dateTime.optional(),
  corrections: typed(Array.isArray, 'corrections.type', {}, z.array(correction)).default([]),
  draft: typed((value) => typeof value === 'boolean', 'draft.type', {}, z.boolean()).default(false),
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
  return dayKey(later) < dayKey(published);
}

export const dispatchSchema = fields
  .transform(({ date: { date, dateOnly }, ...data }) => ({ ...data, date, dateOnly }))
  .superRefine((data, ctx) => {
    if (data.image !== undefined && data.imageAlt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['imageAlt'], ...problem('image.altMissing') });
    }
    if (data.image === undefined) {
      for (const field of ['imageAlt', 'imageCaption', 'imageCredit'] as const) {
        if (data[field] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [field], ...problem('image.withoutImage') });
        }
      }
    }
    if (data.updated && before(data.updated, data.date)) {
      ctx.addIssue({ code: 'custom', path: ['updated'], ...problem('updated.beforeDate') });
    }
    if (data.withdrawn && before(data.withdrawn.date, data.date)) {
      ctx.addIssue({ code: 'custom', path: ['withdrawn', 'date'], ...problem('withdrawn.beforeDate') });
    }
    data.corrections.forEach((correction, i) => {
      if (before(correction.date, data.date)) {
        ctx.addIssue({ code: 'custom', path: ['corrections', i, 'date'], ...problem('updated.beforeDate') });
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
