import {
  dotsIn,
  idleTimer,
  SESSION_PARAM,
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
import { queryStoreFile, writeStoreFile } from './helpers/sqlite';
import {
  addNotes,
  askCredential,
  call,
  closeVoting,
  connectFacilitator,
  connectParticipant,
  disconnectParticipants,
  getBallot,
  newSessionKey,
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

/** Wait until `check` resolves true, asking every 50 ms; fails with `what` after 20 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

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
    disconnectParticipants();
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

    // The facilitator sees how far the vote has got against who is here, not who voted what.
    expect((await progress(server, w)).body).toEqual({ round, voters: 60, dots, present: 60 });

    const revealed = await reveal(server, w);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ round, totals: expected, voters: 60, present: 60 });
    await waitFor(
      () => readControlField(f.control.doc, 'voting').phase === 'revealed',
      'the facilitator sees the reveal',
    );
    expect(readControlField(f.control.doc, 'results')).toEqual({
      round,
      totals: expected,
      voters: 60,
      present: 60,
    });
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
    expect((await progress(server, w)).body).toEqual({ round, voters: 2, dots: 5, present: 2 });

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
    expect(revealed.body).toEqual({ round, totals: { [n1!]: 2, [n3!]: 3 }, voters: 2, present: 2 });

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
    // The spy's board is open too: eleven here, ten voted.
    expect(results).toEqual({ round, totals: { [secret]: 50 }, voters: 10, present: 11 });
    // Nobody's session key reaches anyone either: it could be used to take their credential.
    const sessions = [spy, ...voters].map((v) => v.session);
    for (const peer of [control, board]) {
      for (const text of [...ids, ...secrets, ...sessions]) expect(peer.saw(text), text).toBe(false);
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
    const phone = await connectParticipant(server, w.id, w.participantToken);
    const laptop = await connectParticipant(server, w.id, w.participantToken);
    expect((await askCredential(server, w.id, w.participantToken, phone.session)).status).toBe(201);
    // The facilitator may ask on behalf of a participant's open board (the session names it).
    const own = await askCredential(server, w.id, w.facilitatorToken, laptop.session);
    expect(own.status).toBe(201);
    expect(own.body.participantId).toMatch(/^p_[A-Za-z0-9_-]{8,32}$/);
    const other = (await connectParticipant(server, w.id, w.participantToken)).session;
    expect((await askCredential(server, w.id, w.viewerToken, other)).status).toBe(403);
    expect((await askCredential(server, w.id, 'nope', other)).status).toBe(401);
    expect((await askCredential(server, 'AAAAAAAAAAAAAAAA', 'x', other)).status).toBe(404);

    const before = Date.now();
    const res = await fetch(`${server.http}/api/time`);
    const time = (await res.json()) as { now: number };
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(time.now).toBeGreaterThanOrEqual(before - 5);
    expect(time.now).toBeLessThanOrEqual(Date.now() + 5);
  });

  it('a credential asked for without a participant with the board open is refused, so twenty asks from one link make no voter', async () => {
    const w = await createWorkshop(server, 'Inga spökväljare');
    const f = await facilitate(w);
    const [note] = await addNotes(server, w, f, 1);
    const round = await openVoting(server, w, f);

    // No session named, or not a key at all: the header is named.
    for (const session of [undefined, '', 'kort', 'inte en nyckel men lång nog ändå!!']) {
      const answer = await askCredential(server, w.id, w.participantToken, session);
      expect(answer.status, String(session)).toBe(400);
      expect(answer.body).toMatchObject({ error: 'invalid_request' });
      expect(answer.body.message).toMatch(/^x-samskapa-session/);
    }
    // Twenty made-up sessions with one participant link: refused, each saying what to do.
    const asks = await Promise.all(
      Array.from({ length: 20 }, () => askCredential(server, w.id, w.participantToken, newSessionKey())),
    );
    for (const answer of asks) {
      expect(answer.status).toBe(409);
      expect(answer.body.error).toBe('not_connected');
      expect(answer.body.message).toMatch(/Open the board/);
      expect(answer.body.secret).toBeUndefined();
    }
    // Sockets that are not a participant's board register nothing: a viewer's, the facilitator's, a
    // participant's control socket, the board opened with a session for another workshop.
    const session = newSessionKey();
    const elsewhere = await createWorkshop(server, 'Annan workshop');
    const others = [
      connect(server, w.id, 'board', w.viewerToken, new Y.Doc(), { [SESSION_PARAM]: session }),
      connect(server, w.id, 'board', w.facilitatorToken, new Y.Doc(), { [SESSION_PARAM]: session }),
      connect(server, w.id, 'control', w.participantToken, new Y.Doc(), { [SESSION_PARAM]: session }),
      connect(server, elsewhere.id, 'board', elsewhere.participantToken, new Y.Doc(), {
        [SESSION_PARAM]: session,
      }),
    ];
    await Promise.all(others.map((c) => synced(c)));
    const refused = await askCredential(server, w.id, w.participantToken, session);
    expect(refused).toMatchObject({ status: 409, body: { error: 'not_connected' } });
    for (const c of others) c.destroy();

    // A board that was open and closed again: refused too.
    const gone = await connectParticipant(server, w.id, w.participantToken);
    gone.board.destroy();
    await until(async () => (await progress(server, w)).body.present === 0, 'the closed board is gone');
    const late = await askCredential(server, w.id, w.participantToken, gone.session);
    expect(late).toMatchObject({ status: 409, body: { error: 'not_connected' } });

    // One person with the board open: one voter, however often the link asks.
    const phone = await newVoter(server, w.id, w.participantToken);
    expect((await putBallot(server, w.id, phone.secret, round, { [note!]: 2 })).status).toBe(200);
    expect((await progress(server, w)).body).toEqual({ round, voters: 1, dots: 2, present: 1 });
    expect((await reveal(server, w)).body).toEqual({ round, totals: { [note!]: 2 }, voters: 1, present: 1 });
  });

  it('one participant connection holds one credential: a second ask for its session is refused, with any link', async () => {
    const w = await createWorkshop(server, 'En per anslutning');
    const f = await facilitate(w);
    const [note] = await addNotes(server, w, f, 1);
    const round = await openVoting(server, w, f);
    const phone = await newVoter(server, w.id, w.participantToken);
    for (const token of [w.participantToken, w.participantToken, w.facilitatorToken]) {
      const again = await askCredential(server, w.id, token, phone.session);
      expect(again).toMatchObject({ status: 409, body: { error: 'session_taken' } });
      expect(again.body.message).toMatch(/already holds a voter credential/);
      expect(again.body.secret).toBeUndefined();
    }
    // Asked at the same moment, ten times over a new session: one credential.
    const tab = await connectParticipant(server, w.id, w.participantToken);
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => askCredential(server, w.id, w.participantToken, tab.session)),
    );
    expect(burst.filter((a) => a.status === 201)).toHaveLength(1);
    expect(burst.filter((a) => a.status === 409).map((a) => a.body.error)).toEqual(
      Array.from({ length: 9 }, () => 'session_taken'),
    );
    // A second tab of the same browser is the same session: here once, still one credential.
    const secondTab = await connectParticipant(server, w.id, w.participantToken, phone.session);
    expect((await askCredential(server, w.id, w.participantToken, phone.session)).status).toBe(409);
    expect((await progress(server, w)).body.present).toBe(2);
    secondTab.board.destroy();

    expect((await putBallot(server, w.id, phone.secret, round, { [note!]: 1 })).status).toBe(200);
    const bursted = burst.find((a) => a.status === 201)!.body;
    expect((await putBallot(server, w.id, bursted.secret, round, { [note!]: 2 })).status).toBe(200);
    expect((await reveal(server, w)).body).toEqual({ round, totals: { [note!]: 3 }, voters: 2, present: 2 });
  });

  it('a phone whose socket drops, or whose page reloads, comes back with the same session and keeps its ballot, and it counts', async () => {
    const w = await createWorkshop(server, 'Tappad anslutning');
    const f = await facilitate(w);
    const [n1, n2] = await addNotes(server, w, f, 2);
    const round = await openVoting(server, w, f);
    const phone = await newVoter(server, w.id, w.participantToken);
    const stays = await newVoter(server, w.id, w.participantToken);
    expect((await putBallot(server, w.id, phone.secret, round, { [n1!]: 2 })).status).toBe(200);
    expect((await putBallot(server, w.id, stays.secret, round, { [n2!]: 1 })).status).toBe(200);

    // The socket drops (the phone leaves the Wi-Fi): not here any more, its ballot stays.
    phone.board.provider.disconnect();
    await until(async () => (await progress(server, w)).body.present === 1, 'the phone has left');
    expect((await getBallot(server, w.id, phone.secret)).body.ballot).toEqual({ [n1!]: 2 });
    // It comes back with the same session key: here again, the same credential (no second one).
    phone.board.provider.connect();
    await synced(phone.board);
    await until(async () => (await progress(server, w)).body.present === 2, 'the phone is back');
    expect((await askCredential(server, w.id, w.participantToken, phone.session)).body.error).toBe(
      'session_taken',
    );
    expect((await getBallot(server, w.id, phone.secret)).body.ballot).toEqual({ [n1!]: 2 });

    // The page reloads: a new socket, the session key kept, the credential kept; it votes on.
    phone.board.destroy();
    const reloaded = await connectParticipant(server, w.id, w.participantToken, phone.session);
    expect((await progress(server, w)).body).toMatchObject({ voters: 2, present: 2 });
    expect((await getBallot(server, w.id, phone.secret)).body.ballot).toEqual({ [n1!]: 2 });
    expect((await putBallot(server, w.id, phone.secret, round, { [n1!]: 1, [n2!]: 1 })).status).toBe(200);

    const revealed = await reveal(server, w);
    expect(revealed.body).toEqual({ round, totals: { [n1!]: 1, [n2!]: 2 }, voters: 2, present: 2 });
    reloaded.board.destroy();
  });

  it('the reveal reports who voted against who is here: a voter who left still counts, one who never voted is here', async () => {
    const w = await createWorkshop(server, 'Röstat och här');
    const f = await facilitate(w);
    const notes = await addNotes(server, w, f, 3);
    const round = await openVoting(server, w, f);
    const voters = await Promise.all(
      Array.from({ length: 4 }, () => newVoter(server, w.id, w.participantToken)),
    );
    for (const [i, v] of voters.entries()) {
      expect((await putBallot(server, w.id, v.secret, round, { [notes[i % 3]!]: 1 })).status).toBe(200);
    }
    // Two leave after voting; two come who do not vote (one has no credential at all).
    voters[0]!.board.destroy();
    voters[1]!.board.destroy();
    await newVoter(server, w.id, w.participantToken);
    await connectParticipant(server, w.id, w.participantToken);
    await until(async () => (await progress(server, w)).body.present === 4, 'two left, two came');
    expect((await progress(server, w)).body).toEqual({ round, voters: 4, dots: 4, present: 4 });
    const third = await connectParticipant(server, w.id, w.participantToken);
    expect((await progress(server, w)).body).toEqual({ round, voters: 4, dots: 4, present: 5 });

    const revealed = await reveal(server, w);
    expect(revealed.body).toMatchObject({ round, voters: 4, present: 5 });
    await serverControlShows(server, w, (d) => readControlField(d, 'results')?.present === 5);
    // Who was here is who was here when the result was first shown.
    third.board.destroy();
    await until(async () => (await progress(server, w)).body.present === 4, 'one more left');
    expect((await reveal(server, w)).body).toMatchObject({ voters: 4, present: 5 });

    const exported = await call<{ vote: unknown }>(
      server,
      'GET',
      `/api/workshops/${w.id}/export?format=json`,
      w.facilitatorToken,
    );
    expect(exported.body.vote).toEqual({ round, voters: 4, present: 5, budget: 5, perNoteCap: 2 });
    const minutes = await fetch(`${server.http}/api/workshops/${w.id}/export?format=md`, {
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(await minutes.text()).toContain(
      'Prickröstning (omgång 1): 4 deltagare röstade med 5 prickar var; 5 var här när resultatet visades.',
    );
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
    const tables = ['participants', 'ballots', 'counted_rounds', 'live_connections'];
    expect(tables.map(count)).toEqual([1, 1, 1, 1]);

    const deleted = await fetch(`${server.http}/api/workshops/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(deleted.status).toBe(204);
    expect(tables.map(count)).toEqual([0, 0, 0, 0]);
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
  /** A second handle on the same database: another server process. */
  let other: Store;
  let pg: TestPostgres | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      pg = await startPostgres();
      store = openPostgresStore(pg.url, silent);
      other = openPostgresStore(pg.url, silent);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'samskapa-ballots-'));
      store = openSqliteStore(dir, { synchronous: 'NORMAL', maxMiB: 0 });
      other = openSqliteStore(dir, { synchronous: 'NORMAL', maxMiB: 0 });
    }
  });
  afterAll(async () => {
    store?.close();
    other?.close();
    await pg?.stop();
  });
  const hash = (n: number) => Buffer.alloc(32, n);
  /** A session hash apart from every secret hash of these tests. */
  const session = (n: number) => Buffer.alloc(32, 255 - (n % 200));

  it('replaces a ballot whole, keeps rounds apart and refuses a participant of no workshop', async () => {
    expect(await store.create(workshopRow('wb1', 'BAL234'))).toBe(true);
    expect(await store.addParticipant('wb1', 'p_aaaaaaaa', hash(10), session(10))).toBe('added');
    expect(await store.addParticipant('nosuchworkshop', 'p_bbbbbbbb', hash(11), session(11))).toBe(
      'noWorkshop',
    );
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

  it('a session holds one credential, also when two processes are asked at the same moment', async () => {
    expect(await store.create(workshopRow('wb4', 'BAL345'))).toBe(true);
    const asks = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : store).addParticipant('wb4', `p_same${i}`, hash(100 + i), session(1)),
      ),
    );
    expect(asks.filter((a) => a === 'added')).toHaveLength(1);
    expect(asks.filter((a) => a === 'sessionTaken')).toHaveLength(9);
    // Another session, and the same session in another workshop, are apart.
    expect(await store.addParticipant('wb4', 'p_next', hash(120), session(2))).toBe('added');
    expect(await store.create(workshopRow('wb5', 'BAL456'))).toBe(true);
    expect(await other.addParticipant('wb5', 'p_there', hash(121), session(1))).toBe('added');
  });

  it('a connection registered by one process is live for another until it closes, its process stops, or its process stops renewing it', async () => {
    expect(await store.create(workshopRow('wc1', 'CON234'))).toBe(true);
    const t0 = 1_000_000;
    const open = (s: Store, id: string, n: number, holder: string, at = t0) =>
      s.openConnection({ id, workshopId: 'wc1', sessionHash: session(n), holder }, at);
    expect(await open(store, 'c1', 1, 'process-a')).toBe(true);
    expect(await open(store, 'c2', 1, 'process-a')).toBe(true); // the same browser's second tab
    expect(await open(other, 'c3', 2, 'process-b')).toBe(true);
    expect(
      await store.openConnection(
        { id: 'c9', workshopId: 'nosuch', sessionHash: session(9), holder: 'process-a' },
        t0,
      ),
    ).toBe(false);
    expect(await other.sessionLive('wc1', session(1), t0)).toBe(true);
    expect(await store.sessionLive('wc1', session(2), t0)).toBe(true);
    expect(await store.sessionLive('wc1', session(3), t0)).toBe(false);
    expect(await store.sessionLive('wb1', session(1), t0)).toBe(false);
    expect(await store.liveSessions('wc1', t0)).toBe(2);

    // One tab closes: the session is still here through the other.
    await store.closeConnection('c1');
    expect(await other.sessionLive('wc1', session(1), t0)).toBe(true);
    await store.closeConnection('c2');
    expect(await other.sessionLive('wc1', session(1), t0)).toBe(false);
    expect(await other.liveSessions('wc1', t0)).toBe(1);

    // Process A renews; process B crashed and renews nothing: its rows stop counting, then go.
    expect(await open(store, 'c4', 4, 'process-a')).toBe(true);
    await store.renewConnections('process-a', t0 + 100, t0 + 50);
    expect(await store.liveSessions('wc1', t0 + 50)).toBe(1);
    expect(await store.sessionLive('wc1', session(2), t0 + 50)).toBe(false);
    expect(await store.liveSessions('wc1', t0)).toBe(1); // swept: gone for good
    // Process A shuts down: everything it held goes at once.
    await store.closeConnectionsOf('process-a');
    expect(await other.liveSessions('wc1', 0)).toBe(0);
  });

  it('only ballots of credentials bound to a session count', async () => {
    expect(await store.create(workshopRow('wc2', 'CON567'))).toBe(true);
    expect(await store.addParticipant('wc2', 'p_bound', hash(130), session(30))).toBe('added');
    expect(await store.putBallot('wc2', 'p_bound', 1, { 'shape:a': 1 })).toBe(true);
    expect(await store.ballots('wc2', 1)).toEqual([{ 'shape:a': 1 }]);
    expect(await store.countRound('wc2', 1)).toEqual([{ 'shape:a': 1 }]);
  });

  it('a counted round takes no more ballots, and every ballot stored before the count is in it', async () => {
    expect(await store.create(workshopRow('wb2', 'BAL567'))).toBe(true);
    const ids = Array.from({ length: 100 }, (_, i) => `p_voter${String(i).padStart(4, '0')}`);
    for (const [i, id] of ids.entries()) {
      expect(await store.addParticipant('wb2', id, hash(i), Buffer.alloc(32, `s${i}`))).toBe('added');
    }
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

  it('deleting the workshop deletes its participants, ballots and connections', async () => {
    expect(await store.create(workshopRow('wb3', 'BAL789'))).toBe(true);
    expect(
      await store.openConnection(
        { id: 'c-wb3', workshopId: 'wb3', sessionHash: session(40), holder: 'h' },
        5,
      ),
    ).toBe(true);
    expect(await store.addParticipant('wb3', 'p_cccccccc', hash(40), session(40))).toBe('added');
    expect(await store.putBallot('wb3', 'p_cccccccc', 1, { 'shape:a': 1 })).toBe(true);
    await store.countRound('wb3', 1);
    expect(await store.delete('wb3')).toBe(true);
    expect(await store.participantBySecretHash('wb3', hash(40))).toBeUndefined();
    expect(await store.ballots('wb3', 1)).toEqual([]);
    expect(await store.getBallot('wb3', 'p_cccccccc', 1)).toBeUndefined();
    expect(await store.liveSessions('wb3', 0)).toBe(0);
    // A workshop created again under the same id starts with nothing counted, and the session is free.
    expect(await store.create(workshopRow('wb3', 'BAL789'))).toBe(true);
    expect(await store.addParticipant('wb3', 'p_cccccccc', hash(40), session(40))).toBe('added');
    expect(await store.putBallot('wb3', 'p_cccccccc', 1, { 'shape:a': 1 })).toBe(true);
  });
});

