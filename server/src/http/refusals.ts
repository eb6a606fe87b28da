import type { FacilitationError } from '@samskapa/shared';
import type { FastifyReply } from 'fastify';

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
export function refuseChange(reply: FastifyReply, status: number, error: FacilitationError) {
  return reply.code(status).send({ error, message: REFUSAL_MESSAGES[error] });
}

/** A 503: the change was accepted but could not be stored, so nothing changed. */
export function notStored(reply: FastifyReply) {
  return reply.code(503).send({ error: 'not_stored', message: 'The change could not be stored. Try again.' });
}
