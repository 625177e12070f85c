/**
 * The one schema of a dispatch's front-matter. The content collection, the
 * loader and the newsroom scripts all validate with it.
 */
import { z } from 'astro/zod';
import { parseDateTime } from './dates.ts';
import { categoryRegistry, cityRegistry, sourceRegistry, type Registry } from './registries.ts';
import { cleanText, slugify } from './text.ts';
import { siteConfig } from '../config.ts';

const DATE_EXAMPLE = '2025-12-01T10:30 (Tripoli time) or 2025-12-01T10:30:00+02:00';

const requiredText = (what: string) =>
  z
    .string({ error: `must be text (${what})` })
    .transform((value) => cleanText(value).trim())
    .refine((value) => value.length > 0, { message: `must not be empty (${what})` });

const dateTime = z
  .string({ error: `must be an ISO 8601 date-time in quotes, e.g. "${DATE_EXAMPLE}"` })
  .transform((value, ctx) => {
    const date = parseDateTime(value);
    if (date) return date;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `«${value}» is not a valid ISO 8601 date-time; write e.g. ${DATE_EXAMPLE}`,
    });
    return z.NEVER;
  });

function vocabulary<T extends { slug: string }>(registry: Registry<T>, noun: string, plural: string) {
  return z
    .string({ error: `must name a ${noun} listed in ${registry.file}` })
    .transform((value, ctx) => {
      const entry = registry.find(value);
      if (entry) return entry.slug;
      ctx.addIssue({
        code: 'custom',
        input: value,
        message:
          `«${value}» is not a known ${noun}. Did you mean «${registry.suggest(value)}»?` +
          ` (${plural} are listed in ${registry.file})`,
      });
      return z.NEVER;
    });
}

const slug = z
  .string({ error: 'must be text: letters, digits and hyphens' })
  .transform((value, ctx) => {
    const normalised = slugify(value);
    if (normalised && normalised === cleanText(value).trim()) return normalised;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: normalised
        ? `«${value}» is not a URL slug; did you mean «${normalised}»?`
        : 'must contain letters or digits',
    });
    return z.NEVER;
  });

export const dispatchSchema = z
  .strictObject({
    title: requiredText('the headline'),
    date: dateTime,
    city: vocabulary(cityRegistry, 'city', 'cities'),
    source: vocabulary(sourceRegistry, 'source', 'sources').default(
      sourceRegistry.find(siteConfig.defaultSource)!.slug,
    ),
    category: vocabulary(categoryRegistry, 'category', 'categories'),
    tags: z
      .array(requiredText('a tag'), { error: 'must be a list of tags, e.g. ["النفط", "الموانئ"]' })
      .default([])
      .transform((tags) => [...new Set(tags)]),
    summary: requiredText('the lead').optional(),
    updated: dateTime.optional(),
    draft: z.boolean({ error: 'must be true or false' }).default(false),
    slug: slug.optional(),
  })
  .superRefine((data, ctx) => {
    if (data.updated && data.updated < data.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: 'is earlier than date; a correction comes after publication',
      });
    }
  });

export type DispatchData = z.output<typeof dispatchSchema>;

/** The fields a dispatch may have, for "did you mean" on unknown fields. */
export const dispatchFields = Object.keys(dispatchSchema.shape);
