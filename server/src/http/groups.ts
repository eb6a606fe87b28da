import { assignToGroup, docName, GroupChoice, readControl, type FacilitationError } from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { requireVoter } from './auth';
import { notStored, refuseChange } from './refusals';
import { badRequest } from './replies';

/** `PUT /api/workshops/:id/group`: the group a participant chooses, when the facilitator lets them. */
export function groupRoutes(app: FastifyInstance, opts: { store: Store; rooms: Rooms }): void {
  const { store, rooms } = opts;

  app.put<{ Params: { id: string } }>('/api/workshops/:id/group', async (req, reply) => {
    const voter = await requireVoter(store, req, reply);
    if (!voter) return reply;
    const { workshop, participantId } = voter;
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
    if (outcome.refused) return refuseChange(reply, outcome.refused.status, outcome.refused.error);
    if (!stored && !outcome.unchanged) return notStored(reply);
    const choice: GroupChoice = { groupId };
    return reply.send(choice);
  });
}
