import { WorkshopId, type Role } from '@samskapa/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret } from '../security/secrets';
import type { BallotStore, WorkshopRow, WorkshopStore } from '../store/types';
import { LINKS_ONLY, roleFor, type Access } from '../security/access';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the request may claim beyond its token; set for every request when the app starts. */
    access: Access;
  }
}

/** The request of a route under `/api/workshops/:id`. */
export type WorkshopRequest = FastifyRequest<{ Params: { id: string } }>;

/** The token of an `Authorization: Bearer …` header, or an empty string. */
export function bearer(req: FastifyRequest): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}

/** Why a guard refused: the status and the `error` every route answers for it. */
const REFUSALS = {
  404: 'not_found',
  401: 'unauthorized',
  403: 'forbidden',
} as const;

/** Answer a refused request with the body every route uses: `error` for programs, `message` for people. */
function refuse(reply: FastifyReply, status: keyof typeof REFUSALS, message: string) {
  return reply.code(status).send({ error: REFUSALS[status], message });
}

const NO_WORKSHOP = 'No workshop has this id; check the link.';

/** The workshop `:id` names, or undefined for an id that is not one (without asking the store). */
async function workshopOf(store: Pick<WorkshopStore, 'get'>, req: WorkshopRequest) {
  return WorkshopId.safeParse(req.params.id).success ? store.get(req.params.id) : undefined;
}

/**
 * The workshop `:id` names and the role the request's bearer token holds in it, when that role is one of
 * `allowed`; otherwise 404 (no such workshop), 401 (no token of it) or 403 (another role) is sent.
 */
export async function requireRole(
  store: Pick<WorkshopStore, 'get'>,
  req: WorkshopRequest,
  reply: FastifyReply,
  allowed: readonly Role[],
): Promise<{ workshop: WorkshopRow; role: Role } | undefined> {
  const workshop = await workshopOf(store, req);
  if (!workshop) {
    void refuse(reply, 404, NO_WORKSHOP);
    return undefined;
  }
  const role = await roleFor(workshop, bearer(req), req.access ?? LINKS_ONLY);
  if (!role) {
    void refuse(reply, 401, 'Send a link of this workshop as a Bearer token; open the link you were given.');
    return undefined;
  }
  if (!allowed.includes(role)) {
    void refuse(reply, 403, `Only the ${allowed.join(' or ')} link may do this.`);
    return undefined;
  }
  return { workshop, role };
}

/**
 * The workshop `:id` names and the participant whose voter credential (from `POST …/participants`) is
 * the request's bearer token; otherwise 404 or 401 is sent, as `requireRole` does.
 */
export async function requireVoter(
  store: Pick<WorkshopStore, 'get'> & Pick<BallotStore, 'participantBySecretHash'>,
  req: WorkshopRequest,
  reply: FastifyReply,
): Promise<{ workshop: WorkshopRow; participantId: string } | undefined> {
  const workshop = await workshopOf(store, req);
  if (!workshop) {
    void refuse(reply, 404, NO_WORKSHOP);
    return undefined;
  }
  const secret = bearer(req);
  const participantId = secret
    ? await store.participantBySecretHash(workshop.id, hashSecret(secret))
    : undefined;
  if (!participantId) {
    void refuse(reply, 401, 'Send your voter credential (from POST …/participants) as a Bearer token.');
    return undefined;
  }
  return { workshop, participantId };
}
