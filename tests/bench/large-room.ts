// Large-room benchmark: one workshop with 500 connected participants, 50 of them moving cursors at 10 Hz,
// everyone adding or moving notes about every 10 s. The same load generator runs against Samskapa's server
// and against the reference server @y/websocket-server 0.1.1 (no persistence), in the same run.
// Prints note-update delivery p50/p99, loss, cursor latency, server CPU and RSS, and the ratios.
// Never fails on time.
//
//   npx pnpm@10.34.8 bench:large-room
//   BENCH_PARTICIPANTS=500 BENCH_CURSORS=50 BENCH_SECONDS=20 npx pnpm@10.34.8 bench:large-room
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { boardRecords, buildNote, type NoteInput, type StoredRecord } from '../../shared/src/index';
import { createWorkshop } from '../integration/helpers/clients';
import { freePort, startServer } from '../integration/helpers/server';
import { cpuMeter, percentile, rssMiB } from './lib/procStats';
import { DeliveryClock, ThinClient } from './lib/thinClient';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 500);
const CURSORS = Number(process.env.BENCH_CURSORS ?? 50);
const CURSOR_HZ = 10;
const NOTE_EVERY_S = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const OBSERVERS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  name: string;
  pid: number;
  /** WebSocket URL of the one board everybody joins. */
  url: string;
  stop(): Promise<unknown>;
}

async function samskapa(): Promise<Target> {
  const server = await startServer({
    env: { LOG_LEVEL: 'warn', MAX_CONNECTIONS_PER_ADDRESS: '100000', MAX_CONNECTIONS_PER_WORKSHOP: '100000' },
  });
  const w = await createWorkshop(server, 'Stor workshop');
  return {
    name: 'samskapa',
    pid: server.process.pid!,
    url: `${server.ws}/${w.id}/board?token=${w.participantToken}`,
    stop: () => server.stop(),
  };
}

async function reference(): Promise<Target> {
  const port = await freePort();
  // The package exports no subpath for its server script; start it from its installed folder.
  const script = resolve(import.meta.dirname, '../../node_modules/@y/websocket-server/src/server.js');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((res) => child.stdout.once('data', () => res()));
  const exited = new Promise((res) => child.once('exit', res));
  return {
    name: '@y/websocket-server 0.1.1',
    pid: child.pid!,
    url: `ws://127.0.0.1:${port}/large-room`,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function run(target: Target) {
  const clock = new DeliveryClock();
  const clients: ThinClient[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const c = await ThinClient.open(target.url, clock, i < OBSERVERS);
    c.present({ user: { name: `Deltagare ${i}`, color: '#1d4ed8' } });
    clients.push(c);
  }
  await sleep(2000);
  const rssIdle = rssMiB(target.pid);

  const cpu = cpuMeter(target.pid);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const timers: NodeJS.Timeout[] = [];
  let cursorMoves = 0;
  let noteOps = 0;
  clients.forEach((c, i) => {
    const own: StoredRecord[] = [];
    // Everyone adds a note, or moves one of theirs, about every NOTE_EVERY_S seconds (phases spread out).
    const noteOp = () => {
      const records = boardRecords(c.doc);
      c.write(() => {
        const existing = own.length > 0 && noteOps % 2 === 0 ? own[noteOps % own.length] : undefined;
        const record = existing
          ? { ...existing, x: Math.round(Math.random() * 4000), y: Math.round(Math.random() * 3000) }
          : (buildNote({
              text: `Idé ${i}-${own.length}: tydligare samverkan`,
              x: 0,
              y: 0,
              index: 'a1' as NoteInput['index'],
            }) as unknown as StoredRecord);
        if (!existing) own.push(record);
        records.set(record.id, record);
      });
      noteOps++;
    };
    timers.push(
      setTimeout(
        () => {
          noteOp();
          timers.push(setInterval(noteOp, NOTE_EVERY_S * 1000));
        },
        Math.random() * NOTE_EVERY_S * 1000,
      ),
    );
    if (i >= OBSERVERS && i < OBSERVERS + CURSORS) {
      timers.push(
        setInterval(() => {
          c.present({ cursor: { x: Math.random() * 2000, y: Math.random() * 1000 }, t: performance.now() });
          cursorMoves++;
        }, 1000 / CURSOR_HZ),
      );
    }
  });
  await sleep(SECONDS * 1000);
  for (const t of timers) clearInterval(t);
  await sleep(2000); // let deliveries drain
  const cpuPercent = cpu();
  loop.disable();
  const rss = rssMiB(target.pid);

  // Loss: every update sent by another client must have reached every observer.
  let lost = 0;
  for (const observer of clients.slice(0, OBSERVERS)) {
    for (const key of clock.sent.keys()) {
      if (!key.startsWith(`${observer.doc.clientID}:`) && !observer.seen.has(key)) lost++;
    }
  }
  const updates = [...clock.updateLatencies].sort((a, b) => a - b);
  const cursors = [...clock.cursorLatencies].sort((a, b) => a - b);
  const awarenessMessages = clients.reduce((a, c) => a + c.awarenessReceived, 0);
  for (const c of clients) c.close();
  return {
    server: target.name,
    'note ops/s': +(noteOps / SECONDS).toFixed(1),
    'cursor moves/s': Math.round(cursorMoves / SECONDS),
    'note p50 ms': +percentile(updates, 0.5).toFixed(1),
    'note p99 ms': +percentile(updates, 0.99).toFixed(1),
    'lost updates': lost,
    'cursor p50 ms': +percentile(cursors, 0.5).toFixed(1),
    'cursor p99 ms': +percentile(cursors, 0.99).toFixed(1),
    'presence msgs/s': Math.round(awarenessMessages / (SECONDS + 2)),
    'server CPU %': Math.round(cpuPercent),
    'RSS idle MiB': Math.round(rssIdle),
    'RSS MiB': Math.round(rss),
    'generator lag p99 ms': +(loop.percentile(99) / 1e6).toFixed(1),
  };
}

const rows = [];
for (const start of [samskapa, reference]) {
  const target = await start();
  try {
    rows.push(await run(target));
  } finally {
    await target.stop();
  }
}
const [ours, ref] = rows as [Awaited<ReturnType<typeof run>>, Awaited<ReturnType<typeof run>>];
console.log(
  `\nLarge room: ${PARTICIPANTS} participants in one board, ${CURSORS} moving cursors at ${CURSOR_HZ} Hz, ` +
    `a note added or moved per participant every ${NOTE_EVERY_S} s, ${SECONDS} s of load`,
);
console.table(rows);
const ratio = (k: keyof typeof ours) => ((ref[k] as number) / (ours[k] as number)).toFixed(2);
console.log(
  `reference ÷ samskapa: note p99 ${ratio('note p99 ms')}, cursor p99 ${ratio('cursor p99 ms')}, ` +
    `presence messages ${ratio('presence msgs/s')}, CPU ${ratio('server CPU %')}, RSS ${ratio('RSS MiB')}`,
);
console.log(
  `(The generator runs on the same two cores; its own event-loop lag is printed so its limits can be judged.)\n` +
    `Reproduce: BENCH_PARTICIPANTS=${PARTICIPANTS} BENCH_CURSORS=${CURSORS} BENCH_SECONDS=${SECONDS} npx pnpm@10.34.8 bench:large-room`,
);
