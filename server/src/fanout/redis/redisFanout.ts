import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Fanout, FanoutKind } from '../types';

/** Channel of a room's messages. */
export const roomChannel = (room: string) => `samskapa:room:${room}`;
/** Channel on which a process asks every other one to reload its rooms from the store. */
export const RESYNC_CHANNEL = 'samskapa:resync';

const KIND_CODES: Record<FanoutKind, number> = { update: 0, awareness: 1, awarenessRequest: 2, deleted: 3 };
const KINDS: FanoutKind[] = ['update', 'awareness', 'awarenessRequest', 'deleted'];
const PROCESS_ID_BYTES = 16;
const HEADER_BYTES = 1 + PROCESS_ID_BYTES;

/** A message on a room channel: kind, sender process id, payload. */
export function encodeFanoutMessage(kind: FanoutKind, sender: Buffer, payload: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(HEADER_BYTES + payload.byteLength);
  message[0] = KIND_CODES[kind];
  sender.copy(message, 1);
  message.set(payload, HEADER_BYTES);
  return message;
}

export function decodeFanoutMessage(
  message: Buffer,
): { kind: FanoutKind; sender: Buffer; payload: Uint8Array } | null {
  const kind = KINDS[message[0] ?? -1];
  if (!kind || message.byteLength < HEADER_BYTES) return null;
  return {
    kind,
    sender: message.subarray(1, HEADER_BYTES),
    payload: new Uint8Array(
      message.buffer,
      message.byteOffset + HEADER_BYTES,
      message.byteLength - HEADER_BYTES,
    ),
  };
}

/**
 * Fan-out between server processes over Redis pub/sub, one channel per room. Pub/sub is fire-and-forget,
 * and every update is in the shared store before it is published, so nothing is repaired here: whenever
 * messages may have been missed, rooms reload from the store.
 * - This process's subscriber reconnects: it subscribes again, then runs the `onResync` handlers.
 * - A publish failed (Redis down): once the publisher is back, it asks all other processes to resync,
 *   since they may have reconnected before this process's write reached the store.
 * Publishing never waits for Redis and never throws.
 */
export function createRedisFanout(url: string, log: Logger): Fanout {
  const processId = randomBytes(PROCESS_ID_BYTES);
  const options = {
    // Commands are refused at once while disconnected instead of queueing without bound.
    enableOfflineQueue: false,
    autoResubscribe: false,
    retryStrategy: (times: number) => Math.min(times * 100, 1000),
    connectionName: 'samskapa',
  };
  const publisher = new Redis(url, { ...options, commandTimeout: 5_000 });
  const subscriber = new Redis(url, options);
  const receivers = new Map<string, (kind: FanoutKind, payload: Uint8Array) => void>();
  const resyncHandlers: (() => void)[] = [];
  let missedPublish = false;
  let closed = false;

  const connectionLog = (name: string, connection: Redis) => {
    let up = false;
    connection.on('ready', () => {
      up = true;
      log.info({ redis: name }, 'Redis connected');
    });
    connection.on('close', () => {
      if (up) log.warn({ redis: name }, 'Redis connection lost; reconnecting');
      up = false;
    });
    connection.on('error', (err: Error) => log.debug({ redis: name, err: err.message }, 'Redis error'));
  };
  connectionLog('publisher', publisher);
  connectionLog('subscriber', subscriber);

  const resync = () => {
    for (const handler of resyncHandlers) handler();
  };

  subscriber.on('ready', () => {
    // Subscribe before reloading, so nothing published after the reload can be missed.
    const channels = [RESYNC_CHANNEL, ...[...receivers.keys()].map(roomChannel)];
    subscriber.subscribe(...channels).then(resync, (err: unknown) => {
      // The connection dropped again; the next 'ready' retries.
      log.warn({ err }, 'Redis resubscription failed');
    });
  });

  subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
    const channel = channelBuffer.toString('utf8');
    if (channel === RESYNC_CHANNEL) {
      if (!message.equals(processId)) resync();
      return;
    }
    const decoded = decodeFanoutMessage(message);
    if (!decoded || decoded.sender.equals(processId)) return;
    const room = channel.slice(roomChannel('').length);
    receivers.get(room)?.(decoded.kind, decoded.payload);
  });

  /** Ask the other processes to reload from the store, once the publisher can reach Redis again. */
  const announceMissed = () => {
    if (!missedPublish || closed || publisher.status !== 'ready') return;
    missedPublish = false;
    publisher.publish(RESYNC_CHANNEL, processId).catch(() => {
      missedPublish = true;
    });
  };
  publisher.on('ready', announceMissed);
  const publishFailed = () => {
    missedPublish = true;
    // A timed-out publish leaves the connection up: no 'ready' will come, so announce soon.
    setTimeout(announceMissed, 200).unref();
  };

  return {
    async subscribe(room, receive) {
      receivers.set(room, receive);
      // While disconnected, the next 'ready' subscribes and resyncs every room, this one included.
      if (subscriber.status !== 'ready') return;
      await subscriber.subscribe(roomChannel(room)).catch((err: unknown) => {
        log.warn({ room, err }, 'Redis subscription failed; the room resyncs on reconnect');
      });
    },
    async unsubscribe(room) {
      receivers.delete(room);
      if (subscriber.status !== 'ready') return;
      await subscriber.unsubscribe(roomChannel(room)).catch(() => undefined);
    },
    publish(room, kind, payload) {
      if (closed) return;
      if (publisher.status !== 'ready') {
        missedPublish = true;
        return;
      }
      publisher
        .publish(roomChannel(room), encodeFanoutMessage(kind, processId, payload))
        .catch(publishFailed);
    },
    onResync(handler) {
      resyncHandlers.push(handler);
    },
    async close() {
      closed = true;
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
