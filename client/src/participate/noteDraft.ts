import { useSyncExternalStore } from 'react';

/**
 * The text being written in the phone's note form, and whether its field had the focus. It outlives the
 * form: the first, small form (before the board's code has loaded) hands over to the full phone view
 * mid-sentence, and the words typed, the caret and the focus move with it.
 */
export interface NoteDraft {
  text: string;
  focused: boolean;
  selection: [number, number] | null;
}

const EMPTY: NoteDraft = { text: '', focused: false, selection: null };
const drafts = new Map<string, NoteDraft>();
const listeners = new Set<() => void>();

/** The draft of a workshop's note form. */
export function noteDraft(workshopId: string): NoteDraft {
  return drafts.get(workshopId) ?? EMPTY;
}

/** Changes the draft of a workshop's note form. */
export function setNoteDraft(workshopId: string, change: Partial<NoteDraft>): void {
  drafts.set(workshopId, { ...noteDraft(workshopId), ...change });
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text of a workshop's note form, live. */
export function useNoteDraftText(workshopId: string): string {
  return useSyncExternalStore(subscribe, () => noteDraft(workshopId).text);
}
