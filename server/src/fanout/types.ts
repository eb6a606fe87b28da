/**
 * What travels between server processes for one room: document updates, presence, a request for the
 * presence of everyone connected elsewhere (sent when a process loads the room), and the news that the
 * room's workshop was deleted.
 */
export type FanoutKind = 'update' | 'awareness' | 'awarenessRequest' | 'deleted';

/**
 * Carries a room's updates and awareness to the other server processes serving the same room.
 * Delivery is best effort: after `onResync` fires, every room reloads its document from the shared store.
 */
export interface Fanout {
  /** Start receiving what other processes publish for `room`. */
  subscribe(room: string, receive: (kind: FanoutKind, payload: Uint8Array) => void): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  /** Send to the other processes; never delivered back to this one. */
  publish(room: string, kind: FanoutKind, payload: Uint8Array): void;
  /** Register what to do when messages may have been missed (e.g. after a reconnect). */
  onResync(handler: () => void): void;
  close(): Promise<void>;
}
