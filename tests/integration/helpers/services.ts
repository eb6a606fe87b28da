import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from './server';

const INSTALL_HINT =
  'Install them with `scripts/services.sh` (Debian packages redis-server, postgresql and nginx-light); .ci/run does.';

/** Resolve when something accepts TCP connections on loopback `port`; fail after `timeoutMs`. */
async function waitForPort(port: number, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((res) => {
      const socket = tcpConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        res(true);
      });
      socket.once('error', () => res(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not start listening on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A private redis-server on loopback, without persistence; it can be stopped and started again. */
export interface TestRedis {
  port: number;
  url: string;
  /** Kill the server at once (SIGKILL): every connection drops, every subscription is gone. */
  stop(): Promise<void>;
  /** Start it again on the same port. */
  start(): Promise<void>;
}

/** Start redis-server on a free loopback port. Fails with an install hint when the binary is missing. */
export async function startRedis(): Promise<TestRedis> {
  const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (!binary) throw new Error(`redis-server is not installed. ${INSTALL_HINT}`);
  const port = await freePort();
  let child: ChildProcess | null = null;
  const output: string[] = [];

  const start = async () => {
    const proc = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    proc.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child = proc;
    try {
      await waitForPort(port, 'redis-server');
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${output.join('')}`);
    }
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((res) => proc.once('exit', () => res()));
    proc.kill('SIGKILL');
    await exited;
  };

  await start();
  return { port, url: `redis://127.0.0.1:${port}`, stop, start };
}

/** A private PostgreSQL cluster in a temporary directory, listening on loopback only. */
export interface TestPostgres {
  port: number;
  /** Connection string of a fresh, empty database. */
  url: string;
  /** Another fresh, empty database in the same cluster (for a test that needs its own). */
  createDatabase(name: string): string;
  /** Shut the server down (fast: open connections are cut) and keep its data. */
  pause(): void;
  /** Start it again on the same port with the same data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** Directory of PostgreSQL's server binaries (Debian keeps them out of PATH). */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(`PostgreSQL server binaries (initdb) are not installed. ${INSTALL_HINT}`);
  return join(root, versions[0]!, 'bin');
}

/**
 * initdb a cluster into a temp dir, start it with `pg_ctl` on a free loopback port and create a database.
 * PostgreSQL refuses to run as root, so as root everything runs as the `postgres` user.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'samskapa-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    try {
      return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${tool} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  // fsync only matters when the machine itself crashes; the tests kill server processes, not PostgreSQL.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => {
    run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    await waitForPort(port, 'PostgreSQL');
  };
  await start();
  const createDatabase = (name: string) => {
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  const url = createDatabase('samskapa');
  return {
    port,
    url,
    createDatabase,
    pause: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: start,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A TCP load balancer in front of server processes: each new connection goes to the first backend that
 * accepts it, in the given order. A dead backend refuses, so its clients land on the next one when they
 * reconnect — what any load balancer with health checks does.
 */
export interface TestBalancer {
  port: number;
  http: string;
  ws: string;
  /** Backend port of every connection made so far, in order. */
  routed: number[];
  /** A network partition: drop every connection through the balancer and refuse new ones. */
  cut(): void;
  /** End the partition. */
  restore(): void;
  close(): Promise<void>;
}

export async function startBalancer(backends: number[]): Promise<TestBalancer> {
  const routed: number[] = [];
  const sockets = new Set<Socket>();
  let partitioned = false;
  const pipeTo = (client: Socket, index: number) => {
    if (index >= backends.length) {
      client.destroy();
      return;
    }
    const upstream = tcpConnect(backends[index]!, '127.0.0.1');
    sockets.add(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      routed.push(backends[index]!);
      client.pipe(upstream);
      upstream.pipe(client);
      client.once('close', () => upstream.destroy());
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) pipeTo(client, index + 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      if (connected) client.destroy();
    });
  };
  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    if (partitioned) {
      client.destroy();
      return;
    }
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    pipeTo(client, 0);
  });
  const port = await new Promise<number>((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      res(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    port,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/sync`,
    routed,
    cut() {
      partitioned = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      partitioned = false;
    },
    close: () =>
      new Promise((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
  };
}

const readIfThere = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** nginx in front of a server, configured by the README's `docs/nginx/samskapa.conf`. */
export interface TestNginx {
  port: number;
  /** `http://127.0.0.1:<port>`, or with TLS `https://<serverName>:<port>` (map the name to loopback). */
  http: string;
  ws: string;
  /** The access log nginx wrote so far. */
  accessLog(): string;
  /** Every error log nginx wrote so far (the server block's and nginx's own). */
  errorLogs(): string;
  stop(): Promise<void>;
}

/**
 * Start nginx on a free loopback port with the documented configuration, changed only where a test must:
 * its port, the server's port and where the files go.
 */
export async function startNginx(
  serverPort: number,
  options: {
    /** Serve https with a fresh self-signed certificate for this name, as a production origin would. */
    tlsServerName?: string;
  } = {},
): Promise<TestNginx> {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!binary) throw new Error(`nginx is not installed. ${INSTALL_HINT}`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'samskapa-nginx-'));
  // Workers run as another user when nginx starts as root: they write request bodies into `dir`.
  chmodSync(dir, 0o777);
  const documented = readFileSync(join(ROOT, 'docs/nginx/samskapa.conf'), 'utf8');
  const tls = options.tlsServerName;
  if (tls) {
    const made = spawnSync('openssl', [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${tls}`],
      ...['-addext', `subjectAltName=DNS:${tls}`],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    ]);
    if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  }
  const listen = tls
    ? `listen 127.0.0.1:${port} ssl; ssl_certificate ${join(dir, 'cert.pem')}; ssl_certificate_key ${join(dir, 'key.pem')};`
    : `listen 127.0.0.1:${port};`;
  const site = documented
    .replace('listen 80;', listen)
    .replace('proxy_pass http://127.0.0.1:8080;', `proxy_pass http://127.0.0.1:${serverPort};`)
    .replace('/var/log/nginx/samskapa.access.log', join(dir, 'access.log'))
    .replace('/var/log/nginx/samskapa.error.log', join(dir, 'samskapa.error.log'));
  if (site === documented)
    throw new Error('docs/nginx/samskapa.conf no longer has the lines this test adapts');
  writeFileSync(join(dir, 'samskapa.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${join(dir, kind)};`)
    .join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')} warn;
events {}
http { ${temp} access_log off; include ${join(dir, 'samskapa.conf')}; }
`,
  );
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  try {
    await waitForPort(port, 'nginx');
  } catch (err) {
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    throw new Error(`${(err as Error).message}\n${output.join('')}${log}`);
  }
  return {
    port,
    http: tls ? `https://${tls}:${port}` : `http://127.0.0.1:${port}`,
    ws: tls ? `wss://${tls}:${port}/sync` : `ws://127.0.0.1:${port}/sync`,
    accessLog: () => readIfThere(join(dir, 'access.log')),
    errorLogs: () => readIfThere(join(dir, 'samskapa.error.log')) + readIfThere(join(dir, 'error.log')),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((res) => child.once('exit', () => res()));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
