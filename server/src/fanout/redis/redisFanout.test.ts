import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeFanoutMessage, encodeFanoutMessage, roomChannel } from './redisFanout';

describe('messages between server processes', () => {
  it('carry kind, sender and payload through encoding unchanged', () => {
    const sender = randomBytes(16);
    const payload = new Uint8Array([0, 1, 2, 250, 255]);
    for (const kind of ['update', 'awareness'] as const) {
      const decoded = decodeFanoutMessage(encodeFanoutMessage(kind, sender, payload));
      expect(decoded?.kind).toBe(kind);
      expect(decoded?.sender.equals(sender)).toBe(true);
      expect([...decoded!.payload]).toEqual([...payload]);
    }
  });

  it('are ignored when unreadable', () => {
    expect(decodeFanoutMessage(Buffer.from([7, ...randomBytes(16)]))).toBeNull();
    expect(decodeFanoutMessage(Buffer.from([0, 1, 2]))).toBeNull();
    expect(decodeFanoutMessage(Buffer.alloc(0))).toBeNull();
  });

  it('use one channel per room', () => {
    expect(roomChannel('abc/board')).toBe('samskapa:room:abc/board');
  });
});
