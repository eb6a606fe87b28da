import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/**
 * Builds the client once before the browser tests, so they always run the current sources (~7 s). The
 * build is the production build users get: vitest sets NODE_ENV=test, which would otherwise make Vite
 * bundle React's development build into client/dist, where the next `pnpm start` would serve it.
 */
export default function setup(): void {
  if (process.env.SAMSKAPA_E2E_SKIP_BUILD === '1') return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'client'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('building the client for the browser tests failed');
}
