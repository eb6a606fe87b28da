import {
  assignToGroup,
  ballotProblem,
  BallotRequest,
  compactBallot,
  docName,
  dotsIn,
  GroupChoice,
  readControl,
  readControlField,
  readNote,
  storedRecord,
  tally,
  WorkshopId,
  writeControlField,
  type Ballot,
  type BallotResponse,
  type FacilitationError,
  type ParticipantCredential,
  type ServerTime,
  type VoteProgress,
  type VoteResults,
  type VotingState,
} from '@samskapa/shared';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as Y from 'yjs';
import { RateLimiter } from '../security/rateLimiter';
import { hashSecret, newSecret } from '../security/secrets';
import type { Store, WorkshopRow } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { roleOf } from '../sync/upgrade';
import { badRequest, bearer } from './workshops';

export interface VoteRoutesOptions {
  store: Store;
  rooms: Rooms;
}

/**
 * Credentials one address may be issued per minute. Generous on purpose: a whole room of participants
 * behind one NAT (a region's or a school's network) joins within the same minute.
 */
const CREDENTIALS_PER_ADDRESS_PER_MINUTE = 600;

type Params = { Params: { id: string } };

/** What each refusal means and what to do next, for API users (the UI says it from `error`, an i18n key). */
const REFUSAL_MESSAGES: Record<FacilitationError, string> = {
  votingClosed: 'Voting is not open. Wait for the facilitator to open a round.',
  staleRound: 'Another voting round has started. Load your ballot again and vote in it.',
  overBudget: 'That is more dots than you have. Take a dot away first.',
  overCap: 'That is more dots than one note may get. Put the dot on another note.',
  unknownNote: 'That note cannot be voted on (it was removed, or it is reference content).',
  tooManyNotes: 'Dots on more notes than you have dots. Take a dot away first.',
  unknownGroup: 'There is no such group. Choose one of the groups shown.',
  selfSelectOff: 'The facilitator assigns the groups. Ask them to move you.',
};

/** A refusal the participant's UI can explain (`error` is an i18n key's last part); nothing was changed. */
function refuse(reply: FastifyReply, status: number, error: FacilitationError) {
  return reply.code(status).send({ error, message: REFUSAL_MESSAGES[error] });
}

function notStored(reply: FastifyReply) {
  return reply.code(503).send({ error: 'not_stored', message: 'The change could not be stored. Try again.' });
}

/** A participant's workshop-scoped id: `p_` and 96 random bits. */
function newParticipantId(): string {
  return `p_${randomBytes(12).toString('base64url')}`;
}

/** Whether an id names a note of the board that can be voted on (on the board, not reference content). */
function votableNote(board: Y.Doc): (noteId: string) => boolean {
  return (noteId) => {
    const note = readNote(storedRecord(board, noteId), null);
    return note !== undefined && !note.reference;
  };
}

function ballotResponse(voting: VotingState, ballot: Ballot | undefined): BallotResponse {
  return { round: voting.round, phase: voting.phase, settings: voting.settings, ballot: ballot ?? {} };
}

/**
 * Dot voting counted by the server, and the group a participant chooses. Ballots live in the store
 * only; the control doc (which everyone reads) gets totals per note at the reveal, never who voted.
 */
