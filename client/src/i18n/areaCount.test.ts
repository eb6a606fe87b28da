import { describe, expect, it } from 'vitest';
import { areaCountText } from './areaCount';
import { translate, type Translate } from './i18n';

const sv: Translate = (key, vars) => translate('sv', key, vars);
const en: Translate = (key, vars) => translate('en', key, vars);

describe("an area's count", () => {
  it('counts the notes participants wrote and shows reference content apart, never "0 lappar" above it', () => {
    expect(areaCountText(sv, { notes: 0, reference: 0 })).toBe('0 lappar');
    expect(areaCountText(sv, { notes: 1, reference: 0 })).toBe('1 lapp');
    expect(areaCountText(sv, { notes: 0, reference: 8 })).toBe('8 underlag');
    expect(areaCountText(sv, { notes: 3, reference: 1 })).toBe('3 lappar · 1 underlag');
  });

  it('reads the same in English, with English plurals', () => {
    expect(areaCountText(en, { notes: 0, reference: 0 })).toBe('0 notes');
    expect(areaCountText(en, { notes: 1, reference: 0 })).toBe('1 note');
    expect(areaCountText(en, { notes: 0, reference: 1 })).toBe('1 background note');
    expect(areaCountText(en, { notes: 2, reference: 8 })).toBe('2 notes · 8 background notes');
  });
});
