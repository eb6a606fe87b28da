import { BOARD_PAGE_NAMES, docsFromExport, ImportableExport } from '@samskapa/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { RateLimiter } from '../security/rateLimiter';
import type { Store } from '../store/types';
import { badRequest, tooMany } from './replies';
import { createStoredWorkshop } from './storedWorkshop';

export interface ImportRoutesOptions {
  store: Store;
  serverKey: Buffer;
  publicUrl: string | undefined;
  retentionDays: number;
  /** Workshops one address may create per hour, by import as by `POST /api/workshops`. */
  createsPerHour: number;
  /** The largest board a room accepts: an import that builds a larger one is refused. */
  maxDocBytes: number;
}

/**
 * The largest export accepted. Generous: 10,000 notes of 2,000 characters, JSON-escaped, are more, but
 * a real workshop's export is a few hundred KiB.
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** What the body parser refuses, said so that the person who sent the file knows what to do. */
function parserErrorHandler(error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.code(413).send({
      error: 'too_large',
      message: `The export is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; nothing was created.`,
    });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.code(415).send({
      error: 'unsupported_media_type',
      message: 'Send the export as JSON (content-type: application/json); nothing was created.',
    });
  }
  if (error.statusCode === 400) {
    return reply.code(400).send({
      error: 'invalid_request',
      message: `The body is not a JSON workshop export (${error.message}); nothing was created.`,
    });
  }
  return reply.send(error);
}

/** `POST /api/workshops/import`: a new workshop from a `WorkshopExport` (a JSON export of another one). */
export function importRoutes(app: FastifyInstance, opts: ImportRoutesOptions): void {
  const creates = new RateLimiter(opts.createsPerHour, 60 * 60 * 1000);
  app.post(
    '/api/workshops/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      errorHandler: parserErrorHandler,
      // Counted before the body is read: a refused address costs no parsing.
      onRequest: async (req, reply) => {
        const wait = creates.hit(req.ip);
        if (wait) return tooMany(reply, wait);
      },
    },
    async (req, reply) => {
      const parsed = ImportableExport.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error.issues);
      const data = parsed.data;
      const locale = data.workshop.locale;
      const docs = docsFromExport(data, BOARD_PAGE_NAMES[locale]);
      const board = Y.encodeStateAsUpdate(docs.board);
      const control = Y.encodeStateAsUpdate(docs.control);
      docs.board.destroy();
      docs.control.destroy();
      if (Math.max(board.byteLength, control.byteLength) > opts.maxDocBytes) {
        return reply.code(413).send({
          error: 'too_large',
          message: `The board would be larger than the server allows (${opts.maxDocBytes} bytes); nothing was created.`,
        });
      }
      return createStoredWorkshop(opts, req, reply, {
        title: data.workshop.title,
        template: data.workshop.template,
        locale,
        board,
        control,
      });
    },
  );
}
