import {
  BallotResponse,
  FACILITATION_ERRORS,
  GroupChoice,
  ParticipantCredential,
  SESSION_HEADER,
  VoteProgress,
  type Ballot,
  type FacilitationError,
} from '@samskapa/shared';
import { z } from 'zod';

/**
 * A refused facilitation request: `reason` is a known refusal (an i18n key's last part) or undefined;
 * `error` is whatever the answer's `error` said.
 */
export class FacilitationRefused extends Error {
  constructor(
    readonly status: number,
    readonly reason: FacilitationError | undefined,
    readonly error?: string,
  ) {
    super(`HTTP ${status}${error ? ` ${error}` : ''}`);
  }
}

async function call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, { ...init, cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    const reason = FACILITATION_ERRORS.find((e) => e === body?.error);
    throw new FacilitationRefused(
      response.status,
      reason,
      typeof body?.error === 'string' ? body.error : undefined,
    );
  }
  return schema.parse(await response.json());
}

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`;
const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });

/**
 * Asks the server for this browser's participant credential (with the participant link's token), bound
 * to the session whose board socket is open.
 */
export function requestCredential(
  workshopId: string,
  token: string,
  sessionKey: string,
): Promise<ParticipantCredential> {
  return call(
    `${base(workshopId)}/participants`,
    { method: 'POST', headers: { ...auth(token), [SESSION_HEADER]: sessionKey } },
    ParticipantCredential,
  );
}

/** This participant's own dots in the current round (nobody else's). */
export function fetchBallot(workshopId: string, secret: string): Promise<BallotResponse> {
  return call(`${base(workshopId)}/ballot`, { headers: auth(secret) }, BallotResponse);
}

/** Replaces this participant's ballot of `round`; the server checks budget, cap and notes. */
export function sendBallot(
  workshopId: string,
  secret: string,
  round: number,
  ballot: Ballot,
): Promise<BallotResponse> {
  return call(
    `${base(workshopId)}/ballot`,
    {
      method: 'PUT',
      headers: { ...auth(secret), 'content-type': 'application/json' },
      body: JSON.stringify({ round, ballot }),
    },
    BallotResponse,
  );
}

/** How many have voted so far (facilitators). */
export function fetchVoteProgress(workshopId: string, facilitatorToken: string): Promise<VoteProgress> {
  return call(`${base(workshopId)}/votes`, { headers: auth(facilitatorToken) }, VoteProgress);
}

/** Counts the round and publishes the totals to everyone (facilitators). */
export function revealVotes(workshopId: string, facilitatorToken: string) {
  return call(
    `${base(workshopId)}/votes/reveal`,
    { method: 'POST', headers: auth(facilitatorToken) },
    z.object({
      round: z.number(),
      totals: z.record(z.string(), z.number()),
      voters: z.number(),
      present: z.number().optional(),
    }),
  );
}

/** Joins a group, when the facilitator lets participants choose. */
export function chooseGroup(
  workshopId: string,
  secret: string,
  groupId: string | null,
): Promise<GroupChoice> {
  return call(
    `${base(workshopId)}/group`,
    {
      method: 'PUT',
      headers: { ...auth(secret), 'content-type': 'application/json' },
      body: JSON.stringify({ groupId }),
    },
    GroupChoice,
  );
}
