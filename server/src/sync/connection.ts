import { CloseCode, type DocName, type Role } from '@samskapa/shared';
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { encodeSyncStep1, encodeSyncStep2, MessageType, SyncType } from './messages';
import { DocTooLargeError, PresenceRejectedError, WorkshopGoneError, type Peer, type Room } from './room';
import { RefusedChangeError } from './recordRules';
import type { Rooms } from './rooms';

export interface ConnectionContext {
  rooms: Rooms;
  log: Logger;
  maxMessageBytes: number;
  /** Counts messages a read-only connection sent that were dropped. */
  onDropped: () => void;
}

/** Outgoing bytes waiting for a peer above which it is treated as not reading. */
const CONGESTED_BYTES = 256 * 1024;

/** A message that arrived before the connection was admitted. */
export type EarlyMessage = [data: Buffer, isBinary: boolean];

/** Thrown when a message cannot be decoded; the connection is closed with 4400. */
class BadMessageError extends Error {}

/**
 * Serve one socket of one room: the y-websocket protocol with the role's rights. Messages are handled
 * strictly in arrival order, after the room's document has been loaded.
 */
export function serveConnection(
  ws: WebSocket,
  roomName: DocName,
  role: Role,
  ctx: ConnectionContext,
  early: EarlyMessage[] = [],
): void {
  const log = ctx.log.child({ room: roomName, role });
  let room: Room | undefined;
  /** Set when the server refused the connection: nothing more it sent is handled. */
  let closed = false;
  /** Bytes received but not yet handled; reading pauses above the limit (backpressure). */
  let pendingBytes = 0;
  const pauseAbove = ctx.maxMessageBytes * 4;
  const peer: Peer = {
    role,
    send(message) {
      if (ws.readyState === ws.OPEN) ws.send(message);
    },
    congested: () => ws.bufferedAmount > CONGESTED_BYTES,
  };

  const close = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    log.info({ code, reason }, 'closing connection');
    ws.close(code, reason);
  };

  const handle = async (message: Uint8Array): Promise<void> => {
    // After the client itself closed, what it sent before is still handled: its last edits count.
    if (closed || !room) return;
    try {
      await handleMessage(room, message);
    } catch (err) {
      if (err instanceof BadMessageError) return close(CloseCode.badMessage, 'malformed message');
      if (err instanceof DocTooLargeError) return close(CloseCode.tooLarge, 'document too large');
      if (err instanceof WorkshopGoneError) return close(CloseCode.notFound, 'workshop deleted');
      if (err instanceof PresenceRejectedError) return close(err.code, err.message);
      if (err instanceof RefusedChangeError) return close(CloseCode.refused, err.message);
      log.error({ err }, 'could not store an update');
      return close(CloseCode.storeFailed, 'could not store the change');
    }
  };

  const handleMessage = async (room: Room, message: Uint8Array): Promise<void> => {
    const decoder = decoding.createDecoder(message);
    const type = read(() => decoding.readVarUint(decoder));
    switch (type) {
      case MessageType.sync: {
        const syncType = read(() => decoding.readVarUint(decoder));
        const payload = read(() => decoding.readVarUint8Array(decoder));
        if (syncType === SyncType.step1) {
          room.send(
            peer,
            read(() => encodeSyncStep2(room.doc, payload)),
          );
        } else if (syncType === SyncType.step2 || syncType === SyncType.update) {
          validateUpdate(payload);
          // The room's hooks decide: a viewer's update, a participant's on the control doc or while
          // the board is locked, is dropped (the client is told by what it reads, not by a close).
          if (!(await room.accept(payload, peer))) ctx.onDropped();
        } else {
          throw new BadMessageError();
        }
        return;
      }
      case MessageType.awareness: {
        const update = read(() => decoding.readVarUint8Array(decoder));
        try {
          room.receiveAwareness(update, peer);
        } catch (err) {
          throw err instanceof PresenceRejectedError ? err : new BadMessageError();
        }
        return;
      }
      case MessageType.queryAwareness:
        room.sendAllAwareness(peer);
        return;
      case MessageType.auth:
        // Authentication happens on upgrade; the client never needs to send this.
        return;
      default:
        throw new BadMessageError();
    }
  };

  // Registered before the room loads so that nothing the client sends right after opening is lost.
  let queue: Promise<void> = ctx.rooms.join(roomName, peer).then(
    (r) => {
      room = r;
      if (closed) return;
      r.send(peer, encodeSyncStep1(r.doc));
    },
    (err: unknown) => {
      log.error({ err }, 'could not load the document');
      close(CloseCode.storeFailed, 'could not load the document');
    },
  );
  const onMessage = (data: Buffer, isBinary: boolean) => {
    if (closed) return;
    if (!isBinary) return close(CloseCode.badMessage, 'text message');
    if (data.byteLength > ctx.maxMessageBytes) return close(CloseCode.tooLarge, 'message too large');
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    pendingBytes += message.byteLength;
    if (pendingBytes > pauseAbove) ws.pause();
    queue = queue.then(async () => {
      await handle(message);
      pendingBytes -= message.byteLength;
      if (pendingBytes <= pauseAbove / 2 && ws.isPaused) ws.resume();
    });
  };
  for (const [data, isBinary] of early) onMessage(data, isBinary);
  ws.on('message', onMessage);
  ws.on('close', () => {
    void queue.then(() => {
      if (room) ctx.rooms.leave(room, peer);
    });
  });
}

/** Run a decoding step; any failure means the message was malformed. */
function read<T>(step: () => T): T {
  try {
    return step();
  } catch {
    throw new BadMessageError();
  }
}

/** Refuse an update that does not decode before it can reach the store. */
function validateUpdate(update: Uint8Array): void {
  read(() => Y.decodeUpdate(update));
}
