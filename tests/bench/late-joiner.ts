// Late-joiner benchmark: a 3-hour workshop with 1,000 notes in 20 focus areas (every edit sent through the
// server one update at a time), then a new official y-websocket client joins: time until it is synced and
// holds every record. Measured with the room in memory (warm) and right after a restart (cold: the document
// is loaded from SQLite first). Prints figures; never fails on time.
//
//   npx pnpm@10.34.8 bench:late-joiner
//   BENCH_NOTES=1000 BENCH_FRAMES=20 BENCH_JOINS=5 npx pnpm@10.34.8 bench:late-joiner
import { boardRecords } from '../../shared/src/index';
import { connect, createWorkshop, waitFor } from '../integration/helpers/clients';
import { startServer, type RunningServer } from '../integration/helpers/server';
import { percentile } from './lib/procStats';
import { simulateWorkshop } from './lib/workshopHistory';

const NOTES = Number(process.env.BENCH_NOTES ?? 1000);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 20);
const JOINS = Number(process.env.BENCH_JOINS ?? 5);

const server0 = await startServer({ env: { LOG_LEVEL: 'warn' } });
const w = await createWorkshop(server0, 'Sen deltagare');
const writer = connect(server0, w.id, 'board', w.facilitatorToken);
await waitFor(() => writer.provider.synced, 'writer synced');
const edits = simulateWorkshop(NOTES, FRAMES, 180);
for (const [i, edit] of edits.entries()) {
  edit.apply(writer.doc);
  if (i % 200 === 0) await new Promise((r) => setTimeout(r, 0)); // let the socket drain
}
const records = boardRecords(writer.doc).size;

/** Join as a participant; milliseconds until synced with every record present. */
async function join(server: RunningServer): Promise<number> {
  const start = performance.now();
  const c = connect(server, w.id, 'board', w.participantToken);
  await waitFor(
    () => c.provider.synced && boardRecords(c.doc).size === records,
    'late joiner has every record',
    60_000,
  );
  const ms = performance.now() - start;
  c.destroy();
  return ms;
}

// The writer's last edits must be on the server before anyone measures.
await join(server0);
writer.destroy();
const warm: number[] = [];
for (let i = 0; i < JOINS; i++) warm.push(await join(server0));

const cold: number[] = [];
let server = server0;
for (let i = 0; i < JOINS; i++) {
  await server.stop();
  server = await startServer({ dataDir: server0.dataDir, port: server0.port, env: { LOG_LEVEL: 'warn' } });
  cold.push(await join(server));
}
await server.stop();

const row = (name: string, ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    room: name,
    joins: ms.length,
    'min ms': +sorted[0]!.toFixed(1),
    'median ms': +percentile(sorted, 0.5).toFixed(1),
    'max ms': +sorted[sorted.length - 1]!.toFixed(1),
  };
};
console.log(
  `\nLate joiner: ${edits.length} edits over 3 simulated hours, ${records} records (${NOTES} notes, ${FRAMES} focus areas)`,
);
console.table([row('warm (in memory)', warm), row('cold (loaded from SQLite after a restart)', cold)]);
console.log(
  `Reproduce: BENCH_NOTES=${NOTES} BENCH_FRAMES=${FRAMES} BENCH_JOINS=${JOINS} npx pnpm@10.34.8 bench:late-joiner`,
);
