import type { MessageKey } from '../i18n/i18n';

/** A message for a live region; `at` tells a repeat apart, so screen readers read it again. */
export interface Said {
  key: MessageKey;
  vars?: Record<string, string>;
  at: number;
}

/** A live-region message said now. */
export function saying(key: MessageKey, vars?: Record<string, string>): Said {
  return { key, vars, at: Date.now() };
}
