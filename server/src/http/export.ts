import {
  docName,
  ExportQuery,
  WORKSHOP_EXPORT_SCHEMA_PATH,
  workshopExport,
  workshopExportJsonSchema,
} from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import { contentDisposition, factsOf, renderExport, UnknownAreaError } from '../export/render';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { requireRole } from './auth';
import { badRequest } from './replies';

export interface ExportRoutesOptions {
  store: Store;
  rooms: Rooms;
  /** The server's `TIME_ZONE`: exports show times in it. */
  timeZone: string;
}

/**
 * The structured exports (JSON, XLSX, CSV, Markdown minutes) and the server-drawn poster (SVG, PNG) of a
 * workshop, for its facilitators; and the published JSON Schema of the JSON export.
 */
export function exportRoutes(app: FastifyInstance, opts: ExportRoutesOptions): void {
  const { store, rooms, timeZone } = opts;
  let schema: string | undefined;

  app.get(WORKSHOP_EXPORT_SCHEMA_PATH, async (_req, reply) => {
    schema ??= `${JSON.stringify(workshopExportJsonSchema(), null, 2)}\n`;
    return reply
      .header('content-type', 'application/schema+json; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(schema);
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/api/workshops/:id/export',
    async (req, reply) => {
      const allowed = await requireRole(store, req, reply, ['facilitator']);
      if (!allowed) return reply;
      const { workshop } = allowed;
      const query = ExportQuery.safeParse(req.query);
      if (!query.success) return badRequest(reply, query.error.issues);

      const board = await rooms.acquire(docName(workshop.id, 'board'));
      let data;
      try {
        const control = await rooms.acquire(docName(workshop.id, 'control'));
        try {
          data = workshopExport(board.room.doc, control.room.doc, factsOf(workshop, timeZone), Date.now());
        } finally {
          control.release();
        }
      } finally {
        board.release();
      }
      try {
        const out = await renderExport(data, query.data.format, query.data.area);
        return reply
          .header('content-type', out.contentType)
          .header('content-disposition', contentDisposition(out.fileName))
          .header('cache-control', 'no-store')
          .send(out.body);
      } catch (err) {
        if (err instanceof UnknownAreaError) {
          return reply.code(404).send({ error: 'unknown_area', message: err.message });
        }
        throw err;
      }
    },
  );
}
