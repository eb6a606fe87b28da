import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { transformWithOxc, type Plugin, type Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const WORKER_SOURCE = resolve(import.meta.dirname, 'serviceWorker/worker.ts');
/** Where the page finds the id of the build it runs (`src/serviceWorker/register.ts` reads it). */
export const BUILD_META = 'samskapa-build';

/** The id of a build: changes when any file of it does (hashed names carry their content's hash). */
function buildId(bundle: OutputBundle, publicFiles: Map<string, Buffer>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(bundle).sort()) {
    const file = bundle[name]!;
    hash.update(name);
    // Unhashed files (the HTML) by their content.
    if (file.type === 'asset' && name.endsWith('.html')) hash.update(file.source);
  }
  for (const [name, bytes] of [...publicFiles].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(name);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The files Vite copies from `public/` as they are (`boot.js`), by their path on the site. */
async function readPublicFiles(dir: string | false): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  if (!dir || !existsSync(dir)) return files;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(`/${relative(dir, path).split(sep).join('/')}`, await readFile(path));
  }
  return files;
}

/**
 * The files a page may need without a network: the entries, everything they import, and every lazily
 * loaded chunk, except those named in `lazy` (and what only they import): those are kept the first time
 * a page loads them, so a phone never downloads the canvas to keep it.
 */
function precacheList(bundle: OutputBundle, lazy: string[]): string[] {
  const chunks = new Map<string, OutputChunk>();
  for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
  const kept = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (kept.has(chunk.fileName)) return;
    kept.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) kept.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) kept.add(asset);
    for (const name of chunk.imports) visit(chunks.get(name)!);
    for (const name of chunk.dynamicImports) {
      const imported = chunks.get(name);
      if (imported && !lazy.includes(imported.name)) visit(imported);
    }
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk);
  return [...kept].sort().map((file) => `/${file}`);
}

/**
 * Emits `sw.js`, the service worker of `serviceWorker/worker.ts` with this build's id and the files it
 * keeps at install (with `public/`'s, which are part of the build too), and names the build in every HTML page (`<meta name="samskapa-build">`). Chunks
 * named in `lazy` (the canvas) are kept only once a page has loaded them.
 */
export function serviceWorker({ lazy = [] as string[] } = {}): Plugin {
  let publicDir: string | false = false;
  return {
    name: 'samskapa-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle(_options, bundle) {
      const publicFiles = await readPublicFiles(publicDir);
      const workerSource = await readFile(WORKER_SOURCE, 'utf8');
      // The worker's own code is part of the build too: a change to it alone is a new build.
      const build = buildId(bundle, new Map([...publicFiles, ['/sw.js', Buffer.from(workerSource)]]));
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        if (!html.includes('</head>')) this.error(`${file.fileName} has no <head> to name the build in`);
        file.source = html.replace(
          '</head>',
          `  <meta name="${BUILD_META}" content="${build}" />\n  </head>`,
        );
      }
      const manifest = { build, precache: [...precacheList(bundle, lazy), ...publicFiles.keys()] };
      const worker = await transformWithOxc(workerSource, WORKER_SOURCE, {
        lang: 'ts',
      });
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const MANIFEST = ${JSON.stringify(manifest)};\n${worker.code}`,
      });
    },
  };
}
