// The server compiled for plain `node`: `dist/main.js` (the server) and `dist/cli.js` (the admin command),
// ES modules bundled by esbuild with shared chunks. The workspace's TypeScript (`src/`, `@samskapa/shared`)
// and what only `@samskapa/shared` uses are inside the bundle; every package in this package's
// `dependencies` stays an import, loaded from node_modules at run time (native modules, fonts, the
// libraries production installs). Run directly (`node build.mjs`, `pnpm build`) or through
// `buildServer()` (`pnpm start` when the output is missing or stale).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = import.meta.dirname;

/** The files whose changes make `dist/` stale (besides `src/` and the shared package's sources). */
export const buildInputs = [
  join(here, 'build.mjs'),
  join(here, 'package.json'),
  join(here, 'src'),
  join(here, '../shared/src'),
  join(here, '../shared/package.json'),
  join(here, '../pnpm-lock.yaml'),
];

/** The compiled entry points. */
export const outputs = { main: join(here, 'dist/main.js'), cli: join(here, 'dist/cli.js') };

/** Compile `src/main.ts` and `src/cli.ts` into `dist/`, replacing what was there. */
export async function buildServer() {
  const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
  const runtime = Object.keys(pkg.dependencies ?? {});
  if (runtime.includes('@samskapa/shared')) {
    throw new Error('@samskapa/shared is bundled: list it under devDependencies, not dependencies');
  }
  // esbuild is a development dependency: only a build loads it.
  const { build } = await import('esbuild');
  rmSync(join(here, 'dist'), { recursive: true, force: true });
  await build({
    absWorkingDir: here,
    entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Subpath imports (`lib0/decoding`, `y-protocols/sync`) of a runtime dependency stay imports too.
    external: runtime.flatMap((name) => [name, `${name}/*`]),
    sourcemap: true,
    logLevel: 'warning',
    // A CommonJS module inside the bundle may `require` a Node built-in; an ES module has no `require`.
    banner: {
      js: "import { createRequire as __samskapaRequire } from 'node:module';\nconst require = __samskapaRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildServer();
