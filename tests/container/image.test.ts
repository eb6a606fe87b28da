import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { freePort, ROOT } from '../integration/helpers/server';

/**
 * The container image as a region's IT runs it: the base from scripts/base-image.sh (kept between runs),
 * the Containerfile built on it, the image run with a named volume as DATA_DIR. Runs where podman is
 * installed (.ci/run installs it); elsewhere it is skipped and says so.
 */
const podmanInstalled = spawnSync('podman', ['--version']).status === 0;
if (!podmanInstalled) process.stdout.write('container tests skipped: podman is not installed\n');

const BASE = process.env.SAMSKAPA_BASE_IMAGE ?? 'localhost/samskapa-node:24-bookworm';
const IMAGE = 'localhost/samskapa:test';
/** What these machines need to run a container (crun fails on their cgroups; see the README). */
const RUN_FLAGS = [
  '--runtime',
  'runc',
  '--ulimit',
  'nofile=4096:4096',
  '--ulimit',
  'nproc=4096:4096',
  '--network',
  'host',
];
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const volume = `samskapa-test-data-${suffix}`;
const oldVolume = `samskapa-test-old-${suffix}`;
const container = `samskapa-test-${suffix}`;
const oldContainer = `samskapa-test-old-${suffix}`;
const clients: Client[] = [];

