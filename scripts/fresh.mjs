// What `pnpm start` and `pnpm admin` run is built first when it is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Newest modification time below `path`, ignoring build output and dependencies. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const stale = (output, inputs) =>
  !existsSync(output) || statSync(output).mtimeMs < Math.max(...inputs.map(newest));

/** Build the client into client/dist when it is missing or older than its sources. */
export async function freshClient(say = console.log) {
  const built = join(root, 'client/dist/index.html');
  // An image's runtime holds client/dist without the client's sources: nothing to build there.
  if (!existsSync(join(root, 'client/package.json'))) return;
  const isStale = () => stale(built, [join(root, 'client'), join(root, 'shared/src')]);
  if (!isStale()) return;
  await locked('client', () => {
    if (!isStale()) return;
    say('Building the client (first start or changed sources)…');
    // npm_execpath is the pnpm that runs this script; it builds with the workspace's own tools.
    const pnpm = process.env.npm_execpath;
    const [cmd, args] = pnpm && /\.(c?js|mjs)$/.test(pnpm) ? [process.execPath, [pnpm]] : ['pnpm', []];
    const result = spawnSync(cmd, [...args, '--filter', '@samskapa/client', 'build'], {
      cwd: root,
      stdio: 'inherit',
      // Whatever NODE_ENV the shell has, the app users get is React's production build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error(`building the client failed (exit code ${result.status})`);
  });
}

/** Compile the server into server/dist when it is missing or older than its sources; the entry points. */
export async function freshServer(say = console.log) {
  const build = join(root, 'server/build.mjs');
  const outputs = { main: join(root, 'server/dist/main.js'), cli: join(root, 'server/dist/cli.js') };
  // Without the build script (an image's runtime) the compiled server is all there is.
  if (!existsSync(build)) return outputs;
  const { buildInputs, buildServer } = await import(build);
  const isStale = () => Object.values(outputs).some((output) => stale(output, buildInputs));
  if (!isStale()) return outputs;
  await locked('server', async () => {
    if (!isStale()) return;
    say('Compiling the server (first start or changed sources)…');
    await buildServer();
  });
  return outputs;
}

/**
 * Run `build` holding a lock: several processes started at once (`PORT=8081 pnpm start & PORT=8082 pnpm
 * start &`) build once; the others wait, then find the output fresh, and none serves a half-written one.
 */
async function locked(name, build) {
  const lock = join(root, '.cache', `build-${name}.lock`);
  mkdirSync(join(root, '.cache'), { recursive: true });
  await acquire(lock);
  try {
    await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Take a lock directory; one left by a process that died while compiling is taken after two minutes. */
async function acquire(lock) {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 120_000) {
        rmSync(lock, { recursive: true, force: true });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
