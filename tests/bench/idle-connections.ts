// Idle-connections benchmark: 500 workshops, 5 people each, every person with a board and a control socket
// and a presence state, all idle: 5,000 connections in one server process. Prints the server's RSS per room
// and per connection. Never fails on time.
//
//   npx pnpm@10.34.8 bench:idle-connections
//   BENCH_WORKSHOPS=500 BENCH_PEOPLE=5 npx pnpm@10.34.8 bench:idle-connections
import { createWorkshop } from '../integration/helpers/clients';
import { startServer } from '../integration/helpers/server';
import { rssMiB } from './lib/procStats';
import { DeliveryClock, ThinClient } from './lib/thinClient';

const WORKSHOPS = Number(process.env.BENCH_WORKSHOPS ?? 500);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = await startServer({
  env: {
    LOG_LEVEL: 'warn',
    CREATES_PER_HOUR: '1000000',
    MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  },
});
const pid = server.process.pid!;
const clock = new DeliveryClock();
const clients: ThinClient[] = [];
try {
  const workshops: Awaited<ReturnType<typeof createWorkshop>>[] = [];
  for (let i = 0; i < WORKSHOPS; i++) workshops.push(await createWorkshop(server, `Workshop ${i}`));
  await sleep(2000);
  const base = rssMiB(pid);

  /** One person's two sockets, as the browser opens them: sync step 1, then a presence state. */
  const person = async (w: (typeof workshops)[number], name: string) => {
    for (const kind of ['board', 'control']) {
      const c = await ThinClient.open(
        `${server.ws}/${w.id}/${kind}?token=${w.participantToken}`,
        clock,
        false,
      );
      c.present({ user: { name, color: '#0f766e' } });
      clients.push(c);
    }
  };
  // First one person per workshop: every room is loaded.
  for (const [i, w] of workshops.entries()) await person(w, `Första ${i}`);
  await sleep(3000);
  const withRooms = rssMiB(pid);
  const rooms = WORKSHOPS * 2;
  const firstConnections = clients.length;

  for (const [i, w] of workshops.entries()) {
    for (let p = 1; p < PEOPLE; p++) await person(w, `Deltagare ${i}-${p}`);
  }
  await sleep(5000);
  const all = rssMiB(pid);
  const metrics = await (await fetch(`${server.http}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1]);

  console.log(
    `\nIdle connections: ${WORKSHOPS} workshops × ${PEOPLE} people × 2 sockets, each with presence`,
  );
  console.table([
    {
      rooms: gauge('samskapa_rooms'),
      connections: gauge('samskapa_connections'),
      'RSS empty MiB': +base.toFixed(1),
      'RSS rooms loaded MiB': +withRooms.toFixed(1),
      'RSS all connected MiB': +all.toFixed(1),
      'KiB per room (with its first socket)': +(((withRooms - base) * 1024) / rooms).toFixed(1),
      'KiB per further connection': +(
        ((all - withRooms) * 1024) /
        (clients.length - firstConnections)
      ).toFixed(1),
    },
  ]);
  console.log(
    `Reproduce: BENCH_WORKSHOPS=${WORKSHOPS} BENCH_PEOPLE=${PEOPLE} npx pnpm@10.34.8 bench:idle-connections`,
  );
} finally {
  for (const c of clients) c.close();
  await server.stop();
}
