import { useCallback, useState, useSyncExternalStore } from 'react';
import type { Role } from '@samskapa/shared';

/** The views of a board: the tldraw canvas, the list board, and the phone view. */
export const VIEW_KINDS = ['canvas', 'list', 'phone'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/** Screens this narrow get the phone view first (a phone held upright, a small tablet). */
export const NARROW_QUERY = '(max-width: 640px)';

/** The views a person may choose: no canvas where it may not be mounted, no phone view for viewers. */
export function availableViews(role: Role, canvasAllowed: boolean): ViewKind[] {
  return VIEW_KINDS.filter(
    (view) => (view !== 'canvas' || canvasAllowed) && (view !== 'phone' || role !== 'viewer'),
  );
}

/** The view a person lands on: participants on a narrow screen the phone view, else the canvas where it may be shown. */
export function defaultView(role: Role, canvasAllowed: boolean, narrow: boolean): ViewKind {
  if (narrow && role !== 'viewer') return 'phone';
  return canvasAllowed ? 'canvas' : 'list';
}

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the screen is narrow now. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW_QUERY).matches);
}

const storageKey = (workshopId: string) => `samskapa.view.${workshopId}`;

/** The view a person will land on here, decided before anything is loaded (see {@link defaultView}). */
export function expectedView(workshopId: string, role: Role, canvasAllowed: boolean): ViewKind {
  const chosen = storedView(workshopId);
  const views = availableViews(role, canvasAllowed);
  if (chosen && views.includes(chosen)) return chosen;
  return defaultView(role, canvasAllowed, window.matchMedia(NARROW_QUERY).matches);
}

/**
 * Whether a participant will see the phone view here, decided before anything is loaded (chosen in this
 * tab, or a narrow screen and no other choice): the page can then show the note form at once.
 */
export function landsOnPhone(workshopId: string, role: Role): boolean {
  if (role === 'viewer') return false;
  const chosen = storedView(workshopId);
  return chosen === 'phone' || (chosen === null && window.matchMedia(NARROW_QUERY).matches);
}

function storedView(workshopId: string): ViewKind | null {
  try {
    const value = sessionStorage.getItem(storageKey(workshopId));
    return (VIEW_KINDS as readonly string[]).includes(value ?? '') ? (value as ViewKind) : null;
  } catch {
    return null;
  }
}

/** The view chosen in this tab for a workshop (kept across reloads of the tab), or null before any choice. */
export function useViewChoice(workshopId: string): [ViewKind | null, (view: ViewKind) => void] {
  const [chosen, setChosen] = useState<ViewKind | null>(() => storedView(workshopId));
  const choose = useCallback(
    (view: ViewKind) => {
      try {
        sessionStorage.setItem(storageKey(workshopId), view);
      } catch {
        // not remembered, still applied
      }
      setChosen(view);
    },
    [workshopId],
  );
  return [chosen, choose];
}
