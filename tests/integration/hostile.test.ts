import { CloseCode, MAX_NOTE_TEXT } from '@samskapa/shared';
import * as encoding from 'lib0/encoding';
import { connect as tcpConnect } from 'node:net';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, createWorkshop, notes, setNote, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

const MAX_MESSAGE = 64 * 1024;
const MAX_DOC = 256 * 1024;

/** A raw socket that records how the server closed it. */
function rawSocket(server: RunningServer, room: string, token: string) {
  const ws = new WebSocket(`${server.ws}/${room}?token=${encodeURIComponent(token)}`);
  const closed = new Promise<{ code: number; reason: string }>((res) =>
    ws.on('close', (code, reason) => res({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((res, rej) => {
    ws.on('open', () => res());
    ws.on('error', rej);
  });
  return { ws, closed, opened };
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

describe('bad input closes only the offending socket', () => {
  let server: RunningServer;
  let w: Awaited<ReturnType<typeof createWorkshop>>;
  let a: Client;
  let b: Client;
  beforeAll(async () => {
    server = await startServer({
      env: {
        MAX_MESSAGE_BYTES: String(MAX_MESSAGE),
        MAX_DOC_BYTES: String(MAX_DOC),
        MAX_CONNECTIONS_PER_WORKSHOP: '12',
      },
    });
    w = await createWorkshop(server);
    a = connect(server, w.id, 'board', w.participantToken);
    b = connect(server, w.id, 'board', w.participantToken);
    await Promise.all([synced(a), synced(b)]);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await server.stop();
  });

  /** The well-behaved clients still sync with each other, through the same room. */
  async function othersUnaffected(key: string) {
    setNote(a.doc, key, 'fortfarande i synk');
    await waitFor(() => notes(b.doc)[key] === 'fortfarande i synk', `b receives ${key}`);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);
  }

  const cases: [string, () => Uint8Array | string, number][] = [
    [
      'garbage bytes',
      () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      4400,
    ],
    ['an unknown message type', () => new Uint8Array([42, 0, 0]), 4400],
    ['a truncated sync message', () => syncMessage(2, Y.encodeStateAsUpdate(new Y.Doc())).slice(0, 3), 4400],
    [
      'an update whose length prefix promises more than it carries',
      () => {
        const d = new Y.Doc();
        setNote(d, 'x', 'y');
        return syncMessage(2, Y.encodeStateAsUpdate(d)).slice(0, -4);
      },
      4400,
    ],
    ['an update that is not Yjs', () => syncMessage(2, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), 4400],
    ['a malformed awareness update', () => new Uint8Array([1, 3, 1, 2, 3]), 4400],
    ['a text frame', () => 'hello', 4400],
    ['an oversized message', () => syncMessage(2, new Uint8Array(MAX_MESSAGE + 10)), CloseCode.tooLarge],
  ];

  for (const [name, message, code] of cases) {
    it(`${name} closes that socket with ${code}; the room and its other clients go on`, async () => {
      const raw = rawSocket(server, `${w.id}/board`, w.participantToken);
      await raw.opened;
      raw.ws.send(message());
      const { code: got } = await raw.closed;
      expect(got).toBe(code);
      await othersUnaffected(`after-${name}`);
    });
  }

  it('a read-only socket’s updates are dropped without closing it', async () => {
    const raw = rawSocket(server, `${w.id}/board`, w.viewerToken);
    await raw.opened;
    const d = new Y.Doc();
    setNote(d, 'viewer-wrote', 'nej');
    raw.ws.send(syncMessage(2, Y.encodeStateAsUpdate(d)));
    await othersUnaffected('after-viewer');
    expect(notes(b.doc)['viewer-wrote']).toBeUndefined();
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    raw.ws.close();
  });

  it('an update that would grow the document past its limit gets 4413 and stores nothing', async () => {
    const big = connect(server, w.id, 'board', w.participantToken);
    await synced(big);
    // Each update (a few notes as long as a note may be) is below the message limit; together they
    // pass the document limit.
    const text = 'x'.repeat(MAX_NOTE_TEXT);
    const perUpdate = Math.floor(MAX_MESSAGE / 2 / text.length);
    const updates = Math.ceil((MAX_DOC * 2) / (perUpdate * text.length));
    for (let u = 0; u < updates; u++) {
      big.doc.transact(() => {
        for (let i = 0; i < perUpdate; i++) setNote(big.doc, `big-${u}-${i}`, text);
      });
    }
    await waitFor(() => big.closedFor !== null, 'the writer is told');
    expect(big.closedFor?.code).toBe(CloseCode.tooLarge);
    big.destroy();
    await othersUnaffected('after-doc-limit');
    const stored = Object.keys(notes(b.doc)).filter((key) => key.startsWith('big-')).length;
    expect(stored * text.length).toBeLessThanOrEqual(MAX_DOC);
  });

  it('an upgrade request whose URL cannot be parsed is refused and the server stays up', async () => {
    const socket = tcpConnect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(
      'GET http://[ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise((r) => socket.once('close', r));
    await othersUnaffected('after-bad-upgrade-url');
  });

  /** An awareness message speaking for `clientId` with `state`. */
  function presence(clientId: number, state: object, clock = 1): Uint8Array {
    const d = new Y.Doc();
    d.clientID = clientId;
    const aw = new Awareness(d);
    for (let i = 0; i < clock; i++) aw.setLocalState(state);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(aw, [clientId]));
    aw.destroy();
    return encoding.toUint8Array(e);
  }
  const nameOf = (c: Client, id: number) =>
    (c.provider.awareness.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;

  it('nobody can speak for another person’s presence: everyone keeps seeing the real name', async () => {
    a.provider.awareness.setLocalStateField('user', { name: 'Facilitatorn' });
    await waitFor(() => nameOf(b, a.doc.clientID) === 'Facilitatorn', 'b sees the real name');
    const raw = rawSocket(server, `${w.id}/board`, w.viewerToken);
    await raw.opened;
    // A clock far ahead, so the forgery would win if the server applied it.
    raw.ws.send(presence(a.doc.clientID, { user: { name: 'Alla ska gå hem nu' } }, 1000));
    await othersUnaffected('after-forged-presence');
    expect(nameOf(b, a.doc.clientID)).toBe('Facilitatorn');
    // Speaking for more than a handful of invented people is refused outright.
    for (let id = 1; id <= 6; id++) raw.ws.send(presence(900_000 + id, { user: { name: `Spöke ${id}` } }));
    expect((await raw.closed).code).toBe(CloseCode.forbidden);
    expect(nameOf(b, 900_005)).toBeUndefined();
  });

  it('a presence state that is too large gets 4413; a flood of presence gets 4429', async () => {
    const big = rawSocket(server, `${w.id}/board`, w.viewerToken);
    await big.opened;
    big.ws.send(presence(999_001, { user: { name: 'x'.repeat(60_000) }, junk: 'y'.repeat(20_000) }));
    expect((await big.closed).code).toBe(CloseCode.tooLarge);

    const flood = rawSocket(server, `${w.id}/board`, w.viewerToken);
    await flood.opened;
    for (let i = 0; i < 400; i++) flood.ws.send(presence(999_002, { cursor: { x: i } }));
    expect((await flood.closed).code).toBe(CloseCode.tooManyConnections);
    await othersUnaffected('after-presence-limits');
  });

  it('connections beyond the per-workshop limit get 4429', async () => {
    const extra = Array.from({ length: 12 }, () => rawSocket(server, `${w.id}/control`, w.viewerToken));
    const codes = await Promise.all(
      extra.map((s) =>
        Promise.race([
          s.closed.then((c) => c.code),
          new Promise<number>((r) => setTimeout(() => r(0), 2000)),
        ]),
      ),
    );
    expect(codes.filter((c) => c === CloseCode.tooManyConnections).length).toBeGreaterThan(0);
    for (const s of extra) s.ws.close();
    await othersUnaffected('after-connection-limit');
  });
});
