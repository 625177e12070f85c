/** The newsroom commands' messages in the language asked for. */
import type { Lang } from '#src/dispatch/problems.ts';
import { ar } from './newsroom-ar.ts';
import { en, type NewsroomMessages } from './newsroom-en.ts';

export type { NewsroomMessages };

export function newsroomMessages(lang: Lang): NewsroomMessages {
  return lang === 'ar' ? ar : en;
}
