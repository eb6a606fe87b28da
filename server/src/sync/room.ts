import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Fanout, FanoutKind } from '../fanout/types';
import type { DocStore } from '../store/types';
import { workshopIdOfDoc, type DocKind, type DocName, type Role } from '@samskapa/shared';
import type { HookedRoom, RoomHooks } from './hooks';
import { encodeAwareness, encodeAwarenessKeepalive, encodeUpdate, writeAwarenessEntries } from './messages';
import { admitPresence, newPresenceAllowance, type PresenceAllowance } from './presencePolicy';

export { PresenceRejectedError } from './presencePolicy';

/** A peer of a room: something that receives encoded messages. */
export interface Peer {
  /** What the peer may do; the room's hooks decide what that means for an update. */
  readonly role: Role;
  send(message: Uint8Array): void;
  /** True while the peer is not reading what it was sent (its outgoing buffer is large). */
  congested(): boolean;
}

export class DocTooLargeError extends Error {}

/** The workshop was deleted (perhaps by another process) while a write was on its way: nothing stored. */
export class WorkshopGoneError extends Error {}

export interface RoomOptions {
  maxDocBytes: number;
  /** Compact the log once it holds this many updates. */
  compactAfterUpdates: number;
  /** Awareness changes are merged and sent once per this interval (ms). */
  awarenessFlushMs: number;
  /** A peer that has been sent nothing for this long gets an empty message, so its client knows we are alive. */
  keepaliveMs: number;
}

export interface RoomContext {
  store: DocStore;
  fanout: Fanout;
  options: RoomOptions;
  log: Logger;
  /** Called for every update accepted from a peer of this process. */
  onAccepted: () => void;
  /** Another process deleted this room's workshop. */
  onDeletedElsewhere: (room: DocName) => void;
  /** Rules and features, called in order at each point of a room's life. */
  hooks: readonly RoomHooks[];
}

interface PeerState {
  /** Awareness client ids this peer controls, and its presence rate. */
  presence: PresenceAllowance;
  /** Peers that never sent or asked for awareness (phones in the participant view) get none. */
  wantsAwareness: boolean;
  /** Presence changes skipped while the peer was congested; sent, merged, once it reads again. */
  owedPresence: Set<number>;
  lastSentAt: number;
}

/** Origin of changes that came from another process or from the store. */
const REMOTE = Symbol('remote');

/**
 * One live Yjs document and the peers connected to it. Every accepted update is stored before it is
 * applied and broadcast, so what a peer has seen is always in the store.
 */
export class Room implements HookedRoom {
  readonly doc = new Y.Doc();
  readonly kind: DocKind;
  readonly workshopId: string;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peerStates = new Map<Peer, PeerState>();
  /** Which local peer speaks for each awareness client id. */
  private readonly presenceOwners = new Map<number, Peer>();
  private readonly changedAwareness = new Set<number>();
  private readonly timers: NodeJS.Timeout[] = [];
  private storedBytes = 0;
  private loggedUpdates = 0;
  /** Stored updates that could not be applied; compaction keeps them in the log. */
  private readonly unreadable: Uint8Array[] = [];
  /** True once unloaded; a peer that got this room while it was unloading must join again. */
  destroyed = false;
  /** True once every hook's `onLoad` ran: only then is `onUnload` owed. */
  private hooked = false;

