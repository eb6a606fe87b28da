import {
  CloseCode,
  docName,
  LINK_FRAGMENT_KEY,
  SIGNED_IN_TOKEN,
  type CreateWorkshopResponse,
  type Locale,
} from '@samskapa/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret, newJoinCode, newSecret, newWorkshopId, participantSecret } from '../security/secrets';
import { sessionOf } from '../signIn/session';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What storing a new workshop needs: the store, the key of participant links and where links point. */
export interface WorkshopCreation {
  store: Store;
  serverKey: Buffer;
  publicUrl: string | undefined;
  retentionDays: number;
  /** Only signed-in facilitators may create (`REQUIRE_SIGN_IN_TO_CREATE`). */
  requireSignInToCreate?: boolean;
  /** Whether facilitator links open anything (`FACILITATOR_LINKS`); when off, creating needs sign-in too. */
  facilitatorLinks?: boolean;
}

/** The open sockets of workshops, as far as deleting one needs them (the sync server is one). */
export interface WorkshopSockets {
  /** Close every socket of a workshop. */
  closeWorkshop(id: string, code: number, reason: string): void;
}

/** What a new workshop starts with: its row's facts and both documents, built before anything is stored. */
export interface NewWorkshop {
  title: string;
  template: string | null;
  locale: Locale;
  /** `Y.encodeStateAsUpdate` of each document. */
  board: Uint8Array;
  control: Uint8Array;
}

/**
 * Store a new workshop (its row with a fresh join code and hashed secrets, then both documents) and
 * answer 201 with its links, or 503 with nothing left behind. Creating, importing and restoring a
 * snapshot as a new workshop all go through here.
 */
export async function createStoredWorkshop(
  opts: WorkshopCreation,
  req: FastifyRequest,
  reply: FastifyReply,
  input: NewWorkshop,
) {
  const user = sessionOf(req)?.user;
  const linksOff = opts.facilitatorLinks === false;
  if (!user && (opts.requireSignInToCreate || linksOff)) {
    return reply.code(401).send({ error: 'sign_in_required', message: 'Sign in to create a workshop.' });
  }
  const now = Date.now();
  const id = newWorkshopId();
  const tokens = {
    facilitator: newSecret(),
    participant: participantSecret(opts.serverKey, id),
    viewer: newSecret(),
  };
  let joinCode = '';
  for (let attempt = 0; attempt < 20 && !joinCode; attempt++) {
    const candidate = newJoinCode();
    const created = await opts.store.create({
      id,
      title: input.title,
      template: input.template,
      locale: input.locale,
      createdAt: now,
      updatedAt: now,
      retainUntil: now + opts.retentionDays * DAY_MS,
      facilitatorHash: hashSecret(tokens.facilitator),
      participantHash: hashSecret(tokens.participant),
      viewerHash: hashSecret(tokens.viewer),
      joinCode: candidate,
      state: 'open',
    });
    if (created) joinCode = candidate;
  }
  if (!joinCode) return reply.code(503).send({ error: 'no_join_code', message: 'Try again.' });
  // Both docs are complete before anyone can open them; if they cannot be stored, neither is the workshop.
  const stored =
    (await opts.store.append(docName(id, 'board'), input.board).catch(() => false)) &&
    (await opts.store.append(docName(id, 'control'), input.control).catch(() => false));
  if (!stored) {
    await opts.store.delete(id).catch(() => undefined);
    return reply
      .code(503)
      .send({ error: 'not_stored', message: 'The board could not be stored. Try again.' });
  }
  // A signed-in creator owns the workshop: it is listed on any device where they sign in.
  if (user && !(await opts.store.setOwner(id, user.id, now))) {
    req.log.warn({ workshopId: id, userId: user.id }, 'the signed-in creator is not a stored user');
  }
  // Without facilitator links the creator facilitates by being signed in; no link is handed out.
  if (linksOff) tokens.facilitator = SIGNED_IN_TOKEN;
  const origin = opts.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.host}`;
  const base = `${origin}/w/${id}`;
  const response: CreateWorkshopResponse = {
    id,
    title: input.title,
    joinCode,
    facilitatorToken: tokens.facilitator,
    participantToken: tokens.participant,
    viewerToken: tokens.viewer,
    facilitatorUrl: `${base}#${LINK_FRAGMENT_KEY.facilitator}=${tokens.facilitator}`,
    participantUrl: `${base}#${LINK_FRAGMENT_KEY.participant}=${tokens.participant}`,
    viewerUrl: `${base}#${LINK_FRAGMENT_KEY.viewer}=${tokens.viewer}`,
    retainUntil: new Date(now + opts.retentionDays * DAY_MS).toISOString(),
  };
  req.log.info({ workshopId: id }, 'workshop created');
  return reply.code(201).send(response);
}

/** Delete a workshop everywhere: its sockets, its live rooms and its stored data. */
export async function purgeWorkshop(opts: { store: Store; rooms: Rooms; sync: WorkshopSockets }, id: string) {
  opts.sync.closeWorkshop(id, CloseCode.notFound, 'workshop deleted');
  await opts.rooms.discardWorkshop(id);
  await opts.store.delete(id);
  opts.rooms.announceDeleted(id);
}
