import type { ServerTime } from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';

/** `GET /api/time`: the server's clock, which timers count down against. */
export function timeRoutes(app: FastifyInstance): void {
  app.get('/api/time', async (_req, reply) => {
    const time: ServerTime = { now: Date.now() };
    return reply.header('cache-control', 'no-store').send(time);
  });
}