/** Run a command; fail with its output unless it exits 0. */
function run(cmd: string, args: string[], timeoutMs = 600_000): string {
  const result = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

const podman = (...args: string[]) => run('podman', args).trim();
const say = (line: string) => process.stdout.write(`${line}\n`);

async function healthy(http: string, name = container, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${http}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`the container did not answer /healthz:\n${podman('logs', name)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!podmanInstalled)('the container image', () => {
  let port: number;
  let http: string;
  let ws: string;

  beforeAll(async () => {
    let started = Date.now();
    run('bash', ['scripts/base-image.sh', BASE]);
    say(`base image ${BASE}: ready in ${((Date.now() - started) / 1000).toFixed(0)} s (kept between runs)`);

    started = Date.now();
    // Behind a proxy that inspects TLS (as here), the build's npm steps get its CA as a secret: the CA
    // node is told to trust, else the host's bundle (which holds such a proxy's CA where the host trusts it).
    const ca = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
    const secret = ca && existsSync(ca) ? ['--secret', `id=ca,src=${ca}`] : [];
    podman(
      'build',
      '--format',
      'docker',
      '--network',
      'host',
      ...secret,
      '--build-arg',
      `BASE=${BASE}`,
      '-t',
      IMAGE,
      '.',
    );
    const buildSeconds = (Date.now() - started) / 1000;
    const bytes = Number(podman('image', 'inspect', '--format', '{{.Size}}', IMAGE));
    say(
      `image ${IMAGE}: ${(bytes / 1e6).toFixed(0)} MB, built in ${buildSeconds.toFixed(0)} s ` +
        `(podman build --format docker --network host --build-arg BASE=${BASE} -t ${IMAGE} .; ` +
        'layers and the pnpm store are cached between runs, so a rerun is faster)',
    );
    // The limit for the image (a size, not a time: it does not depend on the machine's load).
    expect(bytes).toBeLessThan(250e6);

    port = await freePort();
    http = `http://127.0.0.1:${port}`;
    ws = `ws://127.0.0.1:${port}/sync`;
    podman('volume', 'create', volume);
  });

  afterAll(() => {
    for (const c of clients) c.destroy();
    if (!podmanInstalled) return;
    spawnSync('podman', ['rm', '--force', '--time', '0', container, oldContainer]);
    spawnSync('podman', ['volume', 'rm', '--force', volume, oldVolume]);
  });

  it('runs as a non-root user, is healthy, and keeps a synced note in its volume across a stop and a new container', async () => {
    const startContainer = () =>
      podman(
        'run',
        '--detach',
        '--name',
        container,
        ...RUN_FLAGS,
        '--env',
        `PORT=${port}`,
        '--env',
        'HOST=127.0.0.1',
        '--volume',
        `${volume}:/data`,
        IMAGE,
      );
    startContainer();
    await healthy(http);

    // The image's own HEALTHCHECK (node asking /healthz: there is no curl).
    expect(spawnSync('podman', ['healthcheck', 'run', container]).status).toBe(0);
    // The app is served.
    expect(await (await fetch(`${http}/`)).text()).toContain('<div id="root">');
    // The server is PID 1 (signals reach it) and not root. (No shell and no cat in the image: node reads
    // /proc.)
    const proc = (file: string) =>
      podman(
        'exec',
        container,
        'node',
        '-e',
        `process.stdout.write(require('fs').readFileSync('/proc/1/${file}', 'utf8'))`,
      );
    expect(proc('cmdline').split('\0')).toEqual(['node', '--enable-source-maps', 'server/dist/main.js', '']);
    const status = proc('status');
    const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
    expect(uid).toBeDefined();
    expect(uid).not.toBe('0');
    expect(podman('exec', container, 'node', '-p', 'os.userInfo().username')).toBe('samskapa');

    const workshop = await createWorkshop({ http }, 'Referensgruppsmöte', 'referensgrupp');
    const writer = connect({ ws }, workshop.id, 'board', workshop.participantToken);
    clients.push(writer);
    await synced(writer);
    setNote(writer.doc, 'container', 'Mötesplatser i länet');
    const reader = connect({ ws }, workshop.id, 'board', workshop.facilitatorToken);
    clients.push(reader);
    await synced(reader);
    await waitFor(
      () => notes(reader.doc)['container'] === 'Mötesplatser i länet',
      'a second client sees the note',
    );
    writer.destroy();
    reader.destroy();

    // SIGTERM: the server stores every open document and exits 0, well before podman's SIGKILL.
    const stopping = Date.now();
    podman('stop', '--time', '30', container);
    const stopSeconds = (Date.now() - stopping) / 1000;
    expect(podman('inspect', '--format', '{{.State.ExitCode}}', container)).toBe('0');
    const logs = podman('logs', container);
    expect(logs).toContain('persisting every room');
    expect(logs).toContain('"msg":"stopped"');
    say(`podman stop: the server stored its documents and exited 0 in ${stopSeconds.toFixed(1)} s`);

    // Started again: the note is there for a new client.
    podman('start', container);
    await healthy(http);
    const again = connect({ ws }, workshop.id, 'board', workshop.facilitatorToken);
    clients.push(again);
    await synced(again);
    expect(notes(again.doc)['container']).toBe('Mötesplatser i länet');
    again.destroy();

    // A new container on the same volume (as an upgrade does) finds it too, through the admin command.
    podman('rm', '--force', '--time', '30', container);
    startContainer();
    await healthy(http);
    const exported = podman(
      'exec',
      container,
      'node',
      'server/dist/cli.js',
      'export',
      workshop.id,
      '--format',
      'md',
    );
    expect(exported).toContain('Mötesplatser i länet');
    // The poster as PNG: resvg (a native module) and the fonts the image ships.
    const png = spawnSync(
      'podman',
      ['exec', container, 'node', 'server/dist/cli.js', 'export', workshop.id, '--format', 'png'],
      { maxBuffer: 64 << 20 },
    );
    expect(png.status, png.stderr.toString()).toBe(0);
    expect(png.stdout.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    podman('rm', '--force', '--time', '30', container);
  });

  it('upgrades the data of an earlier version on start: a store written with board layout 1 opens with every note', async () => {
    const fixture = join(ROOT, 'tests/fixtures/layout1');
    const written = JSON.parse(readFileSync(join(fixture, 'workshop.json'), 'utf8')) as {
      id: string;
      facilitatorToken: string;
      noteIds: string[];
    };
    podman('volume', 'create', oldVolume);
    // Put the old store into the volume as its owner would find it (there is no shell in the image).
    podman(
      'run',
      '--rm',
      ...RUN_FLAGS,
      '--user',
      '0',
      '--volume',
      `${oldVolume}:/data`,
      '--volume',
      `${fixture}:/fixture:ro`,
      IMAGE,
      'node',
      '-e',
      "const fs = require('fs'); fs.copyFileSync('/fixture/samskapa.sqlite', '/data/samskapa.sqlite'); fs.chownSync('/data/samskapa.sqlite', 10001, 10001)",
    );
    podman(
      'run',
      '--detach',
      '--name',
      oldContainer,
      ...RUN_FLAGS,
      '--env',
      `PORT=${port}`,
      '--env',
      'HOST=127.0.0.1',
      '--volume',
      `${oldVolume}:/data`,
      IMAGE,
    );
    await healthy(http, oldContainer);
    const facilitator = connect({ ws }, written.id, 'board', written.facilitatorToken);
    clients.push(facilitator);
    await synced(facilitator);
    const seen = notes(facilitator.doc);
    for (const id of written.noteIds) expect(seen[id.replace('shape:', '')], id).toBeDefined();
    facilitator.destroy();
    podman('rm', '--force', '--time', '30', oldContainer);
  });
});

