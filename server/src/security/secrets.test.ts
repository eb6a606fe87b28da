import { JOIN_CODE_ALPHABET, JoinCode } from '@samskapa/shared';
import { describe, expect, it } from 'vitest';
import { hashSecret, newJoinCode, newSecret, participantSecret, secretMatches } from './secrets';

describe('secrets', () => {
  it('are 256-bit, url-safe and match only their own hash', () => {
    const a = newSecret();
    const b = newSecret();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(secretMatches(a, hashSecret(a))).toBe(true);
    expect(secretMatches(b, hashSecret(a))).toBe(false);
    expect(secretMatches('', hashSecret(a))).toBe(false);
  });

  it('derive the same participant secret for a workshop, and another for another workshop or key', () => {
    const key = Buffer.from('k'.repeat(32));
    expect(participantSecret(key, 'w1')).toBe(participantSecret(key, 'w1'));
    expect(participantSecret(key, 'w1')).not.toBe(participantSecret(key, 'w2'));
    expect(participantSecret(Buffer.from('x'.repeat(32)), 'w1')).not.toBe(participantSecret(key, 'w1'));
  });

  it('make join codes of six unambiguous characters that parse back', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
      expect(JoinCode.parse(code.toLowerCase())).toBe(code);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});
