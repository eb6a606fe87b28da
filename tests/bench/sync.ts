// Sync benchmark: N thin clients in one room, each sending note-sized updates at a fixed rate.
// Prints updates/s delivered, p50/p99 delivery latency, server CPU and RSS. Never fails on time.
//
//   npx pnpm@10.34.8 bench:sync                       # N = 10, 50, 200
//   BENCH_CLIENTS=10,50 BENCH_RATE=2 BENCH_SECONDS=20 npx pnpm@10.34.8 bench:sync
import { readFileSync } from 'node:fs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createWorkshop } from '../integration/helpers/clients';
import { startServer, type RunningServer } from '../integration/helpers/server';

const SIZES = (process.env.BENCH_CLIENTS ?? '10,50,200').split(',').map(Number);
const RATE = Number(process.env.BENCH_RATE ?? 1); // updates per client per second
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Clients that decode what they receive to measure latency; the others only count messages. */
const OBSERVERS = 10;
const NOTE = 'Vi behöver tydligare samverkan mellan huvudmännen kring personcentrerad vård. '.repeat(2);

const CLOCK_TICKS = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
}
function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

interface ThinClient {
  ws: WebSocket;
  doc: Y.Doc;
  received: number;
}

async function runSize(server: RunningServer, n: number) {
  const w = await createWorkshop(server, `bench ${n}`);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients: ThinClient[] = [];
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(`${server.ws}/${w.id}/board?token=${w.participantToken}`);
    const client: ThinClient = { ws, doc: new Y.Doc(), received: 0 };
    const observer = i < OBSERVERS;
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(data);
      if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) return;
      client.received++;
      if (!observer) return;
      const now = performance.now();
      const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(d));
      for (const [clientId, clock] of meta.to) {
        const t = sentAt.get(`${clientId}:${clock}`);
        if (t !== undefined) latencies.push(now - t);
      }
    });
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    clients.push(client);
  }
  await new Promise((r) => setTimeout(r, 500));

  const cpu0 = cpuSeconds(server.process.pid!);
  const t0 = performance.now();
  let sent = 0;
  const interval = 1000 / RATE;
  // Spread the clients' sends evenly over each interval.
  const timers = clients.map((c, i) =>
    setTimeout(
      () => {
        const send = () => {
          const doc = c.doc;
          let update: Uint8Array | undefined;
          doc.once('update', (u: Uint8Array) => (update = u));
          doc.getMap('notes').set(`n${sent}`, NOTE);
          const key = `${doc.clientID}:${Y.parseUpdateMeta(update!).to.get(doc.clientID)}`;
          sentAt.set(key, performance.now());
          c.ws.send(encodeUpdateMessage(update!));
          sent++;
        };
        send();
        timers[i] = setInterval(send, interval);
      },
      (interval * i) / n,
    ),
  );
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const t of timers) clearInterval(t);
  await new Promise((r) => setTimeout(r, 1000)); // let deliveries drain
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(server.process.pid!) - cpu0;
  const rss = rssMiB(server.process.pid!, 'VmRSS');
  const delivered = clients.reduce((a, c) => a + c.received, 0);
  for (const c of clients) c.ws.close();

  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  const expected = sent * (n - 1);
  return {
    clients: n,
    'sent/s': Math.round(sent / SECONDS),
    'delivered/s': Math.round(delivered / SECONDS),
    'delivered %': ((100 * delivered) / expected).toFixed(2),
    'p50 ms': pct(0.5).toFixed(1),
    'p99 ms': pct(0.99).toFixed(1),
    'server CPU %': ((100 * cpu) / elapsed).toFixed(0),
    'server RSS MiB': rss.toFixed(0),
  };
}

const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
const rows = [];
try {
  for (const n of SIZES) rows.push(await runSize(server, n));
  rows.push({ 'peak server RSS MiB': rssMiB(server.process.pid!, 'VmHWM').toFixed(0) });
} finally {
  await server.stop();
}
console.log(`\nSync benchmark: one room, ${RATE} note update(s)/s per client, ${SECONDS} s per size`);
console.table(rows);
console.log(
  `Reproduce: BENCH_CLIENTS=${SIZES.join(',')} BENCH_RATE=${RATE} BENCH_SECONDS=${SECONDS} npx pnpm@10.34.8 bench:sync`,
);
