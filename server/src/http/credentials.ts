import { SESSION_HEADER, SessionKey, type ParticipantCredential } from '@samskapa/shared';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { RateLimiter } from '../security/rateLimiter';
import { hashSecret, newSecret } from '../security/secrets';
import type { Store } from '../store/types';
import type { ParticipantSessions } from '../sync/participantSessions';
import { requireRole } from './auth';
import { badRequest, tooMany } from './replies';

/**
 * Credentials one address may be issued per minute. Generous on purpose: a whole room of participants
 * behind one NAT (a region's or a school's network) joins within the same minute.
 */
const CREDENTIALS_PER_ADDRESS_PER_MINUTE = 600;

/** Why a credential was not issued: the `error` a program reads, the `message` a person does. */
const REFUSALS = {
  not_connected:
    'No participant has the board of this workshop open with this session key. Open the board ' +
    `(/sync/<id>/board?token=<participant token>&session=<key>), then ask again with ${SESSION_HEADER}: <key>.`,
  session_taken:
    'This session already holds a voter credential; keep using it. A browser that lost it starts a new ' +
    'session (a new key, the board opened again with it).',
} as const;

function refuse(reply: FastifyReply, error: keyof typeof REFUSALS) {
  return reply.code(409).send({ error, message: REFUSALS[error] });
}

/** A participant's workshop-scoped id: `p_` and 96 random bits. */
function newParticipantId(): string {
  return `p_${randomBytes(12).toString('base64url')}`;
}

/**
 * `POST /api/workshops/:id/participants`: a voter credential for a holder of a writing link, bound to
 * the session named by the `x-samskapa-session` header: a participant's board socket must be open with
 * that key (on any process), and a session is issued one credential, ever. Only bound credentials count.
 */
export function credentialRoutes(
  app: FastifyInstance,
  opts: { store: Store; sessions: Pick<ParticipantSessions, 'isLive'> },
): void {
  const { store, sessions } = opts;
  const credentials = new RateLimiter(CREDENTIALS_PER_ADDRESS_PER_MINUTE, 60 * 1000);

  app.post<{ Params: { id: string } }>('/api/workshops/:id/participants', async (req, reply) => {
    const wait = credentials.hit(req.ip);
    if (wait) return tooMany(reply, wait);
    const allowed = await requireRole(store, req, reply, ['facilitator', 'participant']);
    if (!allowed) return reply;
    const { workshop } = allowed;
    const session = SessionKey.safeParse(req.headers[SESSION_HEADER]);
    if (!session.success) {
      return badRequest(
        reply,
        session.error.issues.map((issue) => ({ ...issue, path: [SESSION_HEADER, ...issue.path] })),
      );
    }
    if (!(await sessions.isLive(workshop.id, session.data))) return refuse(reply, 'not_connected');
    const credential: ParticipantCredential = { participantId: newParticipantId(), secret: newSecret() };
    const added = await store.addParticipant(
      workshop.id,
      credential.participantId,
      hashSecret(credential.secret),
      hashSecret(session.data),
    );
    if (added === 'noWorkshop') {
      return reply
        .code(404)
        .send({ error: 'not_found', message: 'No workshop has this id; check the link.' });
    }
    if (added === 'sessionTaken') return refuse(reply, 'session_taken');
    return reply.code(201).send(credential);
  });
}
