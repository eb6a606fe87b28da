import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardRecords } from '../doc/boardDoc';
import { NOTE_SIZE } from '../records/layout';
import { buildTemplateDoc } from '../templates/buildBoard';
import type { TemplateFile } from '../templates/template';
import { areaCounts, noteCounts, notesIn, readBoardDoc } from './board';
import {
  addNote,
  BoardChangeError,
  deleteNote,
  gatherNotes,
  moveNote,
  renameArea,
  setNoteText,
} from './operations';

const schema = createTLSchema();
function validateAll(doc: Y.Doc): void {
  for (const stored of boardRecords(doc).all()) {
    const record = stored as unknown as TLRecord;
    schema.types[record.typeName]!.validate(record);
  }
}

const file: TemplateFile = {
  format: 'samskapa-template',
  version: 1,
  title: 'HSVO',
  columns: 2,
  areas: [
    {
      code: 'B1',
      title: 'Nära vård',
      description: 'Vården är personcentrerad.',
      color: 'blue',
      kind: 'theme',
      reference: [],
    },
    {
      code: 'C1',
      title: 'Kompetensförsörjning',
      description: '',
      color: 'green',
      kind: 'theme',
      reference: ['Fakta'],
    },
  ],
  agenda: [],
};
const who = { authorId: 'p1', author: 'Eva', pageName: 'Tavla' };

describe('changing a board without an editor', () => {
  it('notes added to an area fill its slots without overlapping, and the area grows when full', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    const [b1] = readBoardDoc(doc).areas;
    const before = b1!.h;
    for (let i = 0; i < 7; i++) addNote(doc, { ...who, text: `Idé ${i}`, areaId: b1!.id, now: i });
    validateAll(doc);
    const board = readBoardDoc(doc);
    const notes = notesIn(board, b1!.id);
    expect(notes.map((n) => n.text)).toEqual(['Idé 0', 'Idé 1', 'Idé 2', 'Idé 3', 'Idé 4', 'Idé 5', 'Idé 6']);
    const corners = new Set(notes.map((n) => `${n.x},${n.y}`));
    expect(corners.size).toBe(7);
    const grown = board.areas.find((a) => a.id === b1!.id)!;
    expect(grown.h).toBeGreaterThan(before);
    for (const n of notes) expect(n.y + NOTE_SIZE).toBeLessThanOrEqual(grown.h);
    expect(noteCounts(board).get(b1!.id)).toBe(7);
  });

  it('a note carries its author pseudonym and time; reference content is counted apart', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    const c1 = readBoardDoc(doc).areas[1]!;
    addNote(doc, { ...who, text: 'Fler AT-tjänster', areaId: c1.id, now: 1234 });
    const notes = notesIn(readBoardDoc(doc), c1.id);
    expect(notes.map((n) => [n.text, n.reference, n.author, n.createdAt])).toEqual([
      ['Fakta', true, null, null],
      ['Fler AT-tjänster', false, 'Eva', 1234],
    ]);
    expect(noteCounts(readBoardDoc(doc)).get(c1.id)).toBe(1);
    expect(areaCounts(readBoardDoc(doc)).get(c1.id)).toEqual({ notes: 1, reference: 1 });
    expect(areaCounts(readBoardDoc(doc)).get(null)).toEqual({ notes: 0, reference: 0 });
  });

  it('moving a note to another area, and out of every area, changes where it is counted', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    const [b1, c1] = readBoardDoc(doc).areas;
    const id = addNote(doc, { ...who, text: 'Flytta mig', areaId: b1!.id, now: 1 });
    moveNote(doc, id, c1!.id);
    expect(readBoardDoc(doc).notes.find((n) => n.id === id)?.areaId).toBe(c1!.id);
    moveNote(doc, id, null);
    const board = readBoardDoc(doc);
    expect(board.notes.find((n) => n.id === id)?.areaId).toBeNull();
    expect(noteCounts(board).get(null)).toBe(1);
    validateAll(doc);
  });

  it('unplaced notes go below the areas, side by side', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    const areas = readBoardDoc(doc).areas;
    const a = addNote(doc, { ...who, text: 'Utan område', areaId: null, now: 1 });
    const b = addNote(doc, { ...who, text: 'Också utan', areaId: null, now: 2 });
    const notes = readBoardDoc(doc).notes.filter((n) => n.id === a || n.id === b);
    const bottom = Math.max(...areas.map((x) => x.y + x.h));
    for (const n of notes) expect(n.y).toBeGreaterThan(bottom);
    expect(notes[0]!.x).not.toBe(notes[1]!.x);
  });

  it('text is edited and notes deleted; reference content can be neither', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    const c1 = readBoardDoc(doc).areas[1]!;
    const id = addNote(doc, { ...who, text: 'Första', areaId: c1.id, now: 1 });
    setNoteText(doc, id, 'Andra\nraden');
    expect(readBoardDoc(doc).notes.find((n) => n.id === id)?.text).toBe('Andra\nraden');
    deleteNote(doc, id);
    expect(readBoardDoc(doc).notes.find((n) => n.id === id)).toBeUndefined();
    const reference = notesIn(readBoardDoc(doc), c1.id)[0]!;
    expect(() => deleteNote(doc, reference.id)).toThrow(BoardChangeError);
    expect(() => setNoteText(doc, reference.id, 'x')).toThrow(BoardChangeError);
    expect(() => moveNote(doc, 'shape:nope', c1.id)).toThrow(BoardChangeError);
  });

  it('gathering puts notes that say the same thing side by side in the area most of them are in', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    const [b1, c1] = readBoardDoc(doc).areas;
    const x = addNote(doc, { ...who, text: 'Gemensam journal', areaId: b1!.id, now: 1 });
    addNote(doc, { ...who, text: 'Annat', areaId: b1!.id, now: 2 });
    const y = addNote(doc, { ...who, text: 'Gemensamt journalsystem', areaId: b1!.id, now: 3 });
    const z = addNote(doc, { ...who, text: 'Journal för alla', areaId: c1!.id, now: 4 });
    gatherNotes(doc, [x, y, z]);
    const notes = readBoardDoc(doc).notes.filter((n) => ([x, y, z] as string[]).includes(n.id));
    expect(notes.every((n) => n.areaId === b1!.id)).toBe(true);
    validateAll(doc);
  });

  it('renaming an area changes its code, title and the name its frame shows', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    const b1 = readBoardDoc(doc).areas[0]!;
    renameArea(doc, b1.id, { code: 'B9', title: 'Ny titel' });
    expect(readBoardDoc(doc).areas[0]).toMatchObject({ code: 'B9', title: 'Ny titel' });
    expect((boardRecords(doc).get(b1.id) as unknown as { props: { name: string } }).props.name).toBe(
      'B9 Ny titel',
    );
  });
});

