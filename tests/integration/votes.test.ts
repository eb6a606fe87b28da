import {
  dotsIn,
  idleTimer,
  readBoardDoc,
  readControl,
  readControlField,
  setGroupsSelfSelect,
  startGroups,
  startTimer,
  writeControlField,
  writeGroupsOfStep,
  assignToGroup,
  type Ballot,
  type CreateWorkshopResponse,
  type ParticipantCredential,
  type VoteProgress,
  type VoteResults,
} from '@samskapa/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openPostgresStore } from '../../server/src/store/postgres/postgresStore';
import { openSqliteStore } from '../../server/src/store/sqlite/sqliteStore';
import type { Store } from '../../server/src/store/types';
import { connect, createWorkshop, synced, waitFor } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import { startPostgres, type TestPostgres } from './helpers/services';
import { queryStoreFile } from './helpers/sqlite';
import {
  addNotes,
  call,
  closeVoting,
  connectFacilitator,
  getBallot,
  newVoter,
  openVoting,
  putBallot,
  serverControlShows,
  type Facilitator,
} from './helpers/voting';
import { workshopRow } from './helpers/workshopRow';

const reveal = (server: RunningServer, w: CreateWorkshopResponse, token = w.facilitatorToken) =>
  call<VoteResults & { error?: string }>(server, 'POST', `/api/workshops/${w.id}/votes/reveal`, token);
const progress = (server: RunningServer, w: CreateWorkshopResponse, token = w.facilitatorToken) =>
  call<VoteProgress>(server, 'GET', `/api/workshops/${w.id}/votes`, token);

/** Dots per note over many ballots, added up by the test itself. */
function sum(ballots: Ballot[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const ballot of ballots)
    for (const [id, dots] of Object.entries(ballot)) totals[id] = (totals[id] ?? 0) + dots;
  return totals;
}

/** A ballot of `budget` dots over `notes`, at most `cap` on one, decided by `seed` (no randomness in tests). */
function ballotFor(seed: number, notes: string[], budget: number, cap: number): Ballot {
  const ballot: Ballot = {};
  let left = budget - (seed % 3); // some spend all their dots, some not
  for (let i = 0; left > 0 && i < notes.length * cap; i++) {
    const id = notes[(seed * 7 + i * 3) % notes.length]!;
    if ((ballot[id] ?? 0) < cap) {
      ballot[id] = (ballot[id] ?? 0) + 1;
      left--;
    }
  }
  return ballot;
}

/**
 * A participant's raw y-websocket connection: it records every message the server sends and applies
 * the document updates to its own doc, as a modified client would to read what it can.
 */
class RawPeer {
  readonly doc = new Y.Doc();
  readonly received: Buffer[] = [];
  private replies = 0;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.received.push(Buffer.from(data));
      const d = decoding.createDecoder(data);
      if (decoding.readVarUint(d) !== 0) return;
      const syncType = decoding.readVarUint(d);
      if (syncType === 1) this.replies++;
      if (syncType === 1 || syncType === 2) Y.applyUpdate(this.doc, decoding.readVarUint8Array(d));
    });
  }

  static async open(server: RunningServer, workshopId: string, kind: 'board' | 'control', token: string) {
    const ws = new WebSocket(`${server.ws}/${workshopId}/${kind}?token=${encodeURIComponent(token)}`);
    const peer = new RawPeer(ws);
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    await peer.roundTrip();
    return peer;
  }

  send(syncType: number, payload: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
    this.ws.send(encoding.toUint8Array(e));
  }

  /**
   * Ask for what the server has and wait for the answer: the server handles a socket's messages in
   * order, so everything sent before has been handled, and everything it had to send has arrived.
   */
  async roundTrip(): Promise<void> {
    const before = this.replies;
    this.send(0, Y.encodeStateVector(this.doc));
    await waitFor(() => this.replies > before, 'the server answered sync step 1');
  }

  /** Whether any message received so far contains `text` (UTF-8, as Yjs encodes strings). */
  saw(text: string): boolean {
    return this.received.some((m) => m.includes(text));
  }

  close(): void {
    this.ws.close();
    this.doc.destroy();
  }
}

