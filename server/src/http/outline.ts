import { areaCounts, readBoardDoc, ROLES, type WorkshopOutline } from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';
import { requireRole } from './auth';
import { readDoc } from './readDoc';

export interface OutlineRoutesOptions {
  store: Store;
  rooms: Rooms;
}

/**
 * `GET /api/workshops/:id/outline`: the title and the areas open for notes with their counts, for a phone that takes notes
 * before its board has synced (it needs the areas to let the participant choose one). Reference areas are
 * left out: nobody writes into them. Nothing here is more than the board already shows any role.
 */
export function outlineRoutes(app: FastifyInstance, opts: OutlineRoutesOptions): void {
  app.get<{ Params: { id: string } }>('/api/workshops/:id/outline', async (req, reply) => {
    const allowed = await requireRole(opts.store, req, reply, ROLES);
    if (!allowed) return reply;
    const { workshop } = allowed;
    const board = await readDoc(opts.rooms, workshop.id, 'board', readBoardDoc);
    const counts = areaCounts(board);
    const none = { notes: 0, reference: 0 };
    const outline: WorkshopOutline = {
      title: workshop.title,
      areas: board.areas
        .filter((area) => area.kind !== 'reference')
        .map(({ id, code, title, description }) => ({
          id,
          code,
          title,
          description,
          ...(counts.get(id) ?? none),
        })),
      unplaced: counts.get(null) ?? none,
    };
    return reply.header('cache-control', 'no-store').send(outline);
  });
}
