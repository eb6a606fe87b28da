import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  createWorkshop,
  notes,
  setNote,
  synced,
  waitFor,
  type Client,
} from '../integration/helpers/clients';
import { freePort, ROOT, tempDataDir } from '../integration/helpers/server';
import { launchChromium } from './helpers/browser';

/**
 * The server as production runs it: `pnpm build`'s output, started with plain `node` from a directory
 * that holds only the compiled server, its package.json and node_modules, and the built client. No
 * TypeScript source is reachable from there, so a bundle that still needed one would fail to start.
 */
const release = mkdtempSync(join(tmpdir(), 'samskapa-release-'));
const dataDir = tempDataDir();
let browser: Browser | undefined;
const clients: Client[] = [];

interface Compiled {
  process: ChildProcess;
  http: string;
  ws: string;
  output: string[];
  exited: Promise<number | null>;
}

async function startCompiled(port: number): Promise<Compiled> {
  // Plain node: no --import, no loader, nothing inherited from the test runner's NODE_OPTIONS.
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: release,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const http = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`compiled server exited early:\n${output.join('\n')}`);
    try {
      if ((await fetch(`${http}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`compiled server did not start:\n${output.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { process: child, http, ws: `ws://127.0.0.1:${port}/sync`, output, exited };
}

let server: Compiled;

beforeAll(async () => {
  // The root build script, as a deployer runs it (the client was built by the e2e set-up already; this
  // builds it again, as `pnpm build` does).
  const build = spawnSync('npx', ['pnpm@10.34.8', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    timeout: 170_000,
  });
  if (build.status !== 0) throw new Error(`pnpm build failed:\n${build.stdout}${build.stderr}`);

  mkdirSync(join(release, 'server'));
  mkdirSync(join(release, 'client'));
  cpSync(join(ROOT, 'server/dist'), join(release, 'server/dist'), { recursive: true });
  cpSync(join(ROOT, 'server/package.json'), join(release, 'server/package.json'));
  symlinkSync(join(ROOT, 'server/node_modules'), join(release, 'server/node_modules'));
  symlinkSync(join(ROOT, 'client/dist'), join(release, 'client/dist'));
  server = await startCompiled(await freePort());
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await browser?.close();
  if (server?.process.exitCode === null) server.process.kill('SIGKILL');
  rmSync(release, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server (pnpm build, then plain node)', () => {
  it('answers /healthz and serves the app: the start page works in Chromium', async () => {
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);
    const html = await (await fetch(`${server.http}/`)).text();
    expect(html).toContain('<div id="root">');

    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${server.http}/`);
    await page.getByRole('button', { name: 'Skapa workshop' }).waitFor({ timeout: 30_000 });
  });

  it('keeps a note synced by the y-websocket client across SIGTERM, and the compiled admin command exports it', async () => {
    const workshop = await createWorkshop(server, 'Referensgruppsmöte', 'referensgrupp');
    const writer = connect(server, workshop.id, 'board', workshop.participantToken);
    clients.push(writer);
    await synced(writer);
    setNote(writer.doc, 'compiled', 'Fast vårdkontakt för alla med stora behov');
    await waitFor(() => writer.provider.ws?.bufferedAmount === 0, 'the note was sent');
    // The server stores an update before it is broadcast; a second client seeing it means it is stored.
    const reader = connect(server, workshop.id, 'board', workshop.facilitatorToken);
    clients.push(reader);
    await synced(reader);
    await waitFor(
      () => notes(reader.doc)['compiled'] === 'Fast vårdkontakt för alla med stora behov',
      'a second client sees the note',
    );

    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output.join('\n')).toContain('persisting every room');

    const exported = spawnSync(
      process.execPath,
      ['server/dist/cli.js', 'export', workshop.id, '--format', 'md'],
      { cwd: release, env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir }, encoding: 'utf8' },
    );
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('Fast vårdkontakt för alla med stora behov');
  });
});
