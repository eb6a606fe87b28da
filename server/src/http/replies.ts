import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/** A 429 with `retry-after`: the address sent too many requests of this kind. */
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