describe('dot voting counted by the server', () => {
  let server: RunningServer;
  const open: Facilitator[] = [];
  const facilitate = async (w: CreateWorkshopResponse) => {
    const f = await connectFacilitator(server, w);
    open.push(f);
    return f;
  };
  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'warn' } });
  });
  afterAll(async () => {
    for (const f of open) f.destroy();
    await server?.stop();
  });

  it('60 participants voting at the same moment all count, and no one spends more than the budget', async () => {
    const w = await createWorkshop(server, 'Storgruppen');
    const f = await facilitate(w);
    const notes = await addNotes(server, w, f, 5);
    const round = await openVoting(server, w, f, { budget: 5, perNoteCap: 2 });
    const voters = await Promise.all(
      Array.from({ length: 60 }, () => newVoter(server, w.id, w.participantToken)),
    );
    expect(new Set(voters.map((v) => v.participantId)).size).toBe(60);

    const answers = await Promise.all(
      voters.map((v, i) => putBallot(server, w.id, v.secret, round, ballotFor(i, notes, 5, 2))),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const answered = answers.map((a) => a.body.ballot);
    expect(answered).toEqual(voters.map((_, i) => ballotFor(i, notes, 5, 2)));
    for (const ballot of answered) {
      expect(dotsIn(ballot)).toBeLessThanOrEqual(5);
      expect(Math.max(...Object.values(ballot))).toBeLessThanOrEqual(2);
    }
    const expected = sum(answered);
    const dots = Object.values(expected).reduce((a, b) => a + b, 0);

    // The facilitator sees how far the vote has got, not who voted what.
    expect((await progress(server, w)).body).toEqual({ round, voters: 60, dots });

    const revealed = await reveal(server, w);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ round, totals: expected, voters: 60 });
    await waitFor(
      () => readControlField(f.control.doc, 'voting').phase === 'revealed',
      'the facilitator sees the reveal',
    );
    expect(readControlField(f.control.doc, 'results')).toEqual({ round, totals: expected, voters: 60 });
  });

  it('a modified client cannot vote over budget, over the cap, on a note that is not votable, twice or as someone else, and a refusal changes nothing', async () => {
    const w = await createWorkshop(server, 'Referensgruppen', 'referensgrupp');
    const f = await facilitate(w);
    const reference = readBoardDoc(f.board.doc).notes.find((n) => n.reference);
    expect(reference).toBeDefined();
    const [n1, n2, n3] = await addNotes(server, w, f, 3);
    const a = await newVoter(server, w.id, w.participantToken);
    const b = await newVoter(server, w.id, w.participantToken);
    const ballotUrl = `/api/workshops/${w.id}/ballot`;

    // Before voting opens.
    expect((await getBallot(server, w.id, a.secret)).body).toEqual({
      round: 0,
      phase: 'closed',
      settings: { budget: 5, perNoteCap: 2 },
      ballot: {},
    });
    expect(await putBallot(server, w.id, a.secret, 1, { [n1!]: 1 })).toMatchObject({
      status: 409,
      body: { error: 'votingClosed' },
    });

    const round = await openVoting(server, w, f, { budget: 5, perNoteCap: 2 });
    const first = await putBallot(server, w.id, a.secret, round, { [n1!]: 2, [n2!]: 1, [n3!]: 0 });
    expect(first).toMatchObject({
      status: 200,
      body: { round, phase: 'open', ballot: { [n1!]: 2, [n2!]: 1 } },
    });
    const bBallot = { [n3!]: 1 };
    expect((await putBallot(server, w.id, b.secret, round, bBallot)).status).toBe(200);

    const refusals: [Ballot, number, string][] = [
      [{ [n1!]: 2, [n2!]: 2, [n3!]: 2 }, 422, 'overBudget'],
      [{ [n1!]: 3 }, 422, 'overCap'],
      [{ 'shape:noSuchNote': 1 }, 422, 'unknownNote'],
      [{ [reference!.id]: 1 }, 422, 'unknownNote'],
      [{ [n1!]: 1, [n2!]: 1, [n3!]: 1, [reference!.id]: 1, 'shape:x': 1, 'shape:y': 1 }, 422, 'tooManyNotes'],
    ];
    for (const [ballot, status, error] of refusals) {
      expect(await putBallot(server, w.id, a.secret, round, ballot), error).toMatchObject({
        status,
        body: { error },
      });
    }
    expect(await putBallot(server, w.id, a.secret, round + 1, { [n1!]: 1 })).toMatchObject({
      status: 409,
      body: { error: 'staleRound' },
    });
    // Malformed bodies: the field is named; a ballot cannot name its voter.
    const malformed = [
      { round, ballot: { [n1!]: -1 } },
      { round, ballot: { 'not-a-note': 1 } },
      { round: 0, ballot: {} },
      { round, ballot: { [n1!]: 1 }, participantId: b.participantId },
    ];
    for (const body of malformed) {
      const answer = await call<{ error: string; message: string }>(server, 'PUT', ballotUrl, a.secret, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toBe('invalid_request');
    }
    // Without a credential of this workshop: nobody.
    const other = await createWorkshop(server, 'Annan workshop');
    const outsider = await newVoter(server, other.id, other.participantToken);
    for (const secret of ['made-up-secret', outsider.secret, w.participantToken, w.facilitatorToken, '']) {
      expect((await putBallot(server, w.id, secret, round, { [n1!]: 1 })).status, secret).toBe(401);
    }
    expect((await call(server, 'GET', ballotUrl)).status).toBe(401);

    // Every refusal left the ballots as they were.
    expect((await getBallot(server, w.id, a.secret)).body.ballot).toEqual({ [n1!]: 2, [n2!]: 1 });
    expect((await getBallot(server, w.id, b.secret)).body.ballot).toEqual(bBallot);

    // Voting again replaces the ballot: dots are never added to the earlier ones.
    const second = await putBallot(server, w.id, a.secret, round, { [n3!]: 2, [n1!]: 2 });
    expect(second.body.ballot).toEqual({ [n3!]: 2, [n1!]: 2 });
    expect((await getBallot(server, w.id, a.secret)).body.ballot).toEqual({ [n3!]: 2, [n1!]: 2 });
    expect((await progress(server, w)).body).toEqual({ round, voters: 2, dots: 5 });

    // Participants may not see progress or reveal.
    expect((await progress(server, w, w.participantToken)).status).toBe(403);
    expect((await reveal(server, w, w.participantToken)).status).toBe(403);
    expect((await reveal(server, w, a.secret)).status).toBe(401);

    // Stopped: refused, and the ballot stays.
    await closeVoting(server, w, f);
    expect(await putBallot(server, w.id, a.secret, round, { [n2!]: 1 })).toMatchObject({
      status: 409,
      body: { error: 'votingClosed' },
    });
    expect((await getBallot(server, w.id, a.secret)).body).toMatchObject({
      phase: 'closed',
      ballot: { [n3!]: 2, [n1!]: 2 },
    });

    const revealed = await reveal(server, w);
    expect(revealed.body).toEqual({ round, totals: { [n1!]: 2, [n3!]: 3 }, voters: 2 });

    // A new round starts empty; the old round's number is stale.
    const next = await openVoting(server, w, f);
    expect(next).toBe(round + 1);
    expect((await getBallot(server, w.id, a.secret)).body).toMatchObject({
      round: next,
      phase: 'open',
      ballot: {},
    });
    expect((await putBallot(server, w.id, a.secret, round, { [n2!]: 1 })).body.error).toBe('staleRound');
  });

  it('a ballot answered while the facilitator reveals is in the totals, and none is taken after', async () => {
    const w = await createWorkshop(server, 'Kapplöpning');
    const f = await facilitate(w);
    const notes = await addNotes(server, w, f, 5);
    const round = await openVoting(server, w, f);
    const voters = await Promise.all(
      Array.from({ length: 40 }, () => newVoter(server, w.id, w.participantToken)),
    );
    const puts = voters.map((v, i) => putBallot(server, w.id, v.secret, round, ballotFor(i, notes, 5, 2)));
    const revealed = await reveal(server, w);
    const answers = await Promise.all(puts);
    const accepted = answers.filter((a) => a.status === 200).map((a) => a.body.ballot);
    for (const a of answers) if (a.status !== 200) expect(a.body.error).toBe('votingClosed');
    expect(revealed.body.totals).toEqual(sum(accepted));
    expect(revealed.body.voters).toBe(accepted.filter((b) => dotsIn(b) > 0).length);
  });

  it("a participant's raw connections receive no one else's ballot before the reveal, and only totals per note after it", async () => {
    const w = await createWorkshop(server, 'Hemlig röstning');
    const f = await facilitate(w);
    const notes = await addNotes(server, w, f, 4);
    const spy = await newVoter(server, w.id, w.participantToken);
    const control = await RawPeer.open(server, w.id, 'control', w.participantToken);
    const board = await RawPeer.open(server, w.id, 'board', w.participantToken);
    const round = await openVoting(server, w, f, { budget: 5, perNoteCap: 5 });
    await control.roundTrip();
    expect(readControlField(control.doc, 'voting')).toMatchObject({ phase: 'open', round });

    const voters = await Promise.all(
      Array.from({ length: 10 }, () => newVoter(server, w.id, w.participantToken)),
    );
    // Everyone puts an unusual number of dots (5) on the last note: easy to find if it leaked.
    const secret = notes[3]!;
    for (const v of voters)
      expect((await putBallot(server, w.id, v.secret, round, { [secret]: 5 })).status).toBe(200);
    await Promise.all([control.roundTrip(), board.roundTrip()]);

    const ids = [spy, ...voters].map((v) => v.participantId);
    const secrets = [spy, ...voters].map((v) => v.secret);
    for (const peer of [control, board]) {
      for (const text of [...ids, ...secrets]) expect(peer.saw(text), text).toBe(false);
    }
    for (const id of notes) expect(control.saw(id), id).toBe(false);
    expect(readControlField(control.doc, 'results')).toBeNull();
    // Their own dots come back to them over HTTP, nobody else's.
    expect((await getBallot(server, w.id, spy.secret)).body.ballot).toEqual({});

    expect((await reveal(server, w)).status).toBe(200);
    await waitFor(
      () => readControlField(control.doc, 'results') !== null,
      'the totals reach the participant',
    );
    await Promise.all([control.roundTrip(), board.roundTrip()]);
    const results = readControlField(control.doc, 'results');
    expect(results).toEqual({ round, totals: { [secret]: 50 }, voters: 10 });
    for (const peer of [control, board]) {
      for (const text of [...ids, ...secrets]) expect(peer.saw(text), text).toBe(false);
    }
    // Nothing but totals: no other trace of the vote anywhere in either document.
    expect(JSON.stringify(control.doc.getMap('control').toJSON())).not.toMatch(/"p_/);
    expect(JSON.stringify(board.doc.toJSON())).not.toMatch(/"p_|ballot/i);
    control.close();
    board.close();
  });

  it("a participant's own write to the control doc (lock, timer, forged totals, a group) reaches no one", async () => {
    const w = await createWorkshop(server, 'Ingen egen kontroll');
    const f = await facilitate(w);
    const voter = await newVoter(server, w.id, w.participantToken);
    const raw = await RawPeer.open(server, w.id, 'control', w.participantToken);
    const updates: Uint8Array[] = [];
    raw.doc.on('update', (u: Uint8Array) => updates.push(u));
    raw.doc.transact(() => {
      writeControlField(raw.doc, 'locked', true);
      writeControlField(raw.doc, 'timer', startTimer(idleTimer(60_000), Date.now()));
      writeControlField(raw.doc, 'results', { round: 1, totals: { 'shape:forged': 99 }, voters: 1 });
      writeGroupsOfStep(raw.doc, null, {
        groups: [{ id: 'g1', name: 'Grupp 1', areaCode: null, question: '' }],
        selfSelect: true,
        ended: false,
      });
      assignToGroup(raw.doc, null, voter.participantId, 'g1');
    });
    expect(updates.length).toBe(1);
    raw.send(2, updates[0]!);
    raw.send(1, updates[0]!); // as sync step 2 too
    await raw.roundTrip();
    // The facilitator writes after it, so their doc has had every chance to receive it.
    writeControlField(f.control.doc, 'currentStepId', 'after');
    await serverControlShows(server, w, (d) => readControlField(d, 'currentStepId') === 'after');

    for (const doc of [f.control.doc]) {
      expect(readControlField(doc, 'locked')).toBe(false);
      expect(readControlField(doc, 'timer').status).toBe('idle');
      expect(readControlField(doc, 'results')).toBeNull();
      expect(readControl(doc).members).toEqual({});
    }
    const fresh = connect(server, w.id, 'control', w.facilitatorToken);
    await synced(fresh);
    expect(readControlField(fresh.doc, 'currentStepId')).toBe('after');
    expect(readControlField(fresh.doc, 'locked')).toBe(false);
    expect(readControlField(fresh.doc, 'results')).toBeNull();
    expect(readControl(fresh.doc).groupsSelfSelect).toBe(false);
    expect(readControl(fresh.doc).stepGroups).toEqual({});
    expect(readControl(fresh.doc).members).toEqual({});
    fresh.destroy();
    raw.close();
  });

  it('participants choose their group only while the facilitator allows it, and only a group that exists', async () => {
    const w = await createWorkshop(server, 'Grupper');
    const f = await facilitate(w);
    const voter = await newVoter(server, w.id, w.participantToken);
    const choose = (groupId: unknown, secret = voter.secret) =>
      call<{ error?: string; groupId?: string | null }>(
        server,
        'PUT',
        `/api/workshops/${w.id}/group`,
        secret,
        {
          groupId,
        },
      );
    startGroups(
      f.control.doc,
      null,
      [
        { id: 'g1', name: 'Grupp 1', areaCode: null, question: 'Vad behöver vi?' },
        { id: 'g2', name: 'Grupp 2', areaCode: null, question: 'Vem gör vad?' },
      ],
      [],
    );
    await serverControlShows(server, w, (d) => readControl(d).groups.length === 2);

    expect(await choose('g1')).toMatchObject({ status: 403, body: { error: 'selfSelectOff' } });
    expect(readControl(f.control.doc).members).toEqual({});

    setGroupsSelfSelect(f.control.doc, null, true);
    await serverControlShows(server, w, (d) => readControl(d).groupsSelfSelect);
    expect(await choose('g9')).toMatchObject({ status: 422, body: { error: 'unknownGroup' } });
    expect((await choose(5)).status).toBe(400);
    expect((await choose('g1', 'made-up-secret')).status).toBe(401);
    expect(await choose('g1')).toMatchObject({ status: 200, body: { groupId: 'g1' } });
    await waitFor(
      () => readControl(f.control.doc).members[voter.participantId] === 'g1',
      'the facilitator sees the choice',
    );
    expect(await choose('g2')).toMatchObject({ status: 200 });
    expect(await choose('g2')).toMatchObject({ status: 200 });
    await waitFor(() => readControl(f.control.doc).members[voter.participantId] === 'g2', 'the new choice');
    expect(await choose(null)).toMatchObject({ status: 200, body: { groupId: null } });
    await waitFor(() => readControl(f.control.doc).members[voter.participantId] === undefined, 'no group');
    expect(readControl(f.control.doc).members).toEqual({});
  });

  it('a voter credential is for participants and facilitators, not viewers; the server clock is never cached', async () => {
    const w = await createWorkshop(server, 'Behörighet');
    const path = `/api/workshops/${w.id}/participants`;
    expect((await call<ParticipantCredential>(server, 'POST', path, w.participantToken)).status).toBe(201);
    const own = await call<ParticipantCredential>(server, 'POST', path, w.facilitatorToken);
    expect(own.status).toBe(201);
    expect(own.body.participantId).toMatch(/^p_[A-Za-z0-9_-]{8,32}$/);
    expect((await call(server, 'POST', path, w.viewerToken)).status).toBe(403);
    expect((await call(server, 'POST', path, 'nope')).status).toBe(401);
    expect((await call(server, 'POST', '/api/workshops/AAAAAAAAAAAAAAAA/participants', 'x')).status).toBe(
      404,
    );

    const before = Date.now();
    const res = await fetch(`${server.http}/api/time`);
    const time = (await res.json()) as { now: number };
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(time.now).toBeGreaterThanOrEqual(before - 5);
    expect(time.now).toBeLessThanOrEqual(Date.now() + 5);
  });

  it('deleting the workshop leaves no voter credential and no ballot behind', async () => {
    const w = await createWorkshop(server, 'Raderas');
    const f = await facilitate(w);
    const notes = await addNotes(server, w, f, 2);
    const round = await openVoting(server, w, f);
    const voter = await newVoter(server, w.id, w.participantToken);
    expect((await putBallot(server, w.id, voter.secret, round, { [notes[0]!]: 1 })).status).toBe(200);
    expect((await reveal(server, w)).status).toBe(200);
    const count = (table: string) =>
      queryStoreFile<{ n: number }>(
        server.dataDir,
        `SELECT count(*) AS n FROM ${table} WHERE workshop_id = ?`,
        w.id,
      ).n;
    expect([count('participants'), count('ballots'), count('counted_rounds')]).toEqual([1, 1, 1]);

    const deleted = await fetch(`${server.http}/api/workshops/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(deleted.status).toBe(204);
    expect([count('participants'), count('ballots'), count('counted_rounds')]).toEqual([0, 0, 0]);
    expect((await getBallot(server, w.id, voter.secret)).status).toBe(404);
  });
});

const silent = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Parameters<
  typeof openPostgresStore
>[1];

/** The same contract for both stores: what the routes rely on to count every answered ballot once. */
describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('ballots in the %s store', (_name, kind) => {
  let store: Store;
  let pg: TestPostgres | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      pg = await startPostgres();
      store = openPostgresStore(pg.url, silent);
    } else {
      store = openSqliteStore(mkdtempSync(join(tmpdir(), 'samskapa-ballots-')), {
        synchronous: 'NORMAL',
        maxMiB: 0,
      });
    }
  });
  afterAll(async () => {
    store?.close();
    await pg?.stop();
  });
  const hash = (n: number) => Buffer.alloc(32, n);

  it('replaces a ballot whole, keeps rounds apart and refuses a participant of no workshop', async () => {
    expect(await store.create(workshopRow('wb1', 'BAL234'))).toBe(true);
    expect(await store.addParticipant('wb1', 'p_aaaaaaaa', hash(10))).toBe(true);
    expect(await store.addParticipant('nosuchworkshop', 'p_bbbbbbbb', hash(11))).toBe(false);
    expect(await store.participantBySecretHash('wb1', hash(10))).toBe('p_aaaaaaaa');
    expect(await store.participantBySecretHash('wb1', hash(11))).toBeUndefined();
    expect(await store.participantBySecretHash('other', hash(10))).toBeUndefined();

    expect(await store.putBallot('wb1', 'p_aaaaaaaa', 1, { 'shape:a': 2, 'shape:b': 1 })).toBe(true);
    expect(await store.putBallot('wb1', 'p_aaaaaaaa', 1, { 'shape:c': 1 })).toBe(true);
    expect(await store.putBallot('wb1', 'p_aaaaaaaa', 2, { 'shape:a': 1 })).toBe(true);
    expect(await store.putBallot('wb1', 'p_nobody', 1, { 'shape:a': 1 })).toBe(false);
    expect(await store.getBallot('wb1', 'p_aaaaaaaa', 1)).toEqual({ 'shape:c': 1 });
    expect(await store.getBallot('wb1', 'p_aaaaaaaa', 3)).toBeUndefined();
    expect(await store.ballots('wb1', 1)).toEqual([{ 'shape:c': 1 }]);
    expect(await store.ballots('wb1', 2)).toEqual([{ 'shape:a': 1 }]);
  });

  it('a counted round takes no more ballots, and every ballot stored before the count is in it', async () => {
    expect(await store.create(workshopRow('wb2', 'BAL567'))).toBe(true);
    const ids = Array.from({ length: 100 }, (_, i) => `p_voter${String(i).padStart(4, '0')}`);
    for (const [i, id] of ids.entries()) expect(await store.addParticipant('wb2', id, hash(i))).toBe(true);
    const puts = ids.map((id, i) => store.putBallot('wb2', id, 1, { [`shape:n${i}`]: 1 }));
    const counted = store.countRound('wb2', 1);
    const stored = await Promise.all(puts);
    const inCount = new Set((await counted).flatMap((b) => Object.keys(b)));
    const accepted = new Set(ids.flatMap((_, i) => (stored[i] ? [`shape:n${i}`] : [])));
    expect(inCount).toEqual(accepted);
    expect(await store.putBallot('wb2', ids[0]!, 1, { 'shape:late': 1 })).toBe(false);
    expect(await store.countRound('wb2', 1)).toEqual(await counted);
    expect(await store.putBallot('wb2', ids[0]!, 2, { 'shape:next': 1 })).toBe(true);
  });

  it('deleting the workshop deletes its participants and ballots', async () => {
    expect(await store.create(workshopRow('wb3', 'BAL789'))).toBe(true);
    expect(await store.addParticipant('wb3', 'p_cccccccc', hash(40))).toBe(true);
    expect(await store.putBallot('wb3', 'p_cccccccc', 1, { 'shape:a': 1 })).toBe(true);
    await store.countRound('wb3', 1);
    expect(await store.delete('wb3')).toBe(true);
    expect(await store.participantBySecretHash('wb3', hash(40))).toBeUndefined();
    expect(await store.ballots('wb3', 1)).toEqual([]);
    expect(await store.getBallot('wb3', 'p_cccccccc', 1)).toBeUndefined();
    // A workshop created again under the same id starts with nothing counted.
    expect(await store.create(workshopRow('wb3', 'BAL789'))).toBe(true);
    expect(await store.addParticipant('wb3', 'p_cccccccc', hash(40))).toBe(true);
    expect(await store.putBallot('wb3', 'p_cccccccc', 1, { 'shape:a': 1 })).toBe(true);
  });
});
