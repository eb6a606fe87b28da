import {
  ballotProblem,
  BallotRequest,
  compactBallot,
  readControlField,
  readNote,
  storedRecord,
  type Ballot,
  type BallotResponse,
  type VotingState,
} from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import type * as Y from 'yjs';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { requireVoter } from './auth';
import { readDoc } from './readDoc';
import { refuseChange } from './refusals';
import { badRequest } from './replies';

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
 * A participant's ballot in the current round, read and replaced whole. Ballots live in the store only;
 * the control doc (which everyone reads) gets totals per note at the reveal, never who voted.
 */
export function ballotRoutes(app: FastifyInstance, opts: { store: Store; rooms: Rooms }): void {
  const { store, rooms } = opts;

  app.get<{ Params: { id: string } }>('/api/workshops/:id/ballot', async (req, reply) => {
    const voter = await requireVoter(store, req, reply);
    if (!voter) return reply;
    const { workshop, participantId } = voter;
    const voting = await readDoc(rooms, workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    const ballot = voting.round > 0 ? await store.getBallot(workshop.id, participantId, voting.round) : {};
    return reply.header('cache-control', 'no-store').send(ballotResponse(voting, ballot));
  });

  app.put<{ Params: { id: string } }>('/api/workshops/:id/ballot', async (req, reply) => {
    const voter = await requireVoter(store, req, reply);
    if (!voter) return reply;
    const { workshop, participantId } = voter;
    const body = BallotRequest.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const { round } = body.data;
    const ballot = compactBallot(body.data.ballot);

    const voting = await readDoc(rooms, workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    if (voting.phase !== 'open') return refuseChange(reply, 409, 'votingClosed');
    if (round !== voting.round) return refuseChange(reply, 409, 'staleRound');
    const problem = await readDoc(rooms, workshop.id, 'board', (doc) =>
      ballotProblem(ballot, voting.settings, votableNote(doc)),
    );
    if (problem) return refuseChange(reply, 422, problem);
    // Refused when the round was counted after the checks above: an answered ballot is always counted.
    if (!(await store.putBallot(workshop.id, participantId, round, ballot))) {
      return (await store.get(workshop.id))
        ? refuseChange(reply, 409, 'votingClosed')
        : reply.code(404).send({ error: 'not_found' });
    }
    return reply.send(ballotResponse(voting, ballot));
  });
}
