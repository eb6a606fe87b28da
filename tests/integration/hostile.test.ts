import { CloseCode } from '@samskapa/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, createWorkshop, notes, synced, waitFor, type Client } from './helpers/clients';
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
    a.doc.getMap('notes').set(key, 'fortfarande i synk');
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
        d.getMap('notes').set('x', 'y');
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
    d.getMap('notes').set('viewer-wrote', 'nej');
    raw.ws.send(syncMessage(2, Y.encodeStateAsUpdate(d)));
    await othersUnaffected('after-viewer');
    expect(notes(b.doc)['viewer-wrote']).toBeUndefined();
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    raw.ws.close();
  });

  it('an update that would grow the document past its limit gets 4413 and stores nothing', async () => {
    const big = connect(server, w.id, 'board', w.participantToken);
    await synced(big);
    // Each note is below the message limit; together they pass the document limit.
    const text = 'x'.repeat(MAX_MESSAGE / 2);
    for (let i = 0; i < (MAX_DOC / text.length) * 2; i++) big.doc.getMap('big').set(`b${i}`, text);
    await waitFor(() => big.closedFor !== null, 'the writer is told');
    expect(big.closedFor?.code).toBe(CloseCode.tooLarge);
    big.destroy();
    await othersUnaffected('after-doc-limit');
    const stored = b.doc.getMap('big').size;
    expect(stored * text.length).toBeLessThanOrEqual(MAX_DOC);
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
