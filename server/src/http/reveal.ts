import {
  docName,
  dotsIn,
  readControlField,
  tally,
  writeControlField,
  type VoteProgress,
  type VoteResults,
} from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types';
import type { ParticipantSessions } from '../sync/participantSessions';
import type { Rooms } from '../sync/rooms';
import { requireRole } from './auth';
import { readDoc } from './readDoc';
import { notStored, refuseChange } from './refusals';

/**
 * The facilitator's view of a round: how many have voted against how many are here while it runs, and
 * the count that closes it. Only ballots of credentials bound to a participant's connection count.
 * The control doc gets totals per note at the reveal, never who voted.
 */
export function revealRoutes(
  app: FastifyInstance,
  opts: { store: Store; rooms: Rooms; sessions: Pick<ParticipantSessions, 'present'> },
): void {
  const { store, rooms, sessions } = opts;

  app.get<{ Params: { id: string } }>('/api/workshops/:id/votes', async (req, reply) => {
    const allowed = await requireRole(store, req, reply, ['facilitator']);
    if (!allowed) return reply;
    const { workshop } = allowed;
    const voting = await readDoc(rooms, workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    const [ballots, present] = await Promise.all([
      voting.round > 0 ? store.ballots(workshop.id, voting.round) : [],
      sessions.present(workshop.id),
    ]);
    const spent = ballots.map(dotsIn);
    const progress: VoteProgress = {
      round: voting.round,
      voters: spent.filter((dots) => dots > 0).length,
      dots: spent.reduce((sum, dots) => sum + dots, 0),
      present,
    };
    return reply.header('cache-control', 'no-store').send(progress);
  });

  app.post<{ Params: { id: string } }>('/api/workshops/:id/votes/reveal', async (req, reply) => {
    const allowed = await requireRole(store, req, reply, ['facilitator']);
    if (!allowed) return reply;
    const { workshop } = allowed;
    const voting = await readDoc(rooms, workshop.id, 'control', (doc) => readControlField(doc, 'voting'));
    if (voting.round === 0) return refuseChange(reply, 409, 'votingClosed');
    // From here on no ballot of the round is stored: the totals are final.
    const [ballots, present] = await Promise.all([
      store.countRound(workshop.id, voting.round),
      sessions.present(workshop.id),
    ]);
    let results: VoteResults = {
      round: voting.round,
      totals: tally(ballots),
      voters: ballots.filter((ballot) => dotsIn(ballot) > 0).length,
      present,
    };
    const outcome = { stale: false };
    const stored = await rooms.change(docName(workshop.id, 'control'), (doc) => {
      const now = readControlField(doc, 'voting');
      // The facilitator opened another round meanwhile: this count must not close it.
      if (now.round !== voting.round) {
        outcome.stale = true;
        return;
      }
      // Revealed again: who was here is who was here when it was first shown.
      const shown = readControlField(doc, 'results');
      if (shown?.round === voting.round && shown.present !== undefined) {
        results = { ...results, present: shown.present };
      }
      doc.transact(() => {
        writeControlField(doc, 'results', results);
        if (now.phase !== 'revealed') writeControlField(doc, 'voting', { ...now, phase: 'revealed' });
      });
    });
    if (outcome.stale) return refuseChange(reply, 409, 'staleRound');
    // The round stays counted; revealing again publishes the same totals.
    if (!stored) return notStored(reply);
    return reply.send(results);
  });
}
