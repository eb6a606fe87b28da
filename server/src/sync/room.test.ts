import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { docName, type DocName } from '@samskapa/shared';
import { localFanout } from '../fanout/local';
import { openSqliteStore } from '../store/sqlite/sqliteStore';
import type { Store } from '../store/types';
import { workshopRow } from '../../../tests/integration/helpers/workshopRow';
import { DocTooLargeError, Room, WorkshopGoneError, type Peer } from './room';

const log = pino({ level: 'silent' });
const BASE = { awarenessFlushMs: 50, keepaliveMs: 15_000 };
const ctx = (store: Store, opts: { maxDocBytes: number; compactAfterUpdates: number }) => ({
  store,
  fanout: localFanout,
  options: { ...BASE, ...opts },
  log,
  onAccepted: () => {},
  onDeletedElsewhere: () => {},
  hooks: [],
});
const rooms: Room[] = [];
async function load(name: DocName, store: Store, opts: { maxDocBytes: number; compactAfterUpdates: number }) {
  const room = await Room.load(name, ctx(store, opts));
  rooms.push(room);
  return room;
}
const stores: Store[] = [];
function store(): Store {
  const s = openSqliteStore(mkdtempSync(join(tmpdir(), 'samskapa-room-')), {
    synchronous: 'NORMAL',
    maxMiB: 0,
  });
  stores.push(s);
  // The rooms here are `w/<kind>`: their workshop exists, or nothing could be stored.
  void s.create(workshopRow('w', 'ABC234'));
  return s;
}
afterEach(() => {
  for (const r of rooms.splice(0)) r.destroy();
  for (const s of stores.splice(0)) s.close();
});

function updateSetting(key: string, value: string, from = new Y.Doc()): Uint8Array {
  let captured: Uint8Array | undefined;
  from.once('update', (u: Uint8Array) => (captured = u));
  from.getMap('notes').set(key, value);
  return captured!;
}

/** The awareness update inside an `[awareness, update]` message. */
function readAwarenessPayload(message: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(message);
  expect(decoding.readVarUint(d)).toBe(1);
  return decoding.readVarUint8Array(d);
}

const silentPeer = (): Peer & { received: Uint8Array[] } => {
  const received: Uint8Array[] = [];
  return { role: 'participant', received, send: (m) => received.push(m), congested: () => false };
};

/** A board room in a fresh store, with a sender and another peer in it. */
async function boardWithTwoPeers() {
  const s = store();
  const room = await load(docName('w', 'board'), s, { maxDocBytes: 1 << 20, compactAfterUpdates: 1000 });
  const sender = silentPeer();
  const other = silentPeer();
  room.addPeer(sender);
  room.addPeer(other);
  return { s, room, sender, other };
}