describe('a SQLite store written before voter credentials were bound to a connection', () => {
  it('opens with the old credentials unbound: their ballots count nothing and their holders are not found, so they ask again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samskapa-unbound-'));
    // The tables as the version before wrote them, with one credential and its ballot.
    writeStoreFile(
      dir,
      `CREATE TABLE participants (
         workshop_id TEXT NOT NULL, id TEXT NOT NULL, secret_hash BLOB NOT NULL, created_at INTEGER NOT NULL,
         PRIMARY KEY (workshop_id, id));
       CREATE UNIQUE INDEX participants_secret ON participants(workshop_id, secret_hash);
       CREATE TABLE ballots (
         workshop_id TEXT NOT NULL, participant_id TEXT NOT NULL, round INTEGER NOT NULL,
         ballot TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (workshop_id, round, participant_id));
       INSERT INTO participants VALUES ('wl1', 'p_old', zeroblob(32), 0);
       INSERT INTO ballots VALUES ('wl1', 'p_old', 1, '{"shape:a":5}', 0);`,
    );
    const store = openSqliteStore(dir, { synchronous: 'NORMAL', maxMiB: 0 });
    try {
      expect(await store.create(workshopRow('wl1', 'OLD234'))).toBe(true);
      expect(await store.participantBySecretHash('wl1', Buffer.alloc(32, 0))).toBeUndefined();
      expect(await store.ballots('wl1', 1)).toEqual([]);
      expect(await store.addParticipant('wl1', 'p_new', Buffer.alloc(32, 1), Buffer.alloc(32, 2))).toBe(
        'added',
      );
      expect(await store.participantBySecretHash('wl1', Buffer.alloc(32, 1))).toBe('p_new');
      expect(await store.putBallot('wl1', 'p_new', 1, { 'shape:b': 1 })).toBe(true);
      expect(await store.countRound('wl1', 1)).toEqual([{ 'shape:b': 1 }]);
    } finally {
      store.close();
    }
    // Opening it again (the migration ran) changes nothing.
    const again = openSqliteStore(dir, { synchronous: 'NORMAL', maxMiB: 0 });
    expect(await again.ballots('wl1', 1)).toEqual([{ 'shape:b': 1 }]);
    again.close();
  });
});

