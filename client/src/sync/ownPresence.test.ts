import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnPresenceOnly } from './ownPresence';

/** Client ids in every awareness message a real y-websocket client sent to a real ws server. */
async function presenceSentBy(
  configure: (p: WebsocketProvider) => void,
): Promise<{ own: number; sent: number[][] }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  cleanup.push(() => wss.close());
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  const sent: number[][] = [];
  const connected = new Promise<WebSocket>((res) => wss.once('connection', res));
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'room', doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  cleanup.push(() => provider.destroy());
  configure(provider);
  const server = await connected;
  server.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(data);
    if (decoding.readVarUint(d) !== 1) return;
    const u = decoding.createDecoder(decoding.readVarUint8Array(d));
    const ids: number[] = [];
    for (let i = decoding.readVarUint(u); i > 0; i--) {
      ids.push(decoding.readVarUint(u));
      decoding.readVarUint(u);
      decoding.readVarString(u);
    }
    sent.push(ids);
  });
  // Another person's presence arrives from the server…
  const other = new Y.Doc();
  const otherAwareness = new Awareness(other);
  otherAwareness.setLocalState({ user: { name: 'Bertil' } });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate(otherAwareness, [other.clientID]));
  server.send(encoding.toUint8Array(e));
  otherAwareness.destroy();
  await new Promise((r) => setTimeout(r, 100));
  // …then this person moves the cursor.
  provider.awareness.setLocalStateField('cursor', { x: 1 });
  await new Promise((r) => setTimeout(r, 100));
  return { own: doc.clientID, sent };
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

describe('presence sent to the server', () => {
  it('the stock y-websocket client echoes other people’s presence back (why the fix exists)', async () => {
    const { own, sent } = await presenceSentBy(() => {});
    expect(sent.flat().some((id) => id !== own)).toBe(true);
  });

  it('with sendOwnPresenceOnly only the own state goes out, and it still goes out', async () => {
    const { own, sent } = await presenceSentBy(sendOwnPresenceOnly);
    expect(sent.flat()).toContain(own);
    expect(sent.flat().filter((id) => id !== own)).toEqual([]);
  });
});