export function voteRoutes(app: FastifyInstance, opts: VoteRoutesOptions): void {
  const { store, rooms } = opts;
  const credentials = new RateLimiter(CREDENTIALS_PER_ADDRESS_PER_MINUTE, 60 * 1000);

  const workshopOf = async (id: string): Promise<WorkshopRow | undefined> =>
    WorkshopId.safeParse(id).success ? store.get(id) : undefined;

  /** The participant a request's `Authorization: Bearer <secret>` names, if it names one of this workshop. */
  const participantOf = async (workshopId: string, req: FastifyRequest): Promise<string | undefined> => {
    const secret = bearer(req);
    return secret ? store.participantBySecretHash(workshopId, hashSecret(secret)) : undefined;
  };

  /** Read a document the server keeps loaded meanwhile (a participant need not be connected to it). */
  const reading = async <T>(workshopId: string, kind: 'board' | 'control', read: (doc: Y.Doc) => T) => {
    const { room, release } = await rooms.acquire(docName(workshopId, kind));
    try {
      return read(room.doc);
    } finally {
      release();
    }
  };

  app.post<Params>('/api/workshops/:id/participants', async (req, reply) => {
    const wait = credentials.hit(req.ip);
    if (wait) {
      return reply
        .code(429)
        .header('retry-after', String(wait))
        .send({ error: 'rate_limited', message: `Too many requests; try again in ${wait} s.` });
    }
    const workshop = await workshopOf(req.params.id);
    if (!workshop) return reply.code(404).send({ error: 'not_found' });
    const role = roleOf(workshop, bearer(req));
    if (!role) return reply.code(401).send({ error: 'unauthorized' });
    if (role === 'viewer') return reply.code(403).send({ error: 'forbidden' });
    const credential: ParticipantCredential = { participantId: newParticipantId(), secret: newSecret() };
    if (!(await store.addParticipant(workshop.id, credential.participantId, hashSecret(credential.secret)))) {
      return reply.code(404).send({ error: 'not_found' });
    }
    return reply.code(201).send(credential);
  });

  app.get<Params>('/api/workshops/:id/ballot', async (req, reply) => {
    const workshop = await workshopOf(req.params.id);
    if (!workshop) return reply.code(404).send({ error: 'not_found' });
    const participantId = await participantOf(workshop.id, req);
    if (!participantId) return reply.code(401).send({ error: 'unauthorized' });
    const voting = await reading(workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    const ballot = voting.round > 0 ? await store.getBallot(workshop.id, participantId, voting.round) : {};
    return reply.header('cache-control', 'no-store').send(ballotResponse(voting, ballot));
  });

  app.put<Params>('/api/workshops/:id/ballot', async (req, reply) => {
    const workshop = await workshopOf(req.params.id);
    if (!workshop) return reply.code(404).send({ error: 'not_found' });
    const participantId = await participantOf(workshop.id, req);
    if (!participantId) return reply.code(401).send({ error: 'unauthorized' });
    const body = BallotRequest.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const { round } = body.data;
    const ballot = compactBallot(body.data.ballot);

    const voting = await reading(workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    if (voting.phase !== 'open') return refuse(reply, 409, 'votingClosed');
    if (round !== voting.round) return refuse(reply, 409, 'staleRound');
    const problem = await reading(workshop.id, 'board', (doc) =>
      ballotProblem(ballot, voting.settings, votableNote(doc)),
    );
    if (problem) return refuse(reply, 422, problem);
    // Refused when the round was counted after the checks above: an answered ballot is always counted.
    if (!(await store.putBallot(workshop.id, participantId, round, ballot))) {
      return (await store.get(workshop.id))
        ? refuse(reply, 409, 'votingClosed')
        : reply.code(404).send({ error: 'not_found' });
    }
    return reply.send(ballotResponse(voting, ballot));
  });

  /** The workshop when the request carries its facilitator token, else the status to answer. */
  const asFacilitator = async (req: FastifyRequest<Params>): Promise<WorkshopRow | 401 | 403 | 404> => {
    const workshop = await workshopOf(req.params.id);
    if (!workshop) return 404;
    const role = roleOf(workshop, bearer(req));
    return role === 'facilitator' ? workshop : role ? 403 : 401;
  };
  const NOT_FACILITATOR = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' } as const;

  app.get<Params>('/api/workshops/:id/votes', async (req, reply) => {
    const workshop = await asFacilitator(req);
    if (typeof workshop === 'number') return reply.code(workshop).send({ error: NOT_FACILITATOR[workshop] });
    const voting = await reading(workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    const ballots = voting.round > 0 ? await store.ballots(workshop.id, voting.round) : [];
    const spent = ballots.map(dotsIn);
    const progress: VoteProgress = {
      round: voting.round,
      voters: spent.filter((dots) => dots > 0).length,
      dots: spent.reduce((sum, dots) => sum + dots, 0),
    };
    return reply.header('cache-control', 'no-store').send(progress);
  });

  app.post<Params>('/api/workshops/:id/votes/reveal', async (req, reply) => {
    const workshop = await asFacilitator(req);
    if (typeof workshop === 'number') return reply.code(workshop).send({ error: NOT_FACILITATOR[workshop] });
    const voting = await reading(workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    if (voting.round === 0) return refuse(reply, 409, 'votingClosed');
    // From here on no ballot of the round is stored: the totals are final.
    const ballots = await store.countRound(workshop.id, voting.round);
    const results: VoteResults = {
      round: voting.round,
      totals: tally(ballots),
      voters: ballots.filter((ballot) => dotsIn(ballot) > 0).length,
    };
    const outcome = { stale: false };
    const stored = await rooms.change(docName(workshop.id, 'control'), (doc) => {
      const now = readControlField(doc, 'voting');
      // The facilitator opened another round meanwhile: this count must not close it.
      if (now.round !== voting.round) {
        outcome.stale = true;
        return;
      }
      doc.transact(() => {
        writeControlField(doc, 'results', results);
        if (now.phase !== 'revealed') writeControlField(doc, 'voting', { ...now, phase: 'revealed' });
      });
    });
    if (outcome.stale) return refuse(reply, 409, 'staleRound');
    // The round stays counted; revealing again publishes the same totals.
    if (!stored) return notStored(reply);
    return reply.send(results);
  });

  app.put<Params>('/api/workshops/:id/group', async (req, reply) => {
    const workshop = await workshopOf(req.params.id);
    if (!workshop) return reply.code(404).send({ error: 'not_found' });
    const participantId = await participantOf(workshop.id, req);
    if (!participantId) return reply.code(401).send({ error: 'unauthorized' });
    const body = GroupChoice.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const { groupId } = body.data;
    const outcome: { refused?: { status: number; error: FacilitationError }; unchanged?: boolean } = {};
    // Checked on the copy the change is made on: the choice and the rules it is checked against agree.
    // The choice is among the groups of the step running now (a group id belongs to one step).
    const stored = await rooms.change(docName(workshop.id, 'control'), (doc) => {
      const state = readControl(doc);
      if (!state.groupsSelfSelect) outcome.refused = { status: 403, error: 'selfSelectOff' };
      else if (groupId !== null && !state.groups.some((g) => g.id === groupId)) {
        outcome.refused = { status: 422, error: 'unknownGroup' };
      } else if ((state.members[participantId] ?? null) === groupId) outcome.unchanged = true;
      else assignToGroup(doc, state.currentStepId, participantId, groupId);
    });
    if (outcome.refused) return refuse(reply, outcome.refused.status, outcome.refused.error);
    if (!stored && !outcome.unchanged) return notStored(reply);
    const choice: GroupChoice = { groupId };
    return reply.send(choice);
  });

  app.get('/api/time', async (_req, reply) => {
    const time: ServerTime = { now: Date.now() };
    return reply.header('cache-control', 'no-store').send(time);
  });
}
