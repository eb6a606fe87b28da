import { CloseCode } from '@samskapa/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  createWorkshop,
  notes,
  setNote,
  synced,
  waitFor,
  writeContinuously,
  type Client,
} from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import {
  addNotes,
  askCredential,
  call,
  connectFacilitator,
  connectParticipant,
  disconnectParticipants,
  openVoting,
  putBallot,
} from './helpers/voting';
import {
  startBalancer,
  startPostgres,
  startRedis,
  type TestBalancer,
  type TestPostgres,
  type TestRedis,
} from './helpers/services';

const SECRET_KEY = 'samskapa-scaleout-test-key-0123456789abcdef';
type Presence = { user?: { name?: string }; cursor?: { x: number } };

const count = (c: Client) => Object.keys(notes(c.doc)).length;
const presenceOf = (watcher: Client, other: Client) =>
  watcher.provider.awareness.getStates().get(other.doc.clientID) as Presence | undefined;
const connectedAndSynced = (c: Client) => c.provider.wsconnected && c.provider.synced;

/** One client on each process, both synced, each having written one note the other has seen. */
async function pairWithNotes(
  open: (...args: Parameters<typeof connect>) => Client,
  a: RunningServer,
  b: RunningServer,
  w: { id: string; participantToken: string },
) {
  const onA = open(a, w.id, 'board', w.participantToken);
  const onB = open(b, w.id, 'board', w.participantToken);
  await Promise.all([onA, onB].map(synced));
  setNote(onA.doc, 'före-a', 'före avbrottet');
  setNote(onB.doc, 'före-b', 'före avbrottet');
  await waitFor(() => count(onA) === 2 && count(onB) === 2, 'both see the notes written before the outage');
  return { onA, onB };
}

