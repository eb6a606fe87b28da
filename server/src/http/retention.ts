import { RetentionRequest } from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types';
import { requireRole } from './auth';
import { badRequest } from './replies';

export interface RetentionRoutesOptions {
  store: Store;
  /** The latest deletion date a facilitator may choose, in days from now. */
  maxRetentionDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The facilitator moves the deletion date: `PATCH /api/workshops/:id` `{ retainUntil }`. A time in the
 * past is refused (deleting now is `DELETE`); a calendar date means the start of that day in UTC, so
 * "tomorrow" is the earliest date accepted.
 */
export function retentionRoutes(app: FastifyInstance, opts: RetentionRoutesOptions): void {
  app.patch<{ Params: { id: string } }>('/api/workshops/:id', async (req, reply) => {
    const allowed = await requireRole(opts.store, req, reply, ['facilitator']);
    if (!allowed) return reply;
    const { workshop } = allowed;
    const body = RetentionRequest.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const retainUntil = Date.parse(body.data.retainUntil);
    const now = Date.now();
    const latest = now + opts.maxRetentionDays * DAY_MS;
    if (!(retainUntil > now && retainUntil <= latest)) {
      const last = new Date(latest).toISOString();
      const message = `must be a date from tomorrow up to ${opts.maxRetentionDays} days ahead (${last.slice(0, 10)})`;
      // `latest` lets the UI say which day is the last one allowed, in its own words.
      return reply.code(400).send({
        error: 'invalid_request',
        message: `retainUntil: ${message}`,
        issues: [{ code: 'custom', path: ['retainUntil'], message }],
        latest: last,
      });
    }
    if (!(await opts.store.setRetention(workshop.id, retainUntil))) {
      return reply.code(404).send({ error: 'not_found' });
    }
    req.log.info({ workshopId: workshop.id }, 'retention date changed');
    const response: RetentionRequest = { retainUntil: new Date(retainUntil).toISOString() };
    return reply.send(response);
  });
}
