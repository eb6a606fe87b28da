import { ParticipantCredential, type Role } from '@samskapa/shared';
import { useEffect, useState } from 'react';
import { requestCredential } from './facilitationApi';

const key = (workshopId: string) => `samskapa.participant.${workshopId}`;
const pending = new Map<string, Promise<ParticipantCredential>>();

/**
 * This browser's participant credential in a workshop: issued by the server once, then kept in this
 * browser (so one browser is one voter, and the same voter after a reload). Facilitators and viewers
 * have none.
 */
export function participantCredential(
  workshopId: string,
  role: Role,
  token: string,
): Promise<ParticipantCredential | null> {
  if (role !== 'participant') return Promise.resolve(null);
  try {
    const stored = ParticipantCredential.safeParse(
      JSON.parse(localStorage.getItem(key(workshopId)) ?? 'null'),
    );
    if (stored.success) return Promise.resolve(stored.data);
  } catch {
    // Unreadable or unavailable storage: ask for a new one.
  }
  let request = pending.get(workshopId);
  if (!request) {
    request = requestCredential(workshopId, token).then((credential) => {
      try {
        localStorage.setItem(key(workshopId), JSON.stringify(credential));
      } catch {
        // Not kept: this tab still votes; a reload would make a new voter (with its own budget only).
      }
      return credential;
    });
    request.catch(() => pending.delete(workshopId));
    pending.set(workshopId, request);
  }
  return request;
}

/** This browser's participant credential, once known (null for facilitators and viewers). */
export function useParticipantCredential(
  workshopId: string,
  role: Role,
  token: string,
): ParticipantCredential | null {
  const [credential, setCredential] = useState<ParticipantCredential | null>(null);
  useEffect(() => {
    let cancelled = false;
    participantCredential(workshopId, role, token)
      .then((c) => !cancelled && setCredential(c))
      // Without it the person still writes notes; voting and choosing a group wait for the next load.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [workshopId, role, token]);
  return credential;
}
