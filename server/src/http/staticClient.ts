import type { FastifyInstance } from 'fastify';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

const API_PREFIXES = ['/api/', '/sync/', '/schema/'];

/** Serve the built client: files as they are, every other page path as `index.html` (client routing). */
export function staticClient(app: FastifyInstance, root: string): void {
  const index = join(root, 'index.html');
  app.setNotFoundHandler((req, reply) => {
    const path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reply.code(404).send({ error: 'not_found' });
    }
    if (API_PREFIXES.some((p) => path.startsWith(p)) || !existsSync(index)) {
      return reply.code(404).send({ error: 'not_found' });
    }
    const file = normalize(join(root, path));
    const inside = file.startsWith(root + sep);
    if (inside && existsSync(file) && statSync(file).isFile()) {
      const hashed = path.startsWith('/assets/');
      return reply
        .type(TYPES[extname(file)] ?? 'application/octet-stream')
        .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(createReadStream(file));
    }
    return reply.type(TYPES['.html']!).header('cache-control', 'no-cache').send(createReadStream(index));
  });
}
