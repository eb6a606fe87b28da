import { describe, expect, it } from 'vitest';
import { mayMountCanvas } from './licence';

describe('tldraw licence policy', () => {
  it('mounts the canvas on development origins without a key', () => {
    expect(mayMountCanvas({ protocol: 'http:', hostname: '192.168.1.20' }, null)).toBe(true);
    expect(mayMountCanvas({ protocol: 'https:', hostname: 'localhost' }, null)).toBe(true);
  });

  it('does not mount the canvas on a production origin without a key', () => {
    expect(mayMountCanvas({ protocol: 'https:', hostname: 'samskapa.region.se' }, null)).toBe(false);
  });

  it('mounts the canvas on a production origin with a key', () => {
    expect(mayMountCanvas({ protocol: 'https:', hostname: 'samskapa.region.se' }, 'key')).toBe(true);
  });
});
