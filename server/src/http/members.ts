import {
  AcceptInvitationRequest,
  INVITATION_FRAGMENT_KEY,
  InviteByEmailRequest,
  readBoardDoc,
  type AcceptInvitationResponse,
  type AccountWorkshopList,
  type InvitationLinkResponse,
  type MemberList,
} from '@samskapa/shared';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret, newSecret } from '../security/secrets';
import { originOf, sessionOf } from '../signIn/session';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { requireRole, type WorkshopRequest } from './auth';
import { readDoc } from './readDoc';
import { badRequest } from './replies';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface MemberRoutesOptions {
  store: Store;
  rooms: Rooms;
  /** Closes the sockets of a co-facilitator who was removed (the sync server). */
  sync: { closeMember(workshopId: string, userId: string): void };
  publicUrl: string | undefined;
  invitationDays: number;
}

/** The signed-in user of a request; otherwise 401 is sent. */
function requireSignIn(req: FastifyRequest, reply: FastifyReply) {
  const user = sessionOf(req)?.user;
  if (!user) {
    void reply.code(401).send({ error: 'sign_in_required', message: 'Sign in first, then try again.' });
  }
  return user;
}

/** Workshops of signed-in facilitators: listed on any device, shared with co-facilitators. */
export function memberRoutes(app: FastifyInstance, opts: MemberRoutesOptions): void {
  const { store } = opts;

  /** The workshop `:id`, when the request is its facilitator and its signed-in owner; else 4xx is sent. */
  const requireOwner = async (req: WorkshopRequest, reply: FastifyReply) => {
    const allowed = await requireRole(store, req, reply, ['facilitator']);
    if (!allowed) return undefined;
    const user = requireSignIn(req, reply);
    if (!user) return undefined;
    if ((await store.memberRole(allowed.workshop.id, user.id)) !== 'owner') {
      void reply.code(403).send({
        error: 'forbidden',
        message: "Only the workshop's owner adds and removes co-facilitators.",
      });
      return undefined;
    }
    return allowed.workshop;
  };

  const memberList = async (workshopId: string, userId: string | undefined): Promise<MemberList> => {
    const members = await store.members(workshopId);
    return {
      members: members.map((m) => ({
        userId: m.user.id,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
      })),
      invitations: (await store.invitations(workshopId, Date.now())).map((i) => ({
        id: i.id,
        email: i.email,
        expiresAt: new Date(i.expiresAt).toISOString(),
      })),
      youOwn: members.some((m) => m.role === 'owner' && m.user.id === userId),
    };
  };

  app.get('/api/me/workshops', async (req, reply) => {
    const user = requireSignIn(req, reply);
    if (!user) return reply;
    const rows = await store.workshopsOf(user.id);
    const workshops: AccountWorkshopList['workshops'] = [];
    for (const { workshop, role } of rows) {
      const notes = await readDoc(
        opts.rooms,
        workshop.id,
        'board',
        (doc) => readBoardDoc(doc).notes.filter((n) => !n.reference).length,
      );
      workshops.push({
        id: workshop.id,
        title: workshop.title,
        role,
        createdAt: new Date(workshop.createdAt).toISOString(),
        retainUntil: new Date(workshop.retainUntil).toISOString(),
        notes,
      });
    }
    const response: AccountWorkshopList = { workshops };
    return reply.header('cache-control', 'no-store').send(response);
  });

  app.get<{ Params: { id: string } }>('/api/workshops/:id/members', async (req, reply) => {
    const allowed = await requireRole(store, req, reply, ['facilitator']);
    if (!allowed) return reply;
    return reply.send(await memberList(allowed.workshop.id, sessionOf(req)?.user.id));
  });

  // A workshop created without signing in has no owner: its facilitator, signed in, may become it (and
  // so list it on every device and add co-facilitators).
  app.post<{ Params: { id: string } }>('/api/workshops/:id/owner', async (req, reply) => {
    const allowed = await requireRole(store, req, reply, ['facilitator']);
    if (!allowed) return reply;
    const user = requireSignIn(req, reply);
    if (!user) return reply;
    if (!(await store.claimOwnership(allowed.workshop.id, user.id, Date.now()))) {
      return reply.code(409).send({
        error: 'has_owner',
        message: 'This workshop already has an owner; ask them to add you as a co-facilitator.',
      });
    }
    req.log.info({ workshopId: allowed.workshop.id, userId: user.id }, 'workshop claimed by its facilitator');
    return reply.send(await memberList(allowed.workshop.id, user.id));
  });

  app.post<{ Params: { id: string } }>('/api/workshops/:id/members', async (req, reply) => {
    const workshop = await requireOwner(req, reply);
    if (!workshop) return reply;
    const body = InviteByEmailRequest.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const email = body.data.email.trim().toLowerCase();
    const now = Date.now();
    // Someone who has signed in with this address is a co-facilitator at once; anyone else when they
    // first sign in with it (the provider vouches for the address).
    const users = await store.usersByEmail(email);
    for (const user of users) await store.addCoFacilitator(workshop.id, user.id, now);
    if (users.length === 0) {
      await store.addInvitation({
        id: randomBytes(16).toString('base64url'),
        workshopId: workshop.id,
        email,
        tokenHash: null,
        createdAt: now,
        expiresAt: now + opts.invitationDays * DAY_MS,
      });
    }
    req.log.info({ workshopId: workshop.id, added: users.length }, 'co-facilitator invited by e-mail');
    return reply.code(201).send(await memberList(workshop.id, sessionOf(req)?.user.id));
  });

  app.post<{ Params: { id: string } }>('/api/workshops/:id/invitations', async (req, reply) => {
    const workshop = await requireOwner(req, reply);
    if (!workshop) return reply;
    const secret = newSecret();
    const now = Date.now();
    const id = randomBytes(16).toString('base64url');
    const expiresAt = now + opts.invitationDays * DAY_MS;
    await store.addInvitation({
      id,
      workshopId: workshop.id,
      email: null,
      tokenHash: hashSecret(secret),
      createdAt: now,
      expiresAt,
    });
    const response: InvitationLinkResponse = {
      id,
      // In the fragment, like the capability links: never sent in a request or a referrer.
      url: `${originOf(req, opts.publicUrl)}/#${INVITATION_FRAGMENT_KEY}=${secret}`,
      expiresAt: new Date(expiresAt).toISOString(),
    };
    return reply.code(201).send(response);
  });

  app.delete<{ Params: { id: string; invitationId: string } }>(
    '/api/workshops/:id/invitations/:invitationId',
    async (req, reply) => {
      const workshop = await requireOwner(req, reply);
      if (!workshop) return reply;
      if (!(await store.removeInvitation(workshop.id, req.params.invitationId))) {
        return reply.code(404).send({ error: 'not_found', message: 'No such invitation; reload the list.' });
      }
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { id: string; userId: string } }>(
    '/api/workshops/:id/members/:userId',
    async (req, reply) => {
      const workshop = await requireOwner(req, reply);
      if (!workshop) return reply;
      if (!(await store.removeCoFacilitator(workshop.id, req.params.userId))) {
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'Not a co-facilitator; reload the list.' });
      }
      // Their open board and control sockets go now, not at their next reconnect.
      opts.sync.closeMember(workshop.id, req.params.userId);
      req.log.info({ workshopId: workshop.id, userId: req.params.userId }, 'co-facilitator removed');
      return reply.code(204).send();
    },
  );

  app.post('/api/invitations/accept', async (req, reply) => {
    const user = requireSignIn(req, reply);
    if (!user) return reply;
    const body = AcceptInvitationRequest.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const workshopId = await store.acceptInvitation(hashSecret(body.data.token), user.id, Date.now());
    const workshop = workshopId ? await store.get(workshopId) : undefined;
    if (!workshop) {
      return reply.code(404).send({
        error: 'invitation_unknown',
        message: 'This invitation has been used, has expired or was withdrawn. Ask for a new one.',
      });
    }
    req.log.info({ workshopId: workshop.id, userId: user.id }, 'co-facilitator invitation taken up');
    const response: AcceptInvitationResponse = { workshopId: workshop.id, title: workshop.title };
    return reply.send(response);
  });
}
