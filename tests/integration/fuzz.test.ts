import { boardRecords, CloseCode, type StoredRecord } from '@samskapa/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, createWorkshop, notes, setNote, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

/** How long each fuzz run lasts; override with FUZZ_SECONDS, reproduce with FUZZ_SEED. */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const MAX_MESSAGE = 64 * 1024;

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, bytes, pick };
}
type Rng = ReturnType<typeof random>;

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p);
    else encoding.writeVarUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

/** A note as the board's own client writes it (accepted on a board from a participant or facilitator). */
function validUpdate(rng: Rng): Uint8Array {
  const d = new Y.Doc();
  setNote(d, `fuzz-${rng.int(1e9)}`, 'x'.repeat(rng.int(200)));
  return Y.encodeStateAsUpdate(d);
}

/** One hostile or odd message; each kind is something a broken or malicious client could send. */
const generators: Record<string, (rng: Rng) => Uint8Array | string> = {
  randomBytes: (rng) => rng.bytes(1 + rng.int(300)),
  randomSyncPayload: (rng) => frame(0, rng.int(4), rng.bytes(rng.int(300))),
  truncatedUpdate: (rng) => {
    const m = frame(0, 2, validUpdate(rng));
    return m.slice(0, 1 + rng.int(m.length - 1));
  },
  flippedByteUpdate: (rng) => {
    const m = frame(0, 2, validUpdate(rng));
    const at = 2 + rng.int(m.length - 2);
    m[at] = m[at]! ^ (1 << rng.int(8));
    return m;
  },
  randomStep1: (rng) => frame(0, 0, rng.bytes(rng.int(40))),
  randomAwareness: (rng) => frame(1, rng.bytes(rng.int(200))),
  awarenessBadJson: (rng) =>
    frame(1, frame(1, rng.int(1e6), rng.int(100), new TextEncoder().encode('{not json'))),
  oversized: (rng) => frame(0, 2, rng.bytes(MAX_MESSAGE + rng.int(MAX_MESSAGE))),
  beyondHardCap: (rng) => rng.bytes(MAX_MESSAGE * 4 + 10),
  unknownType: (rng) => frame(4 + rng.int(100), rng.bytes(rng.int(20))),
  text: (rng) => 'x'.repeat(rng.int(100)),
  empty: () => new Uint8Array(0),
  validUpdate: (rng) => frame(0, 2, validUpdate(rng)),
  queryAwareness: () => frame(3),
};

