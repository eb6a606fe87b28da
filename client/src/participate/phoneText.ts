import { areaFrameName, BoardChangeError, type FocusArea } from '@samskapa/shared';
import type { MessageKey, Translate } from '../i18n/i18n';

/** The origin of every change the phone view makes, so the other views can tell where it came from. */
export const PHONE_ORIGIN = { view: 'phone' } as const;

/** "1 lapp", "3 lappar". */
export function countText(t: Translate, count: number): string {
  return count === 1 ? t('phone.count.one') : t('phone.count.other', { count });
}

/** An area as the phone names it in a heading: code and title, or "Inget område". */
export function areaName(t: Translate, area: FocusArea | undefined): string {
  return area ? areaFrameName(area.code, area.title) : t('phone.area.none');
}

/** What to tell a person whose change the board refused; what to do next is in the message. */
export function changeErrorKey(error: unknown): MessageKey {
  if (error instanceof BoardChangeError && error.reason !== 'invalidCode')
    return `phone.error.${error.reason}`;
  console.error(error);
  return 'phone.error.other';
}
