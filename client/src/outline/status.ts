import { BoardChangeError } from '@samskapa/shared';
import type { MessageKey } from '../i18n/i18n';

/** What the list board's live region says after an action. */
export interface StatusMessage {
  key: MessageKey;
  vars?: Record<string, string | number>;
  tone: 'info' | 'error';
}

/** The message for a change the board refused (note deleted meanwhile, locked, …). */
export function errorMessage(error: unknown): StatusMessage {
  if (error instanceof BoardChangeError) return { key: `outline.error.${error.reason}`, tone: 'error' };
  console.error('list board: a change failed', error);
  return { key: 'outline.error.other', tone: 'error' };
}
