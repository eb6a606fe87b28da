import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress';

const req = (xff: string | undefined) =>
  ({
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
    socket: { remoteAddress: '10.0.0.1' },
  }) as never;

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted, since anyone can send it', () => {
    expect(clientAddress(req('203.0.113.9'), 0)).toBe('10.0.0.1');
  });

  it('takes what the nearest trusted proxy saw, not what the client claims', () => {
    expect(clientAddress(req('198.51.100.7, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(req('198.51.100.7, 203.0.113.9'), 2)).toBe('198.51.100.7');
    expect(clientAddress(req(undefined), 1)).toBe('10.0.0.1');
  });
});
