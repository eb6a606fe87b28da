import { SESSION_PARAM } from '@samskapa/shared';

const storageKey = (workshopId: string) => `samskapa.session.${workshopId}`;

/** Session keys made where this browser cannot keep them (storage unavailable): one per page load. */
const unkept = new Map<string, string>();

function newSessionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * This browser's session key in a workshop, sent with its sockets: the server registers a participant's
 * board socket under it and binds the voter credential to it. Kept per workshop like the person id and
 * the credential (one browser is one person, one voter, one session), so a reload or a reconnect, and a
 * second tab, are the same session.
 */
export function sessionKeyIn(workshopId: string): string {
  try {
    const stored = localStorage.getItem(storageKey(workshopId));
    if (stored) return stored;
    const key = unkept.get(workshopId) ?? newSessionKey();
    localStorage.setItem(storageKey(workshopId), key);
    return key;
  } catch {
    const key = unkept.get(workshopId) ?? newSessionKey();
    unkept.set(workshopId, key);
    return key;
  }
}

/** The query parameters that name this browser's session on a workshop's sockets (beside `token`). */
export function sessionParams(workshopId: string): Record<string, string> {
  return { [SESSION_PARAM]: sessionKeyIn(workshopId) };
}

/** A new session key for a workshop in place of the kept one (the credential bound to it was lost). */
export function renewSessionKey(workshopId: string): string {
  const key = newSessionKey();
  unkept.set(workshopId, key);
  try {
    localStorage.setItem(storageKey(workshopId), key);
  } catch {
    // Kept for this page only.
  }
  return key;
}

/** Forgets the session key of a workshop that no longer exists. */
export function forgetSessionKey(workshopId: string): void {
  unkept.delete(workshopId);
  localStorage.removeItem(storageKey(workshopId));
}
