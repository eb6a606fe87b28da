import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocStore } from '../store/types';
import { encodeAwareness, encodeUpdate } from './messages';

/** A peer of a room: something that receives encoded messages. */
export interface Peer {
  send(message: Uint8Array): void;
}

export class DocTooLargeError extends Error {}

export interface RoomOptions {
  maxDocBytes: number;
  /** Compact the log once it holds this many updates. */
  compactAfterUpdates: number;
}

/**
 * One live Yjs document and the peers connected to it. Every accepted update is stored before it is
 * applied and broadcast, so what a peer has seen is always on disk.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  /** Peers and the awareness client ids each of them controls. */
  readonly peers = new Map<Peer, Set<number>>();
  private storedBytes = 0;
  private loggedUpdates = 0;

  private constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly options: RoomOptions,
    private readonly log: Logger,
    private readonly onAccepted: () => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = encodeUpdate(update);
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    });
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const controlled = this.peers.get(origin as Peer);
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
        const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
        // Sent to the sender too: it is how a lone client learns the server is alive.
        for (const peer of this.peers.keys()) peer.send(message);
      },
    );
  }

  /** Load a room's document from the store; resolves before any peer can talk to it. */
  static async load(
    name: string,
    store: DocStore,
    options: RoomOptions,
    log: Logger,
    onAccepted: () => void,
  ): Promise<Room> {
    const room = new Room(name, store, options, log, onAccepted);
    const updates = await store.load(name);
    Y.transact(room.doc, () => {
      for (const update of updates) {
        try {
          Y.applyUpdate(room.doc, update);
        } catch (err) {
          // One unreadable row must not make a whole workshop unreadable.
          log.error({ room: name, err }, 'skipped an unreadable stored update');
        }
        room.storedBytes += update.byteLength;
        room.loggedUpdates++;
      }
    });
    // A single stored update is already the compacted state.
    if (room.loggedUpdates <= 1) room.loggedUpdates = 0;
    return room;
  }

  /**
   * Store, apply and broadcast an update from `from`. Throws `DocTooLargeError` (nothing stored) when
   * the document would grow past its limit, and rethrows a store failure (nothing applied).
   */
  async accept(update: Uint8Array, from: Peer): Promise<void> {
    if (this.storedBytes + update.byteLength > this.options.maxDocBytes) {
      // The log overestimates the document; measure the real size before refusing.
      await this.compact();
      if (this.storedBytes + update.byteLength > this.options.maxDocBytes) throw new DocTooLargeError();
    }
    await this.store.append(this.name, update);
    this.storedBytes += update.byteLength;
    this.loggedUpdates++;
    Y.applyUpdate(this.doc, update, from);
    this.onAccepted();
    if (this.loggedUpdates >= this.options.compactAfterUpdates) await this.compact();
  }

  /** Replace the stored log by the state of the live document. */
  async compact(): Promise<void> {
    if (this.loggedUpdates === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.name, state);
    this.log.debug({ room: this.name, updates: this.loggedUpdates, bytes: state.byteLength }, 'compacted');
    this.storedBytes = state.byteLength;
    this.loggedUpdates = 0;
  }

  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set());
  }

  /** Forget a peer and the awareness states it controlled. */
  removePeer(peer: Peer): void {
    const controlled = this.peers.get(peer);
    this.peers.delete(peer);
    if (controlled && controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    }
  }

  /** True once unloaded; a peer that got this room while it was unloading must join again. */
  destroyed = false;

  destroy(): void {
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
