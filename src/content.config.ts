import { defineCollection } from 'astro:content';
import { archiveDir, imagesDir } from './config.ts';
import { dispatchLoader } from './loaders/dispatches.ts';
import { dispatchSchema } from './lib/schema.ts';

const dispatches = defineCollection({
  loader: dispatchLoader({ dir: archiveDir, imagesDir }),
  // The loader validates with this schema itself (to report every problem
  // with its line); declaring it here types the collection's entries.
  schema: dispatchSchema,
});

export const collections = { dispatches };
