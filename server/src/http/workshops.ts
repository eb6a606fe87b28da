import * as Y from 'yjs';
import {
  agendaWithIds,
  BOARD_PAGE_NAMES,
  BUILTIN_TEMPLATES,
  buildTemplateDoc,
  CloseCode,
  CreateWorkshopRequest,
  docName,
  initControlDoc,
  localizeTemplate,
  type Locale as LocaleType,
  type TemplateFile,
  JoinCode,
  Locale,
  LINK_FRAGMENT_KEY,
  WorkshopId,
  type CreateWorkshopResponse,
  type JoinResponse,
  type WorkshopSummary,
} from '@samskapa/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { RateLimiter } from '../security/rateLimiter';
import { hashSecret, newJoinCode, newSecret, newWorkshopId, participantSecret } from '../security/secrets';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { roleOf, type SyncServer } from '../sync/upgrade';

export interface WorkshopRoutesOptions {
  store: Store;
  serverKey: Buffer;
  rooms: Rooms;
  sync: SyncServer;
  publicUrl: string | undefined;
  retentionDays: number;
  joinLookupsPerMinute: number;
  joinMissesPer10Minutes: number;
  createsPerHour: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function tooMany(reply: FastifyReply, retryAfterS: number) {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterS))
    .send({ error: 'rate_limited', message: `Too many requests; try again in ${retryAfterS} s.` });
}

/**
 * A 400 that says which field is wrong, first in `message` ("templateFile.areas.2.code: …"), then every
 * issue in `issues`.
 */
export function badRequest(reply: FastifyReply, issues: readonly z.core.$ZodIssue[]) {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return reply
    .code(400)
    .send({ error: 'invalid_request', message: `${where}${first?.message ?? 'invalid request'}`, issues });
}

/** The template a new workshop's board is built from: the uploaded file, a built-in one, or the empty one. */
function templateFor(body: CreateWorkshopRequest, locale: LocaleType): TemplateFile {
  if (body.templateFile) return body.templateFile;
  const id = body.template ?? 'tom';
  return localizeTemplate(
    BUILTIN_TEMPLATES.find((t) => t.id === id)!,
    locale,
  );
}

/** The token of an `Authorization: Bearer …` header, or an empty string. */
export function bearer(req: FastifyRequest): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}

/** Workshops, capability links and the join code. */
export function workshopRoutes(app: FastifyInstance, opts: WorkshopRoutesOptions): void {
  const creates = new RateLimiter(opts.createsPerHour, 60 * 60 * 1000);
  const lookups = new RateLimiter(opts.joinLookupsPerMinute, 60 * 1000);
  const misses = new RateLimiter(opts.joinMissesPer10Minutes, 10 * 60 * 1000);

  // A template file with many reference notes is larger than the default body limit (its text is
  // limited to MAX_TEMPLATE_CHARACTERS, which JSON escaping of å ä ö can make up to six times as long).
  app.post('/api/workshops', { bodyLimit: 4 * 1024 * 1024 }, async (req, reply) => {
    const wait = creates.hit(req.ip);
    if (wait) return tooMany(reply, wait);
    const body = CreateWorkshopRequest.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const locale = body.data.locale ?? 'sv';
    // Built before the row exists: a board that cannot be built creates nothing.
    const template = templateFor(body.data, locale);
    const board = Y.encodeStateAsUpdate(buildTemplateDoc(template, BOARD_PAGE_NAMES[locale]));
    const controlDoc = new Y.Doc();
    initControlDoc(controlDoc, agendaWithIds(template.agenda));
    const control = Y.encodeStateAsUpdate(controlDoc);
    return createStoredWorkshop(opts, req, reply, {
      title: body.data.title,
      template: body.data.template ?? (body.data.templateFile ? 'file' : null),
      locale,
      board,
      control,
    });
  });

  app.get<{ Params: { code: string } }>('/api/join/:code', async (req, reply) => {
    const blocked = misses.blocked(req.ip) || lookups.hit(req.ip);
    if (blocked) return tooMany(reply, blocked);
    const code = JoinCode.safeParse(req.params.code);
    const workshop = code.success ? await opts.store.findByJoinCode(code.data) : undefined;
    if (!workshop) {
      misses.hit(req.ip);
      return reply.code(404).send({ error: 'unknown_code', message: 'No workshop has this code.' });
    }
    const response: JoinResponse = {
      workshopId: workshop.id,
      participantToken: participantSecret(opts.serverKey, workshop.id),
    };
    return reply.send(response);
  });

  app.get<{ Params: { id: string } }>('/api/workshops/:id', async (req, reply) => {
    const workshop = WorkshopId.safeParse(req.params.id).success
      ? await opts.store.get(req.params.id)
      : undefined;
    if (!workshop) return reply.code(404).send({ error: 'not_found' });
    const role = roleOf(workshop, bearer(req));
    if (!role) return reply.code(401).send({ error: 'unauthorized' });
    const summary: WorkshopSummary = {
      id: workshop.id,
      title: workshop.title,
      role,
      joinCode: workshop.joinCode,
      state: workshop.state,
      locale: Locale.catch('sv').parse(workshop.locale),
      retainUntil: new Date(workshop.retainUntil).toISOString(),
      createdAt: new Date(workshop.createdAt).toISOString(),
      // Those who show the join link get its secret; a participant has it already and gets nothing more.
      ...(role !== 'participant' && { participantToken: participantSecret(opts.serverKey, workshop.id) }),
    };
    return reply.send(summary);
  });

  app.delete<{ Params: { id: string } }>('/api/workshops/:id', async (req, reply) => {
    const workshop = WorkshopId.safeParse(req.params.id).success
      ? await opts.store.get(req.params.id)
      : undefined;
    if (!workshop) return reply.code(404).send({ error: 'not_found' });
    if (roleOf(workshop, bearer(req)) !== 'facilitator') return reply.code(403).send({ error: 'forbidden' });
    await purgeWorkshop(opts, workshop.id);
    req.log.info({ workshopId: workshop.id }, 'workshop deleted');
    return reply.code(204).send();
  });
}

/** What a new workshop starts with: its row's facts and both documents, built before anything is stored. */
export interface NewWorkshop {
  title: string;
  template: string | null;
  locale: LocaleType;
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
  opts: Pick<WorkshopRoutesOptions, 'store' | 'serverKey' | 'publicUrl' | 'retentionDays'>,
  req: FastifyRequest,
  reply: FastifyReply,
  input: NewWorkshop,
) {
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
export async function purgeWorkshop(
  opts: Pick<WorkshopRoutesOptions, 'store' | 'rooms' | 'sync'>,
  id: string,
) {
  opts.sync.closeWorkshop(id, CloseCode.notFound, 'workshop deleted');
  await opts.rooms.discardWorkshop(id);
  await opts.store.delete(id);
  opts.rooms.announceDeleted(id);
}
