// `pnpm start`: build the client when it is missing or older than its sources, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { register } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
const built = join(root, 'client/dist/index.html');

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

const sources = Math.max(newest(join(root, 'client')), newest(join(root, 'shared/src')));
const clientBuild = existsSync(join(root, 'client/package.json'));
if (clientBuild && (!existsSync(built) || statSync(built).mtimeMs < sources)) {
  console.log('Building the client (first start or changed sources)…');
  // npm_execpath is the pnpm that runs this script; it builds with the workspace's own tools.
  const pnpm = process.env.npm_execpath;
  const [cmd, args] = pnpm && /\.(c?js|mjs)$/.test(pnpm) ? [process.execPath, [pnpm]] : ['pnpm', []];
  const result = spawnSync(cmd, [...args, '--filter', '@samskapa/client', 'build'], {
    cwd: root,
    stdio: 'inherit',
    // Whatever NODE_ENV the shell has, the app users get is React's production build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

register();
await import('../server/src/main.ts');
