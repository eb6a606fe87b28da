import { describe, expect, it } from 'vitest';
import type { FocusArea, Note, WorkshopBoard } from '@samskapa/shared';
import { ownNotesByArea, resolveAreaChoice, votableNotesByArea, writableAreas } from './phoneNotes';

const area = (id: string, kind: FocusArea['kind'] = 'theme'): FocusArea => ({
  id,
  code: id.toUpperCase(),
  title: `Område ${id}`,
  description: '',
  color: 'blue',
  kind,
  x: 0,
  y: 0,
  w: 100,
  h: 100,
});

const note = (id: string, areaId: string | null, authorId: string | null, reference = false): Note => ({
  id,
  text: id,
  authorId,
  author: authorId,
  createdAt: null,
  areaId,
  reference,
  parentId: areaId ?? 'page:page',
  x: 0,
  y: 0,
  index: 'a1',
});

const board: WorkshopBoard = {
  areas: [area('sk', 'reference'), area('a1'), area('b1')],
  notes: [
    note('ref', 'sk', null, true),
    note('mine-loose', null, 'me'),
    note('mine-b1', 'b1', 'me'),
    note('theirs-b1', 'b1', 'them'),
    note('mine-a1', 'a1', 'me'),
  ],
};

describe('what the phone view offers a participant', () => {
  it('areas of reference content are not offered for new notes', () => {
    expect(writableAreas(board).map((a) => a.id)).toEqual(['a1', 'b1']);
  });

  it("a participant's own notes come grouped in the board's area order, the notes in no area last", () => {
    expect(ownNotesByArea(board, 'me').map((g) => [g.areaId, g.notes.map((n) => n.id)])).toEqual([
      ['a1', ['mine-a1']],
      ['b1', ['mine-b1']],
      [null, ['mine-loose']],
    ]);
    expect(ownNotesByArea(board, 'nobody')).toEqual([]);
  });

  it("while voting, everyone's notes of every area are listed in the board's area order, reference content never", () => {
    expect(votableNotesByArea(board).map((g) => [g.areaId, g.notes.map((n) => n.id)])).toEqual([
      ['a1', ['mine-a1']],
      ['b1', ['mine-b1', 'theirs-b1']],
      [null, ['mine-loose']],
    ]);
  });

  it('a remembered area that was deleted (or is reference content) falls back to no area', () => {
    const areas = writableAreas(board);
    expect(resolveAreaChoice('b1', areas)).toBe('b1');
    expect(resolveAreaChoice('gone', areas)).toBeNull();
    expect(resolveAreaChoice('sk', areas)).toBeNull();
    expect(resolveAreaChoice(null, areas)).toBeNull();
  });
});
