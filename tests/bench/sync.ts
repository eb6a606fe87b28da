// Sync benchmark: N thin clients in one room, each sending note-sized updates at a fixed rate.
// Prints updates/s delivered, p50/p99 delivery latency, server CPU and RSS. Never fails on time.
//
//   npx pnpm@10.34.8 bench:sync                       # N = 10, 50, 200
//   BENCH_CLIENTS=10,50 BENCH_RATE=2 BENCH_SECONDS=20 npx pnpm@10.34.8 bench:sync
import { boardRecords, buildNote, type NoteInput, type StoredRecord } from '../../shared/src/index';
import { connect, createWorkshop, synced, waitFor } from '../integration/helpers/clients';
import { startServer, type RunningServer } from '../integration/helpers/server';
import { cpuMeter, percentile, rssMiB } from './lib/procStats';
import { DeliveryClock, ThinClient } from './lib/thinClient';

const SIZES = (process.env.BENCH_CLIENTS ?? '10,50,200').split(',').map(Number);
const RATE = Number(process.env.BENCH_RATE ?? 1); // updates per client per second
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Clients that decode what they receive to measure latency; the others only count messages. */
const OBSERVERS = 10;
const NOTE = 'Vi behöver tydligare samverkan mellan huvudmännen kring personcentrerad vård. '.repeat(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runSize(server: RunningServer, n: number) {
  const w = await createWorkshop(server, `bench ${n}`);
  const clock = new DeliveryClock();
  const clients: ThinClient[] = [];
  for (let i = 0; i < n; i++) {
    clients.push(
      await ThinClient.open(`${server.ws}/${w.id}/board?token=${w.participantToken}`, clock, i < OBSERVERS),
    );
  }
  await sleep(500);

  const cpu = cpuMeter(server.process.pid!);
  let sent = 0;
  const ids: string[] = [];
  const interval = 1000 / RATE;
  const timers: NodeJS.Timeout[] = [];
  // Spread the clients' sends evenly over each interval.
  clients.forEach((c, i) => {
    const send = () => {
      // A real note (the server accepts nothing else on a board), spread over the canvas.
      const note = buildNote({
        id: `shape:n${sent}` as NoteInput['id'],
        x: (sent % 50) * 220,
        y: Math.floor(sent / 50) * 220,
        text: NOTE,
        index: 'a1' as NoteInput['index'],
      });
      c.write((doc) => boardRecords(doc).set(note.id, note as unknown as StoredRecord));
      ids.push(note.id);
      sent++;
    };
    timers.push(
      setTimeout(
        () => {
          send();
          timers.push(setInterval(send, interval));
        },
        (interval * i) / n,
      ),
    );
  });
  await sleep(SECONDS * 1000);
  for (const t of timers) clearInterval(t);
  await sleep(1000); // let deliveries drain
  const cpuPercent = cpu();
  const rss = rssMiB(server.process.pid!);
  const delivered = clients.reduce((a, c) => a + c.updatesReceived, 0);
  for (const c of clients) c.close();
  const stored = await storedNotes(server, w, ids);

  const latencies = [...clock.updateLatencies].sort((a, b) => a - b);
  return {
    clients: n,
    'sent/s': Math.round(sent / SECONDS),
    'delivered/s': Math.round(delivered / SECONDS),
    'delivered %': ((100 * delivered) / (sent * (n - 1))).toFixed(2),
    'stored %': ((100 * stored) / sent).toFixed(2),
    'p50 ms': percentile(latencies, 0.5).toFixed(1),
    'p99 ms': percentile(latencies, 0.99).toFixed(1),
    'server CPU %': cpuPercent.toFixed(0),
    'server RSS MiB': rss.toFixed(0),
  };
}

/** How many of the notes sent a client joining afterwards finds on the board (the server refused none). */
async function storedNotes(
  server: RunningServer,
  w: Awaited<ReturnType<typeof createWorkshop>>,
  ids: string[],
): Promise<number> {
  const reader = connect(server, w.id, 'board', w.viewerToken);
  try {
    await synced(reader);
    const last = ids.at(-1);
    await waitFor(
      () => !last || boardRecords(reader.doc).get(last) !== undefined,
      'the last note',
      5000,
    ).catch(() => undefined);
    return ids.filter((id) => boardRecords(reader.doc).get(id) !== undefined).length;
  } finally {
    reader.destroy();
  }
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
