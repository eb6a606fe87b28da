// Vote benchmark: N participants each click D dots onto the board within a window, one dot per click;
// every click sends the participant's whole ballot (PUT /api/workshops/:id/ballot), as the phone and
// the list board do. Prints votes/s, p50/p99 from request to answer, and lost votes (dots acknowledged
// to a participant but missing from the revealed totals: must be 0). Never fails on time.
//
//   npx pnpm@10.34.8 bench:vote
//   BENCH_PARTICIPANTS=500 BENCH_DOTS=5 BENCH_SECONDS=10 BENCH_NOTES=10 npx pnpm@10.34.8 bench:vote
import { loadavg } from 'node:os';
import { dotsIn, type Ballot, type ParticipantCredential, type VoteResults } from '@samskapa/shared';
import { createWorkshop } from '../integration/helpers/clients';
import { startServer } from '../integration/helpers/server';
import {
  addNotes,
  call,
  connectFacilitator,
  disconnectParticipants,
  newVoter,
  openVoting,
  putBallot,
} from '../integration/helpers/voting';
import { cpuMeter, percentile, rssMiB } from './lib/procStats';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 500);
const DOTS = Number(process.env.BENCH_DOTS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const NOTES = Number(process.env.BENCH_NOTES ?? 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
try {
  const w = await createWorkshop(server, 'bench vote');
  const facilitator = await connectFacilitator(server, w);
  const notes = await addNotes(server, w, facilitator, NOTES);
  const round = await openVoting(server, w, facilitator, { budget: DOTS, perNoteCap: DOTS });

  // Everyone joins first (each browser opens the board, then gets its voter credential bound to it).
  const voters: ParticipantCredential[] = [];
  for (let i = 0; i < PARTICIPANTS; i += 100) {
    const batch = Math.min(100, PARTICIPANTS - i);
    voters.push(
      ...(await Promise.all(Array.from({ length: batch }, () => newVoter(server, w.id, w.participantToken)))),
    );
  }

  // Click k of participant i happens at (k·N + i)·window/(N·D): clicks evenly spread over the window,
  // each participant's clicks window/D apart. A click waits for the participant's previous answer,
  // as the UI sends one ballot at a time.
  const spacing = (SECONDS * 1000) / (PARTICIPANTS * DOTS);
  const latencies: number[] = [];
  const acknowledged: Ballot[] = voters.map(() => ({}));
  let refused = 0;
  let failed = 0;
  const cpu = cpuMeter(server.process.pid!);
  const t0 = performance.now();
  await Promise.all(
    voters.map(async (voter, i) => {
      const ballot: Ballot = {};
      for (let k = 0; k < DOTS; k++) {
        const at = t0 + (k * PARTICIPANTS + i) * spacing;
        const wait = at - performance.now();
        if (wait > 0) await sleep(wait);
        const note = notes[(i * 3 + k) % notes.length]!;
        ballot[note] = (ballot[note] ?? 0) + 1;
        const sent = performance.now();
        try {
          const answer = await putBallot(server, w.id, voter.secret, round, { ...ballot });
          latencies.push(performance.now() - sent);
          if (answer.status === 200) acknowledged[i] = answer.body.ballot;
          else refused++;
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpuPercent = cpu();

  const revealed = await call<VoteResults>(
    server,
    'POST',
    `/api/workshops/${w.id}/votes/reveal`,
    w.facilitatorToken,
  );
  const totals = revealed.body.totals;
  const expected: Record<string, number> = {};
  for (const ballot of acknowledged) {
    for (const [id, dots] of Object.entries(ballot)) expected[id] = (expected[id] ?? 0) + dots;
  }
  const ackDots = acknowledged.reduce((sum, b) => sum + dotsIn(b), 0);
  const lost = Object.entries(expected).reduce(
    (sum, [id, dots]) => sum + Math.max(0, dots - (totals[id] ?? 0)),
    0,
  );
  const extra = Object.entries(totals).reduce(
    (sum, [id, dots]) => sum + Math.max(0, dots - (expected[id] ?? 0)),
    0,
  );
  facilitator.destroy();
  disconnectParticipants();

  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `\nVote benchmark: ${PARTICIPANTS} participants × ${DOTS} dots, one PUT per dot, spread over ${SECONDS} s, ${NOTES} notes`,
  );
  console.table([
    {
      clicks: PARTICIPANTS * DOTS,
      'answered in s': elapsed.toFixed(2),
      'votes/s': Math.round(latencies.length / elapsed),
      'p50 ms': percentile(sorted, 0.5).toFixed(1),
      'p99 ms': percentile(sorted, 0.99).toFixed(1),
      'max ms': (sorted.at(-1) ?? NaN).toFixed(1),
      refused,
      failed,
      'dots acknowledged': ackDots,
      'dots revealed': Object.values(totals).reduce((a, b) => a + b, 0),
      'lost votes': lost,
      'extra votes': extra,
      'server CPU %': cpuPercent.toFixed(0),
      'peak server RSS MiB': rssMiB(server.process.pid!, 'VmHWM').toFixed(0),
    },
  ]);
  console.log(
    `voters in the revealed results: ${revealed.body.voters}, participants here: ${revealed.body.present}`,
  );
  // Other work on the machine shows in the latencies (the server's CPU share stays low when it waits).
  console.log(`load average during the run (1 min): ${loadavg()[0]!.toFixed(2)}`);
  console.log(
    `Reproduce: BENCH_PARTICIPANTS=${PARTICIPANTS} BENCH_DOTS=${DOTS} BENCH_SECONDS=${SECONDS} BENCH_NOTES=${NOTES} npx pnpm@10.34.8 bench:vote`,
  );
} finally {
  await server.stop();
}