/** Ten notes from each client, 50 ms apart, while the processes cannot reach each other. */
async function writeDuringOutage(onA: Client, onB: Client) {
  for (let i = 0; i < 10; i++) {
    setNote(onA.doc, `under-a${i}`, `under avbrottet ${i}`);
    setNote(onB.doc, `under-b${i}`, `under avbrottet ${i}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('several server processes behind a load balancer, sharing PostgreSQL and Redis', () => {
  let pg: TestPostgres;
  let redis: TestRedis;
  const clients: Client[] = [];
  const servers: RunningServer[] = [];
  const balancers: TestBalancer[] = [];
  let databases = 0;

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) await s.kill9();
    for (const b of balancers.splice(0)) await b.close();
    // A test that stopped Redis leaves it running for the next one.
    await redis.stop();
    await redis.start();
  });
  afterAll(async () => {
    await redis?.stop();
    await pg?.stop();
  });

  const open = (...args: Parameters<typeof connect>) => {
    const c = connect(...args);
    clients.push(c);
    return c;
  };
  /** Server processes on one fresh database, with Redis unless `redis: false`; `env` starts more. */
  const cluster = async (processes: number, options: { redis?: boolean } = {}) => {
    const env: Record<string, string> = {
      DATABASE_URL: pg.createDatabase(`scaleout_${++databases}`),
      SECRET_KEY,
      AWARENESS_FLUSH_MS: '50',
    };
    if (options.redis !== false) env.REDIS_URL = redis.url;
    const start = async (more: Record<string, string> = {}) => {
      const server = await startServer({ env: { ...env, ...more } });
      servers.push(server);
      return server;
    };
    const started = await Promise.all(Array.from({ length: processes }, () => start()));
    return { a: started[0]!, b: started[1]!, start };
  };

  it('clients on two processes see each other’s notes, agenda and presence', async () => {
    const { a, b } = await cluster(2);
    const w = await createWorkshop(a);
    // The join code and participant link handed out by one process work on the other.
    const joined = await fetch(`${b.http}/api/join/${w.joinCode}`);
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as { participantToken: string }).participantToken).toBe(w.participantToken);

    const onA = open(a, w.id, 'board', w.participantToken);
    const onB = open(b, w.id, 'board', w.participantToken);
    const facilitator = open(a, w.id, 'control', w.facilitatorToken);
    const projector = open(b, w.id, 'control', w.viewerToken);
    await Promise.all([onA, onB, facilitator, projector].map(synced));

    for (let i = 0; i < 20; i++) {
      setNote(onA.doc, `a${i}`, `från A ${i}`);
      setNote(onB.doc, `b${i}`, `från B ${i}`);
    }
    facilitator.doc.getMap('agenda').set('current', 'Prioritering');
    await waitFor(() => count(onA) === 40 && count(onB) === 40, 'both clients see all 40 notes');
    expect(notes(onA.doc)).toEqual(notes(onB.doc));
    await waitFor(
      () => projector.doc.getMap('agenda').get('current') === 'Prioritering',
      'the projector on B follows the agenda set on A',
    );

    onA.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    onB.provider.awareness.setLocalStateField('user', { name: 'Bertil' });
    await waitFor(() => presenceOf(onB, onA)?.user?.name === 'Anna', 'B sees Anna on A');
    await waitFor(() => presenceOf(onA, onB)?.user?.name === 'Bertil', 'A sees Bertil on B');
    onA.provider.awareness.setLocalStateField('cursor', { x: 42 });
    await waitFor(() => presenceOf(onB, onA)?.cursor?.x === 42, 'B sees the cursor move on A');
    // Leaving removes the presence on the other process too.
    onA.provider.disconnect();
    await waitFor(() => presenceOf(onB, onA) === undefined, 'B no longer shows Anna after she left');
  });

  it('someone joining on a second process sees who is already there at once, not at their next renewal', async () => {
    const { a, b } = await cluster(2);
    const w = await createWorkshop(a);
    const anna = open(a, w.id, 'board', w.participantToken);
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await synced(anna);
    // B has not loaded the room yet; the first client there must see Anna well before the 15 s renewal.
    const started = Date.now();
    const bertil = open(b, w.id, 'board', w.participantToken);
    await waitFor(
      () => presenceOf(bertil, anna)?.user?.name === 'Anna',
      'Bertil on B sees Anna on A',
      20_000,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('deleting a workshop on one process closes its sockets on the other with 4404', async () => {
    const { a, b } = await cluster(2);
    const w = await createWorkshop(a);
    const onB = open(b, w.id, 'board', w.participantToken);
    await synced(onB);
    setNote(onB.doc, 'n', 'raderas');
    const res = await fetch(`${a.http}/api/workshops/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(res.status).toBe(204);
    await waitFor(() => onB.closedFor !== null, 'the client on B is told');
    expect(onB.closedFor?.code).toBe(CloseCode.notFound);
  });

  it('kill -9 of one process while clients write: its clients move to the other and nothing is lost', async () => {
    const { a, b, start } = await cluster(2);
    const w = await createWorkshop(a);
    // Two entry points of one load balancer: each prefers its own process and fails over to the other.
    const [toA, toB] = await Promise.all([startBalancer([a.port, b.port]), startBalancer([b.port, a.port])]);
    balancers.push(toA, toB);
    const writers = [
      open(toA, w.id, 'board', w.participantToken),
      open(toA, w.id, 'board', w.participantToken),
    ];
    writers.push(open(toB, w.id, 'board', w.participantToken));
    await Promise.all(writers.map(synced));
    expect(toA.routed).toEqual([a.port, a.port]);

    const writing = writeContinuously(writers);
    await waitFor(() => writing.written() > 50, 'clients have written for a while');
    await a.kill9();
    // Writes go on while A's clients find their way to B.
    await new Promise((r) => setTimeout(r, 500));
    const expected = (await writing.stop()) * writers.length;

    await waitFor(() => writers.every(connectedAndSynced), 'every writer is connected again');
    expect(toA.routed.slice(2).every((port) => port === b.port)).toBe(true);
    await waitFor(
      () => writers.every((c) => count(c) === expected),
      `every writer sees all ${expected} writes`,
    );
    const fresh = open(b, w.id, 'board', w.viewerToken);
    await synced(fresh);
    await waitFor(() => count(fresh) === expected, `a fresh client sees all ${expected} writes`);

    // And PostgreSQL has them all: a process started afterwards, with no room loaded, serves them.
    const c = await start();
    const later = open(c, w.id, 'board', w.viewerToken);
    await synced(later);
    await waitFor(() => count(later) === expected, 'a new process serves every write from PostgreSQL');
  });

  it('Redis restarted mid-workshop: writes made during the outage on both processes reach everyone', async () => {
    const { a, b } = await cluster(2);
    const w = await createWorkshop(a);
    const { onA, onB } = await pairWithNotes(open, a, b, w);

    await redis.stop();
    await writeDuringOutage(onA, onB);
    // Each process keeps serving its own clients while Redis is away.
    const connectedDuring = open(a, w.id, 'board', w.viewerToken);
    await synced(connectedDuring);
    await waitFor(() => count(connectedDuring) >= 12, 'a client joining A during the outage sees A’s notes');
    await redis.start();

    await waitFor(() => count(onA) === 22 && count(onB) === 22, 'after Redis is back both see all 22 notes');
    expect(notes(onA.doc)).toEqual(notes(onB.doc));
    await waitFor(() => count(connectedDuring) === 22, 'the client that joined during the outage catches up');
    // Live fan-out works again, for notes and presence.
    setNote(onB.doc, 'efter-b', 'efter avbrottet');
    onB.provider.awareness.setLocalStateField('user', { name: 'Bertil' });
    await waitFor(
      () => notes(onA.doc)['efter-b'] === 'efter avbrottet',
      'a note written afterwards reaches A',
    );
    await waitFor(() => presenceOf(onA, onB)?.user?.name === 'Bertil', 'presence crosses processes again');
    const fresh = open(b, w.id, 'board', w.viewerToken);
    await synced(fresh);
    await waitFor(() => count(fresh) === 23, 'a fresh client sees every note');
  });

  it('one process cut off from Redis for a while: writes on both sides reach everyone once it is back', async () => {
    // B stays connected to Redis throughout, so it never resyncs by itself: A must tell it to.
    const link = await startBalancer([redis.port]);
    balancers.push(link);
    const { a: b, start } = await cluster(1);
    const a = await start({ REDIS_URL: `redis://127.0.0.1:${link.port}` });
    const w = await createWorkshop(a);
    const { onA, onB } = await pairWithNotes(open, a, b, w);

    link.cut();
    await writeDuringOutage(onA, onB);
    expect(Object.keys(notes(onB.doc)).filter((k) => k.startsWith('under-a'))).toEqual([]);
    link.restore();

    await waitFor(() => count(onA) === 22 && count(onB) === 22, 'after the cut both see all 22 notes');
    expect(notes(onA.doc)).toEqual(notes(onB.doc));
  });

  it('PostgreSQL down for a while: the writer is told, the servers stay up, and nothing is lost', async () => {
    const { a, b } = await cluster(2);
    const w = await createWorkshop(a);
    const { onA, onB } = await pairWithNotes(open, a, b, w);

    pg.pause();
    setNote(onA.doc, 'under-a', 'under avbrottet');
    await waitFor(
      () => onA.closes.includes(CloseCode.storeFailed),
      'the writer is told its change was not stored',
    );
    // Not stored means not shown to anyone else either.
    expect(notes(onB.doc)['under-a']).toBeUndefined();
    await pg.resume();

    // The client reconnects on its own and its sync resends the change.
    await waitFor(() => notes(onB.doc)['under-a'] === 'under avbrottet', 'the change reaches B once stored');
    setNote(onB.doc, 'efter-b', 'efter avbrottet');
    await waitFor(() => count(onA) === 4, 'A sees everything written around the outage');
    expect(a.process.exitCode).toBeNull();
    expect(b.process.exitCode).toBeNull();
    const fresh = open(b, w.id, 'board', w.viewerToken);
    await synced(fresh);
    await waitFor(() => count(fresh) === 4, 'a fresh client sees every note');
  });

  it('one process with PostgreSQL and no Redis keeps everything in the database', async () => {
    const { a, start } = await cluster(1, { redis: false });
    const w = await createWorkshop(a);
    const writer = open(a, w.id, 'board', w.participantToken);
    await synced(writer);
    for (let i = 0; i < 30; i++) setNote(writer.doc, `n${i}`, `lapp ${i}`);
    const observer = open(a, w.id, 'board', w.viewerToken);
    await synced(observer);
    await waitFor(() => count(observer) === 30, 'the observer sees 30 notes');
    writer.destroy();
    await a.kill9();
    // A new process with an empty data directory: everything comes from PostgreSQL.
    const b = await start();
    const fresh = open(b, w.id, 'board', w.viewerToken);
    await synced(fresh);
    await waitFor(() => count(fresh) === 30, 'all 30 notes come back from PostgreSQL');
  });

  it('a voter credential asked of one process binds to the board open on another; "here" counts both processes, and a crashed one’s boards stop counting while their ballots still do', async () => {
    const { start } = await cluster(0);
    const [a, b] = await Promise.all([
      start({ SESSION_RENEW_MS: '200' }),
      start({ SESSION_RENEW_MS: '200' }),
    ]);
    const w = await createWorkshop(a);
    const progress = async (server: RunningServer) =>
      (
        await call<{ voters: number; present: number }>(
          server,
          'GET',
          `/api/workshops/${w.id}/votes`,
          w.facilitatorToken,
        )
      ).body;
    const f = await connectFacilitator(b, w);
    clients.push(f.board, f.control);
    try {
      const [note] = await addNotes(b, w, f, 1);
      const round = await openVoting(b, w, f);
      const onA = await connectParticipant(a, w.id, w.participantToken);
      const onB = await connectParticipant(b, w.id, w.participantToken);
      // Each asks the process that does not hold its board.
      const voterA = await askCredential(b, w.id, w.participantToken, onA.session);
      const voterB = await askCredential(a, w.id, w.participantToken, onB.session);
      expect([voterA.status, voterB.status]).toEqual([201, 201]);
      expect(await askCredential(a, w.id, w.participantToken, onA.session)).toMatchObject({
        status: 409,
        body: { error: 'session_taken' },
      });
      expect((await putBallot(a, w.id, voterA.body.secret, round, { [note!]: 2 })).status).toBe(200);
      expect((await putBallot(b, w.id, voterB.body.secret, round, { [note!]: 1 })).status).toBe(200);
      expect(await progress(a)).toMatchObject({ voters: 2, present: 2 });
      expect(await progress(b)).toMatchObject({ voters: 2, present: 2 });

      // A dies without closing anything: its phone is no longer here once A has missed its renewals.
      await a.kill9();
      const deadline = Date.now() + 20_000;
      while ((await progress(b)).present !== 1) {
        if (Date.now() > deadline) throw new Error('the crashed process’s board still counts as here');
        await new Promise((r) => setTimeout(r, 100));
      }
      const revealed = await call(b, 'POST', `/api/workshops/${w.id}/votes/reveal`, w.facilitatorToken);
      expect(revealed.body).toEqual({ round, totals: { [note!]: 3 }, voters: 2, present: 1 });
    } finally {
      disconnectParticipants();
    }
  });

  it('a process given DATABASE_URL without SECRET_KEY refuses to start and says why', async () => {
    const attempt = startServer({ env: { DATABASE_URL: pg.url } });
    await expect(attempt).rejects.toThrow(/SECRET_KEY: must be set, the same on every process/);
  });
});
