// Samskapa's service worker: keeps the app (Vite's hashed files and the page shell) so a second visit
// starts from the device and the board still opens offline. It never keeps a workshop's data: nothing
// under /api/, /sync/ or any other server path passes through it, and the shell it keeps is the same
// file for every workshop. `serviceWorkerPlugin.ts` compiles this file into `sw.js` and puts the build's
// manifest in front of it.
//
// A script, not a module: classic service workers run in every browser that has them.

/** Written by the build: its id (changes with any file of the build) and the files to keep at install. */
declare const MANIFEST: { build: string; precache: string[] };

const worker = self as unknown as ServiceWorkerGlobalScope;

/** Every cache this worker writes is named `samskapa-app-<build>`; other names are not ours. */
const CACHE_PREFIX = 'samskapa-app-';
const CACHE = CACHE_PREFIX + MANIFEST.build;
/** The page every app path is answered with; kept for opening the app offline. */
const SHELL = '/index.html';
/** Paths where the server answers with data or state, never with the app: the worker leaves them alone. */
const NOT_APP = ['/api/', '/sync/', '/schema/', '/healthz', '/metrics', '/sw.js'];
/** How long a page gets to say which build it runs before its build is taken as unknown. */
const ASK_BUILD_MS = 3000;

/** Files of the build outside /assets/ (`public/`'s, such as `boot.js`): kept, but not named by hash. */
const BUILD_FILES = new Set(MANIFEST.precache.filter((path) => !path.startsWith('/assets/')));

const isApp = (path: string) => !NOT_APP.some((prefix) => path.startsWith(prefix));

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The shell from the server, never from the HTTP cache; hashed files may come from it (they never
      // change, and the page that registered this worker usually has them already). All or nothing.
      await cache.addAll(
        [SHELL, ...MANIFEST.precache].map((path) =>
          path.startsWith('/assets/') ? path : new Request(path, { cache: 'reload' }),
        ),
      );
      // A new build takes over at once: an open page of the previous build keeps finding its files in the
      // previous build's cache, which stays until no open page runs that build (tidy).
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The page's request for itself starts while the worker starts, not after.
      await worker.registration.navigationPreload?.enable();
      await worker.clients.claim();
    })(),
  );
  // Not part of activating: a page's request waits for that, and asking pages takes up to seconds. If
  // the worker is stopped before it is done, the next page load asks for it again.
  void tidy();
});

worker.addEventListener('message', (event) => {
  if (isMessage(event.data, 'samskapa:tidy')) event.waitUntil(tidy());
  // Which build this worker keeps (for people and tests looking at a browser).
  if (isMessage(event.data, 'samskapa:which-build')) {
    event.ports[0]?.postMessage({ type: 'samskapa:build', build: MANIFEST.build });
  }
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || !isApp(url.pathname)) return;
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(event));
  else if (request.mode === 'navigate') event.respondWith(networkFirst(event));
  else if (BUILD_FILES.has(url.pathname)) event.respondWith(fromThisBuild(request));
});

/** A hashed file never changes: from any of our caches if there, else from the network, and kept. */
async function cacheFirst(event: FetchEvent): Promise<Response> {
  const { request } = event;
  // Any build's cache: a page of the previous build finds its files while it is open.
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Only the file itself: never an error, an opaque answer or a page served in its place.
  if (response.ok && response.type === 'basic' && !isPage(response)) {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
  }
  return response;
}

/**
 * A file of the build whose name does not change with it, from this build's cache: a page of a newer
 * build may get this build's copy until the newer worker takes over (seconds after the page loaded), so
 * such files must work with the build before them.
 */
async function fromThisBuild(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: CACHE, ignoreVary: true })) ?? fetch(request);
}

/**
 * Pages come from the server whenever it answers (a new build is seen at once); the kept shell only when
 * it cannot be reached, or a proxy in front of it says it is down (5xx), so the app can say it is offline.
 */
async function networkFirst(event: FetchEvent): Promise<Response> {
  try {
    const preloaded = (await event.preloadResponse) as Response | undefined;
    const response = preloaded ?? (await fetch(event.request));
    if (response.status < 500) return response;
    return (await keptShell()) ?? response;
  } catch (error) {
    const shell = await keptShell();
    if (shell) return shell;
    throw error;
  }
}

async function keptShell(): Promise<Response | undefined> {
  return (await caches.match(SHELL, { cacheName: CACHE })) ?? (await caches.match(SHELL));
}

const isPage = (response: Response) => (response.headers.get('content-type') ?? '').startsWith('text/html');

/**
 * Deletes the caches of earlier builds that no open page runs any more. A page of an earlier build may
 * still load a lazy chunk of its own (a board open across a server upgrade), so its cache stays while such
 * a page is open; if any page does not answer, everything stays until the next tidy (the next page load).
 */
async function tidy(): Promise<void> {
  // A newer worker is on its way and fills a cache of its own: what is earlier is its decision.
  if (worker.registration.installing || worker.registration.waiting) return;
  const earlier = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
  if (earlier.length === 0) return;
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const builds = await Promise.all(
    windows.filter((client) => isApp(new URL(client.url).pathname)).map(askBuild),
  );
  if (builds.includes(null)) return;
  const open = new Set(builds);
  await Promise.all(
    earlier.filter((name) => !open.has(name.slice(CACHE_PREFIX.length))).map((name) => caches.delete(name)),
  );
}

/** Asks an open page which build it runs (`client/src/serviceWorker/register.ts` answers). */
function askBuild(client: Client): Promise<string | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ASK_BUILD_MS);
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      clearTimeout(timer);
      const build = isMessage(event.data, 'samskapa:build') ? event.data.build : null;
      resolve(typeof build === 'string' ? build : null);
    };
    client.postMessage({ type: 'samskapa:which-build' }, [channel.port2]);
  });
}

function isMessage(data: unknown, type: string): data is { type: string; build?: unknown } {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}