describe(`fuzzing the sync protocol and the REST routes (seed ${SEED}, ${SECONDS} s each)`, () => {
  let server: RunningServer;
  let w: Awaited<ReturnType<typeof createWorkshop>>;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startServer({
      env: {
        MAX_MESSAGE_BYTES: String(MAX_MESSAGE),
        LOG_LEVEL: 'warn',
        JOIN_MISSES_PER_10_MINUTES: '100000',
      },
    });
    w = await createWorkshop(server);
    clients.push(connect(server, w.id, 'board', w.participantToken));
    clients.push(connect(server, w.id, 'board', w.participantToken));
    await Promise.all(clients.map(synced));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    expect(await server.stop()).toBe(0);
  });

  /** Two well-behaved clients in the fuzzed room still see each other's notes. */
  async function wellBehavedStillSync(key: string) {
    const [a, b] = clients as [Client, Client];
    setNote(a.doc, key, 'ok');
    await waitFor(() => notes(b.doc)[key] === 'ok', `well-behaved clients sync ${key}`);
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  }

  it('random, truncated, corrupted and oversized frames never crash the server or disturb the room', async () => {
    const rng = random(SEED);
    const tokens = [w.participantToken, w.viewerToken, w.facilitatorToken];
    const counts: Record<string, number> = {};
    const closeCodes = new Map<number, number>();
    const deadline = Date.now() + SECONDS * 1000;
    let round = 0;
    while (Date.now() < deadline) {
      // A few sockets at once, each sending a short burst of generated messages.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const ws = new WebSocket(
            `${server.ws}/${w.id}/${rng.pick(['board', 'control'])}?token=${rng.pick(tokens)}`,
          );
          const closed = new Promise<number>((res) => ws.on('close', (code) => res(code)));
          ws.on('error', () => {});
          await new Promise((res) => ws.once('open', res));
          for (let i = 0; i < 1 + rng.int(4); i++) {
            const kind = rng.pick(Object.keys(generators));
            counts[kind] = (counts[kind] ?? 0) + 1;
            if (ws.readyState === WebSocket.OPEN) ws.send(generators[kind]!(rng));
          }
          setTimeout(() => ws.close(), 200);
          const code = await closed;
          closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
        }),
      );
      if (++round % 10 === 0) await wellBehavedStillSync(`round-${round}`);
    }
    expect(server.process.exitCode).toBeNull();
    await wellBehavedStillSync('after-fuzz');
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);
    // Every close is either our own, or one of the server's documented codes (a corrupted update can
    // still decode, into something that is not a valid board record: refused).
    for (const code of closeCodes.keys())
      expect([1000, 1005, 1009, CloseCode.badMessage, CloseCode.refused, CloseCode.tooLarge]).toContain(code);
    // eslint-disable-next-line no-console -- what the run covered, to read next to its seed
    console.log(
      `ws fuzz: ${round} rounds, messages by kind ${JSON.stringify(counts)}, closes ${JSON.stringify([...closeCodes])}`,
    );
  });

  it('records that fail the tldraw schema are refused with 4409, and the room goes on without them', async () => {
    const bad: StoredRecord[] = [
      { id: 'shape:bad1', typeName: 'shape', type: 'note', props: 'not an object' },
      { id: 'shape:bad2', typeName: 'no-such-type' },
      { id: 'page:bad3', typeName: 'page', name: 42, index: null },
    ];
    // Each from a writer of its own: the first refusal closes the writer's socket for good.
    for (const record of bad) {
      const writer = connect(server, w.id, 'board', w.participantToken);
      await synced(writer);
      boardRecords(writer.doc).set(record.id, record);
      await waitFor(() => writer.closedFor !== null, `the writer of ${record.id} is told`);
      expect(writer.closedFor?.code).toBe(CloseCode.refused);
      writer.destroy();
    }
    await wellBehavedStillSync('after-bad-records');
    for (const { id } of bad) expect(boardRecords(clients[0]!.doc).has(id)).toBe(false);
  });

  it('random requests to every REST route get 4xx answers, never 5xx, and the server stays up', async () => {
    const rng = random(SEED + 1);
    const paths = [
      '/api/workshops',
      `/api/workshops/${w.id}`,
      '/api/workshops/%00%ff',
      `/api/join/${w.joinCode}`,
      '/api/join/',
      '/api/join/%E2%82',
      '/api/config',
      '/healthz',
      '/metrics',
      '/sync/x/board',
      '/../../etc/passwd',
      '/w/..%2f..%2fpackage.json',
    ];
    const bodies = [
      () => JSON.stringify({ title: 'x'.repeat(rng.int(300)) }),
      () => JSON.stringify({ title: rng.int(5), template: {}, locale: [] }),
      () => '{"__proto__":{"admin":true},"title":"x"}',
      () => '{"constructor":{"prototype":{"x":1}},"title":"x"}',
      () => Buffer.from(rng.bytes(rng.int(500))).toString('latin1'),
      () => 'x'.repeat(70 * 1024),
      () => '',
    ];
    const statuses = new Map<number, number>();
    const deadline = Date.now() + SECONDS * 1000;
    while (Date.now() < deadline) {
      const method = rng.pick(['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS']);
      const headers: Record<string, string> = {
        'content-type': rng.pick([
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
        ]),
      };
      if (rng.next() < 0.5)
        headers.authorization = rng.pick([
          `Bearer ${w.viewerToken}`,
          'Bearer ',
          'Basic xx',
          `Bearer ${'a'.repeat(5000)}`,
        ]);
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const res = await fetch(`${server.http}${rng.pick(paths)}`, {
        method,
        headers,
        body: hasBody ? rng.pick(bodies)() : undefined,
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${method} answered ${res.status}`).toBeLessThan(500);
    }
    expect(server.process.exitCode).toBeNull();
    const after = await fetch(`${server.http}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(after.status).toBe(200);
    // eslint-disable-next-line no-console -- what the run covered, to read next to its seed
    console.log(`REST fuzz: statuses ${JSON.stringify([...statuses])}`);
  });
});
