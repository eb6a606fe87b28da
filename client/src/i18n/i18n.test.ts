import { describe, expect, it } from 'vitest';
import { closeReasonKey, CloseCode } from '@samskapa/shared';
import { sv as svFirst } from './messages/sv';
import { en as enFirst } from './messages/en';
import { later } from './messages/later';

const sv = { ...svFirst, ...later.sv };
const en = { ...enFirst, ...later.en };

describe('translations', () => {
  it('Swedish and English carry the same keys and no empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const value of [...Object.values(sv), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });

  it('the first script and the code loaded later never define the same key twice', () => {
    expect(Object.keys(svFirst).filter((key) => key in later.sv)).toEqual([]);
  });

  it('every close code the server sends has an explanation in both languages', () => {
    for (const code of [...Object.values(CloseCode), 1006]) {
      const key = closeReasonKey(code);
      expect(sv).toHaveProperty([key]);
      expect(en).toHaveProperty([key]);
    }
  });
});
