import { docNamesOf, workshopIdOfDoc, type DocName } from '@samskapa/shared';
import type { Logger } from 'pino';
import type { Fanout } from '../fanout/types';
import type { DocStore } from '../store/types';
import * as Y from 'yjs';
import { roleRules, type RoomHooks } from './hooks';
import { Room, type Peer, type RoomContext, type RoomOptions } from './room';

export interface RoomsOptions extends RoomOptions {
  /** How long an empty room stays loaded before it is persisted and unloaded. */
  idleUnloadMs: number;
}

/** The live rooms of this process: loads on first use, unloads after the last peer has gone. */
export class Rooms {
  private readonly loading = new Map<DocName, Promise<Room>>();
  private readonly idleTimers = new Map<DocName, NodeJS.Timeout>();
  /** Accepted updates since start, for metrics. */
  acceptedUpdates = 0;

  private readonly context: RoomContext;
  private readonly deletedHandlers: ((workshopId: string) => void)[] = [];
  private readonly fanout: Fanout;
  private readonly hooks: RoomHooks[] = [roleRules];
  /** Set at shutdown: rooms released by others' hooks are not scheduled for unloading any more. */
  private closing = false;

  constructor(
    store: DocStore,
    fanout: Fanout,
    private readonly options: RoomsOptions,
    private readonly log: Logger,
  ) {
    this.fanout = fanout;
    this.context = {
      store,
      fanout,
      options,
      log,
      onAccepted: () => this.acceptedUpdates++,
      onDeletedElsewhere: (room) => this.deletedElsewhere(workshopIdOfDoc(room)),
      hooks: this.hooks,
    };
    // Messages between processes may have been lost: every room catches up from the shared store.
    fanout.onResync(() => {
      void this.loaded().then((rooms) =>
        Promise.all(
          rooms.map((r) =>
            r.applyStored().catch((err: unknown) => log.error({ room: r.name, err }, 'resync failed')),
          ),
        ),
      );
    });
  }

  /** Add rules and features to every room loaded from now on (call before serving). */
  use(...hooks: RoomHooks[]): void {
    this.hooks.push(...hooks);
  }

  /**
   * Keep the room `name` loaded until {@link release}: how the server reads a document no one may be
   * connected to (the board's lock lives in the control doc).
   */
  acquire(name: DocName): Promise<{ room: Room; release: () => void }> {
    const holder: Peer = { role: 'facilitator', send: () => {}, congested: () => false };
    return this.join(name, holder).then((room) => ({ room, release: () => this.leave(room, holder) }));
  }

  /**
   * Change a document as the server (publishing vote totals, a participant's chosen group): the change
   * is made on a copy and then stored, applied and broadcast like a facilitator's update. Resolves
   * false when nothing was changed or the room was unloaded meanwhile.
   */
  async change(name: DocName, edit: (doc: Y.Doc) => void): Promise<boolean> {
    const { room, release } = await this.acquire(name);
    try {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      const updates: Uint8Array[] = [];
      copy.on('update', (update: Uint8Array) => updates.push(update));
      edit(copy);
      copy.destroy();
      if (updates.length === 0) return false;
      const server: Peer = { role: 'facilitator', send: () => {}, congested: () => false };
      return await room.accept(Y.mergeUpdates(updates), server);
    } finally {
      release();
    }
  }

  /** The room `name` with `peer` added, loading the document from the store if needed. */
  async join(name: DocName, peer: Peer): Promise<Room> {
    const timer = this.idleTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(name);
    }
    let room = this.loading.get(name);
    if (!room) {
      room = Room.load(name, this.context);
      this.loading.set(name, room);
      room.catch(() => this.loading.delete(name));
    }
    const loaded = await room;
    if (loaded.destroyed) return this.join(name, peer);
    loaded.addPeer(peer);
    return loaded;
  }

  /** Remove a peer; an empty room is unloaded after the grace period. */
  leave(room: Room, peer: Peer): void {
    room.removePeer(peer);
    if (room.destroyed || this.closing) return;
    if (room.peerCount > 0 || this.idleTimers.has(room.name)) return;
    this.idleTimers.set(
      room.name,
      setTimeout(() => {
        this.idleTimers.delete(room.name);
        if (room.peerCount === 0) void this.unload(room);
      }, this.options.idleUnloadMs),
    );
  }

  private async unload(room: Room): Promise<void> {
    try {
      await room.compact();
    } catch (err) {
      this.log.error({ room: room.name, err }, 'could not compact a room on unload; its log is kept');
    }
    // A peer may have joined while the compaction was stored.
    if (room.peerCount > 0) return;
    this.loading.delete(room.name);
    room.destroy();
    this.log.debug({ room: room.name }, 'unloaded');
  }

  /** Rooms loaded now. */
  get size(): number {
    return this.loading.size;
  }

  /** Loaded rooms, all of them or those of the given documents. */
  async loaded(names?: readonly DocName[]): Promise<Room[]> {
    const rooms = await Promise.all(
      [...this.loading]
        .filter(([name]) => !names || names.includes(name))
        .map(([, r]) => r.catch(() => null)),
    );
    return rooms.filter((r): r is Room => r !== null);
  }

  /** Register what to do when another process deleted a workshop whose rooms are loaded here. */
  onDeletedElsewhere(handler: (workshopId: string) => void): void {
    this.deletedHandlers.push(handler);
  }

  /** Workshops with at least one room loaded here. */
  loadedWorkshops(): string[] {
    return [...new Set([...this.loading.keys()].map(workshopIdOfDoc))];
  }

  /** A workshop with rooms here was deleted by someone else (another process, the admin command). */
  deletedElsewhere(workshopId: string): void {
    for (const handler of this.deletedHandlers) handler(workshopId);
  }

  /** Tell the other processes that a workshop was deleted, so they drop its rooms and sockets. */
  announceDeleted(workshopId: string): void {
    for (const name of docNamesOf(workshopId)) this.fanout.publish(name, 'deleted', new Uint8Array(0));
  }

  /** Drop a workshop's rooms without storing them (the workshop was deleted). */
  async discardWorkshop(workshopId: string): Promise<void> {
    for (const room of await this.loaded(docNamesOf(workshopId))) {
      clearTimeout(this.idleTimers.get(room.name));
      this.idleTimers.delete(room.name);
      this.loading.delete(room.name);
      room.destroy();
    }
  }

  /** Persist every room (at shutdown). */
  async persistAll(): Promise<void> {
    this.closing = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const room of await this.loaded()) {
      try {
        await room.compact();
      } catch (err) {
        this.log.error({ room: room.name, err }, 'could not compact a room at shutdown; its log is kept');
      }
      room.destroy();
    }
    this.loading.clear();
  }
}