describe('Room', () => {
  it('stores each accepted update before other peers receive it, and not back to its sender', async () => {
    const { s, room, sender, other } = await boardWithTwoPeers();
    let storedWhenBroadcast = -1;
    other.send = () => {
      void s.load(docName('w', 'board')).then((u) => (storedWhenBroadcast = u.length));
    };
    await room.accept(updateSetting('a', 'första'), sender);
    await new Promise((r) => setTimeout(r, 10));
    expect(storedWhenBroadcast).toBe(1);
    expect(sender.received).toHaveLength(0);
  });

  it('refuses an update once its workshop is deleted (by another process, say): nothing stored or sent', async () => {
    const { s, room, sender, other } = await boardWithTwoPeers();
    await room.accept(updateSetting('a', 'före'), sender);
    expect(other.received).toHaveLength(1);
    expect(await s.delete('w')).toBe(true);
    await expect(room.accept(updateSetting('b', 'efter'), sender)).rejects.toBeInstanceOf(WorkshopGoneError);
    expect(other.received).toHaveLength(1);
    expect(room.doc.getMap('notes').get('b')).toBeUndefined();
    await room.compact();
    expect(await s.load(docName('w', 'board'))).toEqual([]);
  });

  it('compacts the log into one update holding the same document', async () => {
    const s = store();
    const opts = { maxDocBytes: 1 << 20, compactAfterUpdates: 10 };
    const room = await load(docName('w', 'board'), s, opts);
    const peer = silentPeer();
    const author = new Y.Doc();
    for (let i = 0; i < 25; i++) await room.accept(updateSetting(`n${i}`, `lapp ${i}`, author), peer);
    // 25 updates with a threshold of 10: two compactions, then 5 more in the log.
    expect(await s.load(docName('w', 'board'))).toHaveLength(6);
    await room.compact();
    expect(await s.load(docName('w', 'board'))).toHaveLength(1);
    const reloaded = await load(docName('w', 'board'), s, opts);
    expect(reloaded.doc.getMap('notes').toJSON()).toEqual(author.getMap('notes').toJSON());
  });

  it('refuses an update that would make the document too large and stores nothing of it', async () => {
    const s = store();
    const room = await load(docName('w', 'board'), s, { maxDocBytes: 2000, compactAfterUpdates: 1000 });
    const peer = silentPeer();
    const author = new Y.Doc();
    await room.accept(updateSetting('small', 'liten', author), peer);
    await expect(room.accept(updateSetting('big', 'x'.repeat(3000), author), peer)).rejects.toBeInstanceOf(
      DocTooLargeError,
    );
    expect(room.doc.getMap('notes').has('big')).toBe(false);
    const reloaded = await load(docName('w', 'board'), s, { maxDocBytes: 2000, compactAfterUpdates: 1000 });
    expect(reloaded.doc.getMap('notes').toJSON()).toEqual({ small: 'liten' });
  });

  it('skips an unreadable stored update instead of losing the whole document, and keeps it stored', async () => {
    const s = store();
    const unreadable = new Uint8Array([9, 9, 9, 9]);
    await s.append(docName('w', 'board'), updateSetting('ok', 'läsbar'));
    await s.append(docName('w', 'board'), unreadable);
    const room = await load(docName('w', 'board'), s, { maxDocBytes: 1 << 20, compactAfterUpdates: 1000 });
    expect(room.doc.getMap('notes').get('ok')).toBe('läsbar');
    await room.accept(updateSetting('more', 'mer'), silentPeer());
    await room.compact();
    const stored = await s.load(docName('w', 'board'));
    expect(stored).toHaveLength(2);
    expect(stored[1]).toEqual(unreadable);
  });

  it('a peer that is not reading gets no presence meanwhile, then the latest state of what it missed', async () => {
    const room = await load(docName('w', 'board'), store(), {
      maxDocBytes: 1 << 20,
      compactAfterUpdates: 1000,
    });
    const mover = silentPeer();
    const slow = silentPeer();
    let congested = true;
    slow.congested = () => congested;
    room.addPeer(mover);
    room.addPeer(slow);
    room.sendAllAwareness(slow);
    const moverDoc = new Y.Doc();
    const moverAwareness = new Awareness(moverDoc);
    const move = (x: number) => {
      moverAwareness.setLocalStateField('cursor', { x });
      room.receiveAwareness(encodeAwarenessUpdate(moverAwareness, [moverDoc.clientID]), mover);
    };
    const flush = () => new Promise((r) => setTimeout(r, BASE.awarenessFlushMs * 2));
    for (const x of [1, 2, 3]) {
      move(x);
      await flush();
    }
    expect(slow.received).toHaveLength(0);
    congested = false;
    await flush();
    expect(slow.received).toHaveLength(1);
    const seen = new Awareness(new Y.Doc());
    applyAwarenessUpdate(seen, readAwarenessPayload(slow.received[0]!), 'server');
    expect(seen.getStates().get(moverDoc.clientID)).toEqual({ cursor: { x: 3 } });
    moverAwareness.destroy();
    seen.destroy();
  });
});
