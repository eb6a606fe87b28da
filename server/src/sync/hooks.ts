import { canWrite, type DocKind, type DocName, type Role } from '@samskapa/shared';
import type * as Y from 'yjs';

/** The part of a room its hooks see. */
export interface HookedRoom {
  readonly name: DocName;
  readonly kind: DocKind;
  readonly workshopId: string;
  readonly doc: Y.Doc;
}

/**
 * What a room calls at the points of its life where rules and features plug in (as Hocuspocus's
 * extensions do): role rules, the board lock and the server's own writes live here, not in the room.
 */
export interface RoomHooks {
  /** The document was loaded from the store; no peer has been answered yet. */
  onLoad?(room: HookedRoom): Promise<void> | void;
  /**
   * Whether an update from a peer with `role` is accepted. A refused update is dropped: not stored,
   * not applied, not broadcast, and the peer keeps it (it may send it again: the lock). A hook that
   * refuses for good throws `RefusedChangeError`: the writer's connection is closed. Every hook must accept.
   */
  acceptUpdate?(room: HookedRoom, update: Uint8Array, role: Role): boolean;
  /** An update was stored and applied (from a peer, or written by the server). */
  onStored?(room: HookedRoom, update: Uint8Array): void;
  /** The room is about to be unloaded (idle, shutdown or its workshop deleted). */
  onUnload?(room: HookedRoom): void;
}

/** A role writes only the documents it may: participants the board, facilitators both, viewers none. */
export const roleRules: RoomHooks = {
  acceptUpdate: (room, _update, role) => canWrite(role, room.kind),
};
