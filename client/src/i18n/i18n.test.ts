import { describe, expect, it } from 'vitest';
import { closeReasonKey, CloseCode } from '@samskapa/shared';
import { sv } from './messages/sv';
import { en } from './messages/en';

describe('translations', () => {
  it('Swedish and English carry the same keys and no empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const value of [...Object.values(sv), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });

  it('every close code the server sends has an explanation in both languages', () => {
    for (const code of [...Object.values(CloseCode), 1006]) {
      const key = closeReasonKey(code);
      expect(sv).toHaveProperty([key]);
      expect(en).toHaveProperty([key]);
    }
  });
});
