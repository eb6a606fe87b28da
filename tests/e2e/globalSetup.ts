import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Newest modification time below `path`, ignoring build output and dependencies. */
function newest(path: string): number {
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

/** Builds the client once before the browser tests when it is missing or older than its sources. */
export default function setup(): void {
  const built = join(root, 'client/dist/index.html');
  const sources = Math.max(newest(join(root, 'client')), newest(join(root, 'shared/src')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'client'),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the client for the browser tests failed');
}
