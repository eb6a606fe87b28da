import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Builds the client once before the browser tests, so they always run the current sources (~7 s). */
export default function setup(): void {
  if (process.env.SAMSKAPA_E2E_SKIP_BUILD === '1') return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'client'),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the client for the browser tests failed');
}
