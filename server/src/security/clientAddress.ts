import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from. Behind `trustedHops` reverse proxies it is the entry that many
 * places from the right in X-Forwarded-For (what the nearest trusted proxy saw), as Fastify's
 * `trustProxy: <hops>` computes it for HTTP routes; with 0 hops the header is ignored, since anyone
 * can send it.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedHops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedHops] ?? forwarded[0] ?? socketAddress;
}