describe('the participant connections of a process that crashed', () => {
  it('stop counting as here within a few renewals, while a phone that comes back to the next process is here and every ballot counts', async () => {
    const env = { LOG_LEVEL: 'warn', SESSION_RENEW_MS: '100' };
    const first = await startServer({ env });
    let second: RunningServer | undefined;
    const clients: { destroy(): void }[] = [];
    try {
      const w = await createWorkshop(first, 'Kraschen');
      const f = await connectFacilitator(first, w);
      clients.push(f);
      const [note] = await addNotes(first, w, f, 1);
      const round = await openVoting(first, w, f);
      const gone = await newVoter(first, w.id, w.participantToken);
      const back = await newVoter(first, w.id, w.participantToken);
      clients.push(gone.board, back.board);
      for (const v of [gone, back]) {
        expect((await putBallot(first, w.id, v.secret, round, { [note!]: 1 })).status).toBe(200);
      }
      const rows = () =>
        queryStoreFile<{ n: number }>(
          first.dataDir,
          'SELECT count(*) AS n FROM live_connections WHERE workshop_id = ?',
          w.id,
        ).n;

      await first.kill9();
      // The crash left both registrations behind; one phone never comes back.
      expect(rows()).toBe(2);
      gone.board.destroy();
      second = await startServer({ env, dataDir: first.dataDir, port: first.port });
      const server = second;
      await until(
        async () => (await progress(server, w)).body.present === 1 && rows() === 1,
        'the crashed process no longer counts the phone that left; the one that came back is here',
      );
      expect(await askCredential(server, w.id, w.participantToken, gone.session)).toMatchObject({
        status: 409,
        body: { error: 'not_connected' },
      });
      expect(await askCredential(server, w.id, w.participantToken, back.session)).toMatchObject({
        status: 409,
        body: { error: 'session_taken' },
      });
      // Both credentials were bound when they were issued: both ballots count.
      expect((await reveal(server, w)).body).toEqual({
        round,
        totals: { [note!]: 2 },
        voters: 2,
        present: 1,
      });
    } finally {
      for (const c of clients) c.destroy();
      await second?.stop();
      await first.stop();
    }
  });
});
