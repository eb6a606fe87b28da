import { describe, expect, it } from 'vitest';
import { parseWorkshopOutline } from './outline';

describe('parseWorkshopOutline', () => {
  const area = { id: 'shape:a', code: 'A', title: 'Trygg vård', description: '', notes: 2, reference: 3 };
  const unplaced = { notes: 1, reference: 0 };

  it('reads an outline and keeps only the known fields', () => {
    expect(
      parseWorkshopOutline({ title: 'Möte', areas: [{ ...area, extra: 1 }], unplaced, more: true }),
    ).toEqual({ title: 'Möte', areas: [area], unplaced });
  });

  it.each([
    ['nothing', null],
    ['a string', 'Möte'],
    ['no areas', { title: 'Möte', unplaced }],
    ['areas not a list', { title: 'Möte', areas: {}, unplaced }],
    ['no count of the notes in no area', { title: 'Möte', areas: [] }],
    ['an area without a code', { title: 'Möte', areas: [{ ...area, code: undefined }], unplaced }],
    ['an area without counts', { title: 'Möte', areas: [{ ...area, notes: undefined }], unplaced }],
    ['a negative count', { title: 'Möte', areas: [{ ...area, reference: -1 }], unplaced }],
    ['an area that is no object', { title: 'Möte', areas: ['A'], unplaced }],
    ['a title that is a number', { title: 3, areas: [], unplaced }],
  ])('refuses %s', (_, value) => {
    expect(parseWorkshopOutline(value)).toBeNull();
  });
});
