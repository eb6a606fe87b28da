import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { RateLimiter } from '../security/rateLimiter';
import type { AssetStore, WorkshopStore } from '../store/types';
import { requireRole } from './auth';

/** The settings the asset routes read: the size limit and the upload rate per address and minute. */
export type AssetConfig = Pick<Config, 'MAX_ASSET_BYTES' | 'ASSET_UPLOADS_PER_MINUTE'>;

/**
 * The image types a board accepts, each with the bytes every such file starts with. SVG is not among
 * them: it can carry script.
 */
const IMAGE_SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ['GIF87a', 'GIF89a'].includes(b.toString('latin1', 0, 6)),
  'image/webp': (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
};
export const ASSET_TYPES = Object.keys(IMAGE_SIGNATURES);

/** An asset id: 256 random bits, url-safe. Knowing it is what lets someone read the image. */
const ASSET_ID = /^[A-Za-z0-9_-]{43}$/;

/** The content type a request declares, without parameters, in lower case. */
function declaredType(req: FastifyRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function refuse(reply: FastifyReply, status: number, error: string, message: string, extra = {}) {
  return reply.code(status).send({ error, message, ...extra });
}

/**
 * `POST /api/workshops/:id/assets` stores an image for the members of a workshop who may write its board;
 * `GET /api/assets/:id` serves it to anyone holding the id, which only the board doc carries.
 */
export function assetRoutes(
  app: FastifyInstance,
  store: AssetStore & WorkshopStore,
  config: AssetConfig,
): void {
  const maxBytes = config.MAX_ASSET_BYTES;
  const uploads = new RateLimiter(config.ASSET_UPLOADS_PER_MINUTE, 60 * 1000);
  const tooLarge = (reply: FastifyReply) =>
    refuse(
      reply,
      413,
      'too_large',
      `The image is larger than ${maxBytes} bytes; make it smaller and try again.`,
      { maxBytes: maxBytes },
    );

  // Encapsulated, so the raw-body parser applies to these routes only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(ASSET_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return tooLarge(reply);
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
      if (status === 500) reply.log.error({ err }, 'storing an asset failed');
      return refuse(
        reply,
        status,
        'upload_failed',
        status === 500 ? 'The image could not be stored.' : err.message,
      );
    });

    scope.post<{ Params: { id: string } }>(
      '/api/workshops/:id/assets',
      {
        bodyLimit: maxBytes,
        // Everything that can be decided from the headers is decided before the body is read.
        onRequest: async (req, reply) => {
          const wait = uploads.hit(req.ip);
          if (wait) {
            reply.header('retry-after', String(wait));
            return refuse(reply, 429, 'rate_limited', `Too many uploads; try again in ${wait} s.`);
          }
          if (!(await requireRole(store, req, reply, ['facilitator', 'participant']))) return reply;
          if (!ASSET_TYPES.includes(declaredType(req))) {
            return refuse(reply, 415, 'unsupported_type', `Send one of ${ASSET_TYPES.join(', ')}.`);
          }
          if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge(reply);
        },
      },
      async (req, reply) => {
        const bytes = req.body;
        const mime = declaredType(req);
        if (!Buffer.isBuffer(bytes) || !IMAGE_SIGNATURES[mime]!(bytes)) {
          return refuse(reply, 415, 'not_an_image', `The bytes sent are not a ${mime} image.`);
        }
        const id = randomBytes(32).toString('base64url');
        const stored = await store.putAsset({
          id,
          workshopId: req.params.id,
          mime,
          bytes,
          createdAt: Date.now(),
        });
        if (!stored) return refuse(reply, 404, 'not_found', 'The workshop was deleted.');
        req.log.info({ workshopId: req.params.id, bytes: bytes.length, mime }, 'asset stored');
        return reply.code(201).send({ id, url: `/api/assets/${id}` });
      },
    );

    scope.get<{ Params: { id: string } }>('/api/assets/:id', async (req, reply) => {
      const asset = ASSET_ID.test(req.params.id) ? await store.getAsset(req.params.id) : undefined;
      if (!asset)
        return refuse(reply, 404, 'not_found', 'No such image; its workshop may have been deleted.');
      return reply
        .header('content-type', asset.mime)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(asset.bytes);
    });
  });
}
