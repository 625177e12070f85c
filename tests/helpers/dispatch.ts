/** A Dispatch for unit tests, built through the real toDispatch. */
import { toDispatch, type Dispatch, type StoredDispatchData } from '../../src/lib/dispatch.ts';

export function makeDispatch(
  id: string,
  iso: string,
  data: Partial<StoredDispatchData> = {},
  now = new Date('2030-01-01T00:00:00Z'),
): Dispatch {
  return toDispatch(
    {
      id,
      data: {
        title: id,
        date: new Date(iso),
        city: 'tripoli',
        source: 'lana',
        category: 'economy',
        tags: [],
        corrections: [],
        updated: undefined,
        draft: false,
        slug: id,
        summary: '',
        bodyFile: `${id}.html`,
        ...data,
      },
    },
    now,
  );
}
