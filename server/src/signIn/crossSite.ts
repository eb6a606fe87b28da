import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { carriesSignInCookie, originOf } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request was sent by a page of this server's own origin, as the browser says: the
 * `Sec-Fetch-Site` header where the browser sends one, else `Origin`. A request with neither (no browser
 * sends that with a state-changing request) is not taken to be from here.
 */
export function fromOwnOrigin(req: IncomingMessage, expectedOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  return req.headers.origin === expectedOrigin;
}

/**
 * Whether a WebSocket upgrade comes from a page of this server (browsers always send `Origin` with one):
 * `PUBLIC_URL`'s origin, else the same host the request was sent to.
 */
export function upgradeFromOwnOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (publicUrl) return origin === new URL(publicUrl).origin;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Refuse (403 `cross_site`) every state-changing request that carries a sign-in cookie and was not sent
 * by a page of this origin. SameSite=Lax keeps the cookie from most cross-site requests, but not from a
 * top-level form POST of a sibling site (same registrable domain) or from browsers without SameSite;
 * this check does not depend on the cookie's attributes at all.
 */
export function refuseCrossSite(app: FastifyInstance, publicUrl: string | undefined): void {
  app.addHook('onRequest', async (req, reply) => {
    if (SAFE_METHODS.has(req.method) || !carriesSignInCookie(req.headers.cookie)) return;
    if (fromOwnOrigin(req.raw, originOf(req, publicUrl))) return;
    return reply.code(403).send({
      error: 'cross_site',
      message: 'This request came from another site and was refused. Use Samskapa itself to do this.',
    });
  });
}
