import type { Translate } from './i18n';

/**
 * How a vote's turnout reads wherever the facilitator and the room see it: the voters counted against
 * the participants here ("23 har röstat, 20 här").
 */
export function turnoutText(t: Translate, voters: number, present: number): string {
  return voters === 1 ? t('vote.turnout.one', { present }) : t('vote.turnout.other', { voters, present });
}
