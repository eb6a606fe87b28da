import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'samskapa:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Client-side navigation within the app. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** A page of the app, read from its path. */
export type Route =
  | { page: 'start' }
  | { page: 'joinCode'; code: string }
  | { page: 'board'; workshopId: string }
  | { page: 'notFound' };

/** Which page a path shows. */
export function routeOf(path: string): Route {
  if (path === '/' || path === '') return { page: 'start' };
  const join = /^\/j\/([^/]+)\/?$/.exec(path);
  if (join) return { page: 'joinCode', code: decodeURIComponent(join[1]!) };
  const board = /^\/w\/([A-Za-z0-9_-]{16})\/?$/.exec(path);
  if (board) return { page: 'board', workshopId: board[1]! };
  return { page: 'notFound' };
}
