import { ParticipantCredential, SESSION_PARAM, type Role } from '@samskapa/shared';
import { useEffect, useState } from 'react';
import type { DocConnection } from '../sync/docConnection';
import { renewSessionKey } from '../sync/sessionKey';
import { FacilitationRefused, requestCredential } from './facilitationApi';

const key = (workshopId: string) => `samskapa.participant.${workshopId}`;
/** One request at a time for each board connection (a page opens one; React may run an effect twice). */
const pending = new WeakMap<DocConnection, Promise<ParticipantCredential | null>>();
/** Pages to tell when a workshop's kept credential was forgotten. */
const forgottenListeners = new Set<(workshopId: string) => void>();
const RETRY_MS = { first: 1000, longest: 15_000 };

function kept(workshopId: string): ParticipantCredential | null {
  try {
    const stored = ParticipantCredential.safeParse(
      JSON.parse(localStorage.getItem(key(workshopId)) ?? 'null'),
    );
    return stored.success ? stored.data : null;
  } catch {
    return null; // Unreadable or unavailable storage: ask for a new one.
  }
}

function keep(workshopId: string, credential: ParticipantCredential): void {
  try {
    localStorage.setItem(key(workshopId), JSON.stringify(credential));
  } catch {
    // Not kept: this tab still votes; after a reload its session asks in vain, and a new session is made.
  }
}

/** Resolves once the board's socket has synced with the server (which registered its session first). */
function whenSynced(board: DocConnection): Promise<void> {
  return new Promise((resolve) => {
    if (board.provider.synced) return resolve();
    const onSync = (synced: boolean) => {
      if (!synced) return;
      board.provider.off('sync', onSync);
      resolve();
    };
    board.provider.on('sync', onSync);
  });
}

/**
 * Asks the server for a credential bound to the session of the board's socket, until it has one: while
 * the socket is not registered (yet, or again) it waits and asks again; a session that already holds one
 * this browser no longer has (its answer never arrived) is given up for a new session, the board's socket
 * opened again with it. Resolves null when the board is gone or the link cannot have a credential.
 */
async function ask(
  workshopId: string,
  token: string,
  board: DocConnection,
): Promise<ParticipantCredential | null> {
  for (let wait = RETRY_MS.first; !board.doc.isDestroyed; wait = Math.min(wait * 2, RETRY_MS.longest)) {
    await whenSynced(board);
    // Another tab of this browser may have been given it meanwhile.
    const already = kept(workshopId);
    if (already) return already;
    try {
      const credential = await requestCredential(
        workshopId,
        token,
        board.provider.params[SESSION_PARAM] ?? '',
      );
      keep(workshopId, credential);
      return credential;
    } catch (err) {
      const refused = err instanceof FacilitationRefused ? err : null;
      // The link is not one that may vote here (or the workshop is gone): asking again changes nothing.
      if (refused && [401, 403, 404].includes(refused.status)) return null;
      if (refused?.error === 'session_taken') {
        const again = kept(workshopId);
        if (again) return again;
        board.provider.params[SESSION_PARAM] = renewSessionKey(workshopId);
        board.provider.disconnect();
        board.provider.connect();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return null;
}

/**
 * This browser's participant credential in a workshop: issued by the server once, bound to this
 * browser's session while its board socket is open, then kept in this browser (so one browser is one
 * voter, and the same voter after a reload or a reconnect). Facilitators and viewers have none.
 */
export function participantCredential(
  workshopId: string,
  role: Role,
  token: string,
  board: DocConnection,
): Promise<ParticipantCredential | null> {
  if (role !== 'participant') return Promise.resolve(null);
  const stored = kept(workshopId);
  if (stored) return Promise.resolve(stored);
  let request = pending.get(board);
  if (!request) {
    request = ask(workshopId, token, board);
    request.finally(() => pending.delete(board)).catch(() => undefined);
    pending.set(board, request);
  }
  return request;
}

/**
 * Forgets a credential the server no longer knows (issued before credentials were bound to a session,
 * or gone with its workshop): the page asks for a new one.
 */
export function forgetCredential(workshopId: string, secret: string): void {
  if (kept(workshopId)?.secret !== secret) return;
  try {
    localStorage.removeItem(key(workshopId));
  } catch {
    // Nothing was kept.
  }
  for (const listener of forgottenListeners) listener(workshopId);
}

/** This browser's participant credential, once known (null for facilitators and viewers). */
export function useParticipantCredential(
  workshopId: string,
  role: Role,
  token: string,
  board: DocConnection | null,
): ParticipantCredential | null {
  const [credential, setCredential] = useState<ParticipantCredential | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const listener = (forgotten: string) => {
      if (forgotten !== workshopId) return;
      setCredential(null);
      setGeneration((g) => g + 1);
    };
    forgottenListeners.add(listener);
    return () => void forgottenListeners.delete(listener);
  }, [workshopId]);
  useEffect(() => {
    if (!board) return;
    let cancelled = false;
    participantCredential(workshopId, role, token, board)
      .then((c) => !cancelled && setCredential(c))
      // Without it the person still writes notes; voting and choosing a group wait for the next load.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [workshopId, role, token, board, generation]);
  return credential;
}
