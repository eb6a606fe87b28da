import type { ParticipantCredential } from '@samskapa/shared';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { RateLimiter } from '../security/rateLimiter';
import { hashSecret, newSecret } from '../security/secrets';
import type { Store } from '../store/types';
import { requireRole } from './auth';
import { tooMany } from './replies';

/**
 * Credentials one address may be issued per minute. Generous on purpose: a whole room of participants
 * behind one NAT (a region's or a school's network) joins within the same minute.
 */
const CREDENTIALS_PER_ADDRESS_PER_MINUTE = 600;

/** A participant's workshop-scoped id: `p_` and 96 random bits. */
function newParticipantId(): string {
  return `p_${randomBytes(12).toString('base64url')}`;
}

/** `POST /api/workshops/:id/participants`: a voter credential for a holder of a writing link. */
export function credentialRoutes(app: FastifyInstance, opts: { store: Store }): void {
  const { store } = opts;
  const credentials = new RateLimiter(CREDENTIALS_PER_ADDRESS_PER_MINUTE, 60 * 1000);

  app.post<{ Params: { id: string } }>('/api/workshops/:id/participants', async (req, reply) => {
    const wait = credentials.hit(req.ip);
    if (wait) return tooMany(reply, wait);
    const allowed = await requireRole(store, req, reply, ['facilitator', 'participant']);
    if (!allowed) return reply;
    const { workshop } = allowed;
    const credential: ParticipantCredential = { participantId: newParticipantId(), secret: newSecret() };
    if (!(await store.addParticipant(workshop.id, credential.participantId, hashSecret(credential.secret)))) {
      return reply.code(404).send({ error: 'not_found' });
    }
    return reply.code(201).send(credential);
  });
}