  private constructor(
    readonly name: DocName,
    private readonly ctx: RoomContext,
  ) {
    this.kind = name.slice(name.lastIndexOf('/') + 1) as DocKind;
    this.workshopId = workshopIdOfDoc(name);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = encodeUpdate(update);
      for (const peer of this.peerStates.keys()) if (peer !== origin) this.send(peer, message);
      if (origin !== REMOTE) ctx.fanout.publish(name, 'update', update);
    });
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const state = this.peerStates.get(origin as Peer);
        if (state) {
          for (const id of added) {
            state.presence.controlled.add(id);
            this.presenceOwners.set(id, origin as Peer);
          }
        }
        for (const id of removed) {
          const owner = this.presenceOwners.get(id);
          this.peerStates.get(owner!)?.presence.controlled.delete(id);
          this.presenceOwners.delete(id);
        }
        for (const id of [...added, ...updated, ...removed]) this.changedAwareness.add(id);
        if (origin !== REMOTE) {
          ctx.fanout.publish(
            name,
            'awareness',
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]),
          );
        }
      },
    );
    this.timers.push(setInterval(() => this.flushAwareness(), ctx.options.awarenessFlushMs));
    this.timers.push(setInterval(() => this.keepalive(), ctx.options.keepaliveMs / 2));
  }

  /** Load a room's document from the store; resolves before any peer can talk to it. */
  static async load(name: DocName, ctx: RoomContext): Promise<Room> {
    const room = new Room(name, ctx);
    let updates: Uint8Array[];
    try {
      await ctx.fanout.subscribe(name, (kind, payload) => room.receiveRemote(kind, payload));
      // People connected to other processes are shown at once, not at their next presence renewal.
      ctx.fanout.publish(name, 'awarenessRequest', new Uint8Array(0));
      updates = await room.applyStored();
    } catch (err) {
      room.destroy();
      throw err;
    }
    room.storedBytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    // A single stored update is already the compacted state.
    room.loggedUpdates = updates.length <= 1 ? 0 : updates.length;
    try {
      for (const hook of ctx.hooks) await hook.onLoad?.(room);
      room.hooked = true;
    } catch (err) {
      room.destroy();
      throw err;
    }
    return room;
  }

  /** Apply everything in the store (idempotent); also how a room catches up after missed messages. */
  async applyStored(): Promise<Uint8Array[]> {
    const updates = await this.ctx.store.load(this.name);
    Y.transact(
      this.doc,
      () => {
        for (const update of updates) {
          try {
            Y.applyUpdate(this.doc, update, REMOTE);
          } catch (err) {
            // One unreadable row must not make a whole workshop unreadable, nor be lost.
            this.ctx.log.error({ room: this.name, err }, 'skipped an unreadable stored update');
            if (!this.unreadable.some((u) => equal(u, update))) this.unreadable.push(update);
          }
        }
      },
      REMOTE,
    );
    return updates;
  }

  private receiveRemote(kind: FanoutKind, payload: Uint8Array): void {
    try {
      if (kind === 'update') Y.applyUpdate(this.doc, payload, REMOTE);
      else if (kind === 'awareness') awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, REMOTE);
      else if (kind === 'deleted') this.ctx.onDeletedElsewhere(this.name);
      else if (kind === 'awarenessRequest' && this.presenceOwners.size > 0) {
        const own = [...this.presenceOwners.keys()];
        this.ctx.fanout.publish(
          this.name,
          'awareness',
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, own),
        );
      }
    } catch (err) {
      this.ctx.log.error(
        { room: this.name, kind, err },
        'ignored an unreadable message from another process',
      );
    }
  }

  /**
   * Store, apply and broadcast an update from `from`, if every hook accepts it from the peer's role;
   * resolves false when it was dropped. Throws `DocTooLargeError` (nothing stored) when the document
   * would grow past its limit, `WorkshopGoneError` (nothing stored) when the workshop no longer exists,
   * and rethrows a store failure (nothing applied).
   */
  async accept(update: Uint8Array, from: Peer): Promise<boolean> {
    // A discarded room (its workshop was deleted) must never write to the store again.
    if (this.destroyed) return false;
    if (!this.ctx.hooks.every((hook) => hook.acceptUpdate?.(this, update, from.role) ?? true)) return false;
    const { store, options } = this.ctx;
    if (this.storedBytes + update.byteLength > options.maxDocBytes) {
      // The log overestimates the document; measure the real size before refusing.
      await this.compact();
      if (this.storedBytes + update.byteLength > options.maxDocBytes) throw new DocTooLargeError();
    }
    if (!(await store.append(this.name, update))) throw new WorkshopGoneError();
    this.storedBytes += update.byteLength;
    this.loggedUpdates++;
    Y.applyUpdate(this.doc, update, from);
    this.ctx.onAccepted();
    for (const hook of this.ctx.hooks) hook.onStored?.(this, update);
    if (this.loggedUpdates >= options.compactAfterUpdates) await this.compact();
    return true;
  }

  /** Apply an awareness update from a peer; the merged change goes out at the next flush. */
  receiveAwareness(update: Uint8Array, from: Peer): void {
    const state = this.peerStates.get(from);
    if (!state) return;
    const own = admitPresence(
      update,
      from,
      state.presence,
      (id) => this.presenceOwners.get(id),
      (id) => this.awareness.meta.has(id),
    );
    if (own.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessEntries(own), from);
    }
    if (!state.wantsAwareness) this.sendAllAwareness(from);
  }

  /** Send a peer every known awareness state, and keep it informed from now on. */
  sendAllAwareness(peer: Peer): void {
    const state = this.peerStates.get(peer);
    if (state) state.wantsAwareness = true;
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) this.send(peer, encodeAwareness(this.awareness, clients));
  }

  /** Replace the stored log by the state of the live document. */
  async compact(): Promise<void> {
    if (this.loggedUpdates === 0 || this.destroyed) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.ctx.store.compact(this.name, state, this.unreadable);
    this.ctx.log.debug(
      { room: this.name, updates: this.loggedUpdates, bytes: state.byteLength },
      'compacted',
    );
    this.storedBytes = state.byteLength;
    this.loggedUpdates = 0;
  }

  get peerCount(): number {
    return this.peerStates.size;
  }

  addPeer(peer: Peer): void {
    this.peerStates.set(peer, {
      presence: newPresenceAllowance(),
      wantsAwareness: false,
      owedPresence: new Set(),
      lastSentAt: Date.now(),
    });
  }

  /** Forget a peer and the awareness states it controlled. */
  removePeer(peer: Peer): void {
    const state = this.peerStates.get(peer);
    this.peerStates.delete(peer);
    if (state && state.presence.controlled.size > 0) {
      const ids = [...state.presence.controlled];
      awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
      for (const id of ids) this.presenceOwners.delete(id);
    }
  }

  /** Send to one peer, remembering when it last heard from us. */
  send(peer: Peer, message: Uint8Array): void {
    const state = this.peerStates.get(peer);
    if (state) state.lastSentAt = Date.now();
    peer.send(message);
  }

  /**
   * One merged awareness message for all changes since the last flush, to every peer that wants it.
   * A peer that is not reading (a phone on poor wifi) is skipped, so presence never queues up in front
   * of document updates; it gets the latest state of everything it missed, in one message, later.
   */
  private flushAwareness(): void {
    const changed = [...this.changedAwareness];
    this.changedAwareness.clear();
    let shared: Uint8Array | undefined;
    for (const [peer, state] of this.peerStates) {
      if (!state.wantsAwareness || (changed.length === 0 && state.owedPresence.size === 0)) continue;
      if (peer.congested()) {
        for (const id of changed) state.owedPresence.add(id);
        continue;
      }
      if (state.owedPresence.size > 0) {
        for (const id of changed) state.owedPresence.add(id);
        this.send(peer, encodeAwareness(this.awareness, [...state.owedPresence]));
        state.owedPresence.clear();
        continue;
      }
      // The sender gets its own change back too: it is how a lone client learns the server is alive.
      shared ??= encodeAwareness(this.awareness, changed);
      this.send(peer, shared);
    }
  }

  private keepalive(): void {
    const quietSince = Date.now() - this.ctx.options.keepaliveMs;
    for (const [peer, state] of this.peerStates) {
      if (state.lastSentAt < quietSince) this.send(peer, encodeAwarenessKeepalive());
    }
  }

  destroy(): void {
    if (this.hooked && !this.destroyed) for (const hook of this.ctx.hooks) hook.onUnload?.(this);
    this.destroyed = true;
    for (const timer of this.timers) clearInterval(timer);
    void this.ctx.fanout.unsubscribe(this.name);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);
}