describe('a board with records a modified client wrote', () => {
  const junk: [string, unknown][] = [
    ['junk:null', null],
    ['junk:number', 42],
    ['junk:array', [1, 2]],
    ['junk:noId', { typeName: 'shape', type: 'note' }],
    ['junk:otherId', { id: 'shape:elsewhere', typeName: 'shape', type: 'note' }],
    [
      'shape:noProps',
      {
        id: 'shape:noProps',
        typeName: 'shape',
        type: 'note',
        parentId: 'page:page',
        x: 0,
        y: 0,
        index: 'a1',
      },
    ],
    [
      'shape:stringProps',
      { id: 'shape:stringProps', typeName: 'shape', type: 'frame', props: 'x', meta: 'y' },
    ],
    [
      'shape:badMeta',
      { id: 'shape:badMeta', typeName: 'shape', type: 'frame', meta: { kind: 'focusArea', code: 'A 1' } },
    ],
    [
      'shape:deep',
      { id: 'shape:deep', typeName: 'shape', type: 'note', props: { richText: nested(10_000) } },
    ],
  ];
  function nested(depth: number): object {
    let node: object = { type: 'text', text: 'djupt' };
    for (let i = 0; i < depth; i++) node = { type: 'paragraph', content: [node] };
    return node;
  }

  it('every reader and every change still works, and the junk is left alone', () => {
    const doc = buildTemplateDoc(file, 'Tavla');
    for (const [key, value] of junk) boardRecords(doc).set(key, value as never);
    const board = readBoardDoc(doc);
    expect(board.areas.map((a) => a.code)).toEqual(['B1', 'C1']);
    const b1 = board.areas[0]!;
    const id = addNote(doc, { ...who, text: 'Trots allt', areaId: b1.id, now: 1 });
    moveNote(doc, id, null);
    gatherNotes(doc, [id]);
    expect(readBoardDoc(doc).notes.find((n) => n.id === id)).toMatchObject({
      text: 'Trots allt',
      areaId: null,
    });
    for (const [key, value] of junk) expect(boardRecords(doc).raw(key)).toEqual(value);
  });
});

describe('many people at once', () => {
  it('an area that grows pushes the areas and unplaced notes below it down, so nothing overlaps', () => {
    const doc = buildTemplateDoc({ ...file, columns: 1 }, 'Tavla');
    const [b1, c1] = readBoardDoc(doc).areas;
    const loose = addNote(doc, { ...who, text: 'Lös', areaId: null, now: 0 });
    for (let i = 0; i < 12; i++) addNote(doc, { ...who, text: `Idé ${i}`, areaId: b1!.id, now: i });
    const board = readBoardDoc(doc);
    const grown = board.areas.find((a) => a.id === b1!.id)!;
    const below = board.areas.find((a) => a.id === c1!.id)!;
    expect(below.y).toBeGreaterThanOrEqual(grown.y + grown.h);
    expect(board.notes.find((n) => n.id === loose)!.y).toBeGreaterThan(below.y + below.h);
  });

  it('two people adding to the same area at the same moment get notes that are told apart', () => {
    const a = buildTemplateDoc(file, 'Tavla');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const area = readBoardDoc(a).areas[0]!.id;
    const first = addNote(a, { ...who, text: 'Från Eva', areaId: area, now: 1 });
    const second = addNote(b, {
      ...who,
      authorId: 'p2',
      author: 'Dan',
      text: 'Från Dan',
      areaId: area,
      now: 1,
    });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const notes = readBoardDoc(a).notes.filter((n) => n.id === first || n.id === second);
    expect(notes.map((n) => n.text).sort()).toEqual(['Från Dan', 'Från Eva']);
    expect(notes[0]!.index).not.toBe(notes[1]!.index);
    validateAll(a);
  });
});