describe.skipIf(!podmanInstalled)('the compose file (deploy/compose.yaml)', () => {
  it('gives podman-compose two Samskapa processes on PostgreSQL and Redis behind nginx with the documented configuration', () => {
    const hasCompose = spawnSync('podman-compose', ['version']).status === 0;
    if (!hasCompose) {
      say('compose check skipped: podman-compose is not installed');
      return;
    }
    // A copy with the example's secrets, so the dry run reads an env file as a deployer's would.
    const dir = mkdtempSync(join(tmpdir(), 'samskapa-compose-'));
    mkdirSync(join(dir, 'deploy'));
    mkdirSync(join(dir, 'docs/nginx'), { recursive: true });
    cpSync(join(ROOT, 'deploy/compose.yaml'), join(dir, 'deploy/compose.yaml'));
    cpSync(join(ROOT, 'deploy/samskapa.env.example'), join(dir, 'deploy/samskapa.env'));
    cpSync(join(ROOT, 'docs/nginx/samskapa.conf'), join(dir, 'docs/nginx/samskapa.conf'));
    const project = `samskapa-dryrun-${suffix}`;
    try {
      const result = spawnSync(
        'podman-compose',
        ['--dry-run', '-p', project, '-f', join(dir, 'deploy/compose.yaml'), 'up', '-d'],
        { encoding: 'utf8', timeout: 60_000 },
      );
      const out = `${result.stdout}${result.stderr}`;
      expect(result.status, out).toBe(0);
      const runs = out.split('\n').filter((line) => line.startsWith('podman run '));
      const named = (service: string) =>
        runs.find((line) => line.includes(`--name=${project}_${service}_1 `)) ?? '';
      for (const service of ['samskapa-1', 'samskapa-2']) {
        const line = named(service);
        expect(line).toContain(`--env-file ${join(dir, 'deploy/samskapa.env')}`);
        expect(line).toContain('-e DATABASE_URL=postgres://samskapa@postgres:5432/samskapa');
        expect(line).toContain('-e REDIS_URL=redis://redis:6379');
        expect(line).toContain('-e TRUST_PROXY_HOPS=1');
        expect(line).toContain(`-v ${project}_${service}-data:/data`);
      }
      expect(named('postgres')).toContain(`-v ${project}_postgres-data:/var/lib/postgresql/data`);
      expect(named('redis')).toContain('redis-server --save  --appendonly no --protected-mode no');
      const nginx = named('nginx');
      expect(nginx).toContain(`-v ${join(dir, 'docs/nginx/samskapa.conf')}:/etc/samskapa/samskapa.conf:ro`);
      expect(nginx).toContain('-p 8080:80');
      expect(nginx).toContain('server samskapa-1:8080; server samskapa-2:8080;');
      // The sed in the nginx command must still find the line it replaces in the documented configuration.
      expect(readFileSync(join(ROOT, 'docs/nginx/samskapa.conf'), 'utf8')).toContain(
        'proxy_pass http://127.0.0.1:8080;',
      );
    } finally {
      // Even a dry run creates the project's network and volume.
      for (const name of ['postgres-data', 'samskapa-1-data', 'samskapa-2-data']) {
        spawnSync('podman', ['volume', 'rm', '--force', `${project}_${name}`]);
      }
      spawnSync('podman', ['network', 'rm', '--force', `${project}_default`]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
