import { z } from 'zod';
import { Ballot, VoteSettings } from '../model/vote';
import { SESSION_PARAM } from '../model/constants';

export { SESSION_PARAM };

/**
 * Facilitation over HTTP: what must not go through a document everyone reads (ballots) or that a
 * participant may not write themselves (choosing a group). A participant proves who they are with the
 * participant credential the server issued when they joined (`Authorization: Bearer <secret>`).
 */

/** The header of `POST /api/workshops/:id/participants` that names the open board socket to bind to. */
export const SESSION_HEADER = 'x-samskapa-session';

/** A session key: random, url-safe, made by the browser and kept per workshop (at least 128 bits). */
export const SessionKey = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, 'not a session key');

/**
 * Answer of `POST /api/workshops/:id/participants` (with the participant link's token and the
 * {@link SESSION_HEADER} of a participant's open board socket; one credential per session).
 */
export const ParticipantCredential = z.strictObject({
  /** The participant's workshop-scoped id: group membership is keyed by it. */
  participantId: z.string(),
  /** Kept in this browser only; the server stores its hash. */
  secret: z.string(),
});
export type ParticipantCredential = z.infer<typeof ParticipantCredential>;

/** Body of `PUT /api/workshops/:id/ballot`: the participant's whole ballot for a voting round. */
export const BallotRequest = z.strictObject({
  round: z.int().min(1),
  ballot: Ballot,
});
export type BallotRequest = z.infer<typeof BallotRequest>;

/** Answer of `GET`/`PUT /api/workshops/:id/ballot`: the participant's own dots, nobody else's. */
export const BallotResponse = z.strictObject({
  round: z.int().min(0),
  phase: z.enum(['closed', 'open', 'revealed']),
  settings: VoteSettings,
  ballot: Ballot,
});
export type BallotResponse = z.infer<typeof BallotResponse>;

/** Why a ballot or a group choice was refused (`error` of a 4xx answer); an i18n key's last part. */
export const FACILITATION_ERRORS = [
  'votingClosed',
  'staleRound',
  'overBudget',
  'overCap',
  'unknownNote',
  'tooManyNotes',
  'unknownGroup',
  'selfSelectOff',
] as const;
export type FacilitationError = (typeof FACILITATION_ERRORS)[number];

/** Answer of `GET /api/workshops/:id/votes` (facilitator): how far the round has got, not who voted what. */
export const VoteProgress = z.strictObject({
  round: z.int().min(0),
  voters: z.int().min(0),
  dots: z.int().min(0),
  /** Participants (browsers) with the board open now, as the server sees their connections. */
  present: z.int().min(0),
});
export type VoteProgress = z.infer<typeof VoteProgress>;

/** Body of `PUT /api/workshops/:id/group`: the group a participant chooses (null: none). */
export const GroupChoice = z.strictObject({ groupId: z.string().min(1).max(40).nullable() });
export type GroupChoice = z.infer<typeof GroupChoice>;

/** Answer of `GET /api/time`: the server's clock, for the shared countdown. */
export const ServerTime = z.strictObject({ now: z.number() });
export type ServerTime = z.infer<typeof ServerTime>;
