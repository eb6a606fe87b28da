import * as Y from 'yjs';
import {
  agendaWithIds,
  BOARD_PAGE_NAMES,
  BUILTIN_TEMPLATES,
  buildTemplateDoc,
  CreateWorkshopRequest,
  initControlDoc,
  localizeTemplate,
  type Locale as LocaleType,
  type TemplateFile,
  JoinCode,
  Locale,
  ROLES,
  type JoinResponse,
  type WorkshopSummary,
} from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import { RateLimiter } from '../security/rateLimiter';
import { participantSecret } from '../security/secrets';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { requireRole } from './auth';
import { badRequest, tooMany } from './replies';
import {
  createStoredWorkshop,
  purgeWorkshop,
  type WorkshopCreation,
  type WorkshopSockets,
} from './storedWorkshop';

export interface WorkshopRoutesOptions extends WorkshopCreation {
  store: Store;
  rooms: Rooms;
  sync: WorkshopSockets;
  joinLookupsPerMinute: number;
  joinMissesPer10Minutes: number;
  createsPerHour: number;
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
    const allowed = await requireRole(opts.store, req, reply, ROLES);
    if (!allowed) return reply;
    const { workshop, role } = allowed;
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
    const allowed = await requireRole(opts.store, req, reply, ['facilitator']);
    if (!allowed) return reply;
    const { workshop } = allowed;
    await purgeWorkshop(opts, workshop.id);
    req.log.info({ workshopId: workshop.id }, 'workshop deleted');
    return reply.code(204).send();
  });
}
