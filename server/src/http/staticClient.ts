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

/** Copies the client build writes beside its text files, best first, by `Content-Encoding`. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Content codings the browser accepts (`Accept-Encoding`), without those it refuses with `q=0`. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const refused = params.some((p) => /^q=0(\.0*)?$/.test(p));
    if (coding && !refused) accepted.add(coding);
  }
  return accepted;
}

/**
 * What `/sw.js` is when the deployer turned the service worker off (`SERVICE_WORKER=off`): a worker that
 * takes over from the app's, deletes what it kept and handles no request, so every request goes to the
 * server as without a worker. (It stays registered: the page registers `/sw.js` at every load, and an
 * unregistered worker would be registered again and again.)
 */
export const SERVICE_WORKER_OFF = `// Samskapa's service worker is turned off on this server (SERVICE_WORKER=off).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('samskapa-app-')).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});
`;

/** Serve the built client: files as they are, every other page path as `index.html` (client routing). */
export function staticClient(
  app: FastifyInstance,
  root: string,
  options: { serviceWorker: boolean } = { serviceWorker: true },
): void {
  const index = join(root, 'index.html');
  app.setNotFoundHandler((req, reply) => {
    const path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reply.code(404).send({ error: 'not_found' });
    }
    if (API_PREFIXES.some((p) => path.startsWith(p)) || !existsSync(index)) {
      return reply.code(404).send({ error: 'not_found' });
    }
    if (path === '/sw.js' && !options.serviceWorker) {
      return reply.type(TYPES['.js']!).header('cache-control', 'no-cache').send(SERVICE_WORKER_OFF);
    }
    const file = normalize(join(root, path));
    const inside = file.startsWith(root + sep);
    const found = inside && existsSync(file) && statSync(file).isFile();
    // A hashed file another build named (a page open across an upgrade) is missing, not the page: the
    // browser must not take HTML for a script, nor the service worker keep it.
    if (!found && path.startsWith('/assets/')) return reply.code(404).send({ error: 'not_found' });
    const served = found ? file : index;
    const hashed = found && path.startsWith('/assets/');
    reply
      .type(TYPES[extname(served)] ?? 'application/octet-stream')
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    // A compressed copy from the build when the browser takes it (a phone on the venue's Wi-Fi
    // loads a quarter of the bytes).
    const copies = ENCODINGS.filter((e) => existsSync(served + e.suffix));
    if (copies.length > 0) reply.header('vary', 'accept-encoding');
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const chosen = copies.find((e) => accepted.has(e.name));
    if (chosen)
      return reply.header('content-encoding', chosen.name).send(createReadStream(served + chosen.suffix));
    return reply.send(createReadStream(served));
  });
}
