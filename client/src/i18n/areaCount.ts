import type { AreaCount } from '@samskapa/shared';
import type { Translate } from './i18n';

/**
 * How an area's count reads in every view (canvas badge, list board column, phone picker): the notes
 * participants wrote, and the template's reference content apart ("3 lappar · 8 underlag"; an area
 * holding only reference content says "8 underlag", never "0 lappar").
 */
export function areaCountText(t: Translate, count: AreaCount): string {
  const notes = count.notes === 1 ? t('count.notes.one') : t('count.notes.other', { count: count.notes });
  if (count.reference === 0) return notes;
  const reference =
    count.reference === 1 ? t('count.reference.one') : t('count.reference.other', { count: count.reference });
  return count.notes === 0 ? reference : t('count.both', { notes, reference });
}
