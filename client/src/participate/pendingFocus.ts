import { useCallback, useEffect, useRef } from 'react';

/** How long a focus request waits for its element (the board re-reads once per animation frame). */
const WAIT_MS = 2000;

type Request = { id: string; accept: (element: HTMLElement) => boolean; until: number };

/**
 * Moves the focus to an element that appears in a later render: after a note is saved, moved or
 * deleted, the element that had the focus is gone, and keyboard and screen-reader users would land on
 * the page's body. `accept` can wait for the element in its new place (a moved note).
 */
export function usePendingFocus(): (id: string, accept?: (element: HTMLElement) => boolean) => void {
  const pending = useRef<Request | null>(null);
  useEffect(() => {
    const request = pending.current;
    if (!request) return;
    if (Date.now() > request.until) {
      pending.current = null;
      return;
    }
    const element = document.getElementById(request.id);
    if (element && request.accept(element)) {
      pending.current = null;
      element.focus();
    }
  });
  return useCallback((id, accept = () => true) => {
    pending.current = { id, accept, until: Date.now() + WAIT_MS };
  }, []);
}
