import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardRecords, type StoredRecord } from '../doc/boardDoc';
import { buildAreaFrame } from '../records/area';
import { shapeIndices } from '../records/ids';
import { buildFrame, buildNote } from '../records/shapes';
import { readBoardDoc } from '../workshop/board';
import { moveNote } from '../workshop/operations';
import { parseAreaFrameName } from '../workshop/focusArea';
import { areaOf } from './membership';

const [i1, i2, i3] = shapeIndices(3);
const area = buildAreaFrame({
  code: 'B1',
  title: 'Nära vård',
  description: 'Vården är personcentrerad, samordnad och tillgänglig.',
  color: 'blue',
  kind: 'theme',
  x: 0,
  y: 0,
  w: 700,
  h: 600,
  index: i1!,
});

function board(...records: object[]): Y.Doc {
  const doc = new Y.Doc();
  for (const r of [area, ...records] as StoredRecord[]) boardRecords(doc).set(r.id, r);
  return doc;
}
const lookupIn = (doc: Y.Doc) => (id: string) => boardRecords(doc).get(id);

describe('which focus area a note belongs to', () => {
  it('a note inside an area frame belongs to that area', () => {
    const note = buildNote({ x: 20, y: 100, text: 'Fast läkarkontakt', index: i2!, parentId: area.id });
    const doc = board(note);
    expect(areaOf(note.id, lookupIn(doc))).toBe(area.id);
    expect(readBoardDoc(doc).notes).toMatchObject([{ text: 'Fast läkarkontakt', areaId: area.id }]);
  });

  it('a note on the page, outside every frame, is unassigned', () => {
    const note = buildNote({ x: 2000, y: 100, text: 'Övrigt', index: i2! });
    expect(areaOf(note.id, lookupIn(board(note)))).toBeNull();
  });

  it('a note in a plain frame nested inside an area belongs to the area', () => {
    const inner = buildFrame({ x: 20, y: 200, w: 300, h: 300, name: 'Grupp', index: i2!, parentId: area.id });
    const note = buildNote({ x: 10, y: 10, text: 'Samordnad vårdplan', index: i3!, parentId: inner.id });
    expect(areaOf(note.id, lookupIn(board(inner, note)))).toBe(area.id);
  });

  it('a plain frame that is not an area does not make its notes assigned', () => {
    const plain = buildFrame({ x: 2000, y: 0, w: 300, h: 300, name: 'Skiss', index: i2! });
    const note = buildNote({ x: 10, y: 10, text: 'Skiss', index: i3!, parentId: plain.id });
    expect(areaOf(note.id, lookupIn(board(plain, note)))).toBeNull();
  });

  it('a note moved out of its area is unassigned and counted there no longer', () => {
    const note = buildNote({ x: 20, y: 100, text: 'Hembesök', index: i2!, parentId: area.id });
    const doc = board(note);
    moveNote(doc, note.id, null);
    expect(areaOf(note.id, lookupIn(doc))).toBeNull();
    expect(readBoardDoc(doc).notes[0]).toMatchObject({
      text: 'Hembesök',
      areaId: null,
      parentId: 'page:page',
    });
  });

  it('a note whose area was deleted is unassigned', () => {
    const note = buildNote({ x: 20, y: 100, text: 'Kvar', index: i2!, parentId: area.id });
    const doc = board(note);
    boardRecords(doc).delete(area.id);
    expect(areaOf(note.id, lookupIn(doc))).toBeNull();
    expect(readBoardDoc(doc).areas).toEqual([]);
  });

  it('a damaged doc whose frames point at each other ends with unassigned', () => {
    const a = {
      ...buildFrame({ x: 0, y: 0, w: 10, h: 10, name: 'a', index: i2! }),
      id: 'shape:a',
      parentId: 'shape:b' as never,
    };
    const b = {
      ...buildFrame({ x: 0, y: 0, w: 10, h: 10, name: 'b', index: i3! }),
      id: 'shape:b',
      parentId: 'shape:a' as never,
    };
    const note = buildNote({ x: 0, y: 0, text: 'x', index: i1!, parentId: 'shape:a' as never });
    expect(areaOf(note.id, lookupIn(board(a, b, note)))).toBeNull();
  });
});

describe('an area renamed on the canvas', () => {
  it('takes a first word in capitals and digits as its code, and anything else as the title', () => {
    expect(parseAreaFrameName('B3 Nära vård i hemmet', 'B1')).toEqual({
      code: 'B3',
      title: 'Nära vård i hemmet',
    });
    expect(parseAreaFrameName('Nära vård och omsorg', 'B1')).toEqual({
      code: 'B1',
      title: 'Nära vård och omsorg',
    });
    expect(parseAreaFrameName('B1 Nära vård', 'B1')).toEqual({ code: 'B1', title: 'Nära vård' });
    expect(parseAreaFrameName('   ', 'B1')).toEqual({ code: 'B1', title: 'B1' });
  });

  it('keeps its code when another area has the code typed, and a title no longer than 200 characters', () => {
    expect(parseAreaFrameName('C1 Kompetens', 'B1', (c) => c === 'C1')).toEqual({
      code: 'B1',
      title: 'C1 Kompetens',
    });
    expect(parseAreaFrameName(`B1 ${'x'.repeat(300)}`, 'B1').title).toHaveLength(200);
  });
});
