import { describe, expect, it } from 'vitest';
import { colourFor, parseFragment } from './identity';

describe('capability links', () => {
  it('reads the role and token from a link fragment', () => {
    expect(parseFragment('#f=secret')).toEqual({ role: 'facilitator', token: 'secret' });
    expect(parseFragment('#p=abc')).toEqual({ role: 'participant', token: 'abc' });
    expect(parseFragment('#v=xyz')).toEqual({ role: 'viewer', token: 'xyz' });
    expect(parseFragment('')).toBeNull();
    expect(parseFragment('#other=1')).toBeNull();
  });

  it('gives a person the same colour every time', () => {
    expect(colourFor('abc')).toBe(colourFor('abc'));
    expect(colourFor('abc')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
