import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardRecords, storedRecord } from '../doc/boardDoc';
import { publishDrafts } from '../facilitation/drafts';
import { AREA_PADDING, AREA_SPACING, NOTE_SIZE, overlaps, type Rect } from '../records/layout';
import { buildTemplateDoc } from '../templates/buildBoard';
import type { TemplateFile } from '../templates/template';
import { readBoardDoc } from './board';
import { addNote } from './operations';
import { settledPlaces, settleOwnPlacements } from './placement';
import { clearBelow, shapeRecords, slotGrid } from './slots';

const file: TemplateFile = {
  format: 'samskapa-template',
  version: 1,
  title: 'Referensgrupp',
  // F2 below F1: an area that grows must push it down, whoever grows it.
  columns: 1,
  areas: [
    {
      code: 'F1',
      title: 'Vad har fungerat bra?',
      description: 'En tanke per lapp.',
      color: 'green',
      kind: 'question',
      reference: [],
    },
    {
      code: 'F2',
      title: 'Vad har fungerat mindre bra?',
      description: '',
      color: 'red',
      kind: 'question',
      reference: ['Underlag'],
    },
  ],
  agenda: [],
};

/** Browsers that start from the same board and, until `exchange`, do not hear from each other. */
function browsers(count: number): Y.Doc[] {
  const base = buildTemplateDoc(file, 'Tavla');
  return Array.from({ length: count }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    return doc;
  });
}

/** Let queued work run (the settling waits until a change has been applied in full). */
async function idle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Every browser gets what every other has, as the server would relay it; then their settling runs. */
async function exchange(docs: readonly Y.Doc[]): Promise<void> {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
  await idle();
}

/** The network until nobody changes anything any more; how many rounds it took. */
async function untilQuiet(docs: readonly Y.Doc[]): Promise<number> {
  for (let round = 1; round <= 20; round++) {
    const before = docs.map((doc) => Y.encodeStateVector(doc).join());
    await exchange(docs);
    if (docs.every((doc, i) => Y.encodeStateVector(doc).join() === before[i])) return round;
  }
  throw new Error('the browsers never agreed');
}

function noteRects(doc: Y.Doc, areaId: string | null): { id: string; rect: Rect }[] {
  return readBoardDoc(doc)
    .notes.filter((note) => note.areaId === areaId)
    .map((note) => ({ id: note.id, rect: { x: note.x, y: note.y, w: NOTE_SIZE, h: NOTE_SIZE } }));
}

function coverings(doc: Y.Doc, areaId: string | null): string[] {
  const notes = noteRects(doc, areaId);
  return notes.flatMap((a, i) =>
    notes.slice(i + 1).flatMap((b) => (overlaps(a.rect, b.rect) ? [`${a.id} covers ${b.id}`] : [])),
  );
}

const who = (n: number) => ({ id: `p_person${n}xxxx`, name: `Person ${n}` });
const drafts = (n: number, areaId: string) =>
  [1, 2, 3].map((k) => ({ id: `d${n}-${k}`, text: `Idé ${k} från ${n}`, areaId, round: 1, createdAt: k }));

describe('notes placed at the same moment', () => {
  it('in one slot: the one placed later gives way to the first free slot, in every browser alike', () => {
    const [a, b] = browsers(2);
    const f1 = readBoardDoc(a!).areas[0]!;
    const note = (doc: Y.Doc, text: string, placedAt: number) =>
      addNote(doc, { text, areaId: f1.id, authorId: 'p', author: 'P', now: 1, pageName: 'Tavla', placedAt });
    const first = note(a!, 'Först', 100);
    const second = note(b!, 'Sedan', 200);
    Y.applyUpdate(a!, Y.encodeStateAsUpdate(b!));
    Y.applyUpdate(b!, Y.encodeStateAsUpdate(a!));
    for (const doc of [a!, b!]) {
      const everything = shapeRecords(doc).all();
      const places = settledPlaces(everything, slotGrid(everything, readBoardDoc(doc).areas[0]!));
      expect([...places.keys()]).toEqual([second]);
      expect(places.get(second)!.x).toBeGreaterThan(readBoardDoc(doc).notes.find((n) => n.id === first)!.x);
    }
  });

  it('at a reveal, three browsers publishing drafts into one area at once end with no note covering another', async () => {
    const docs = browsers(3);
    const stops = docs.map((doc) => settleOwnPlacements(doc));
    const f1 = readBoardDoc(docs[0]!).areas[0]!.id;
    // Nobody has heard from anybody: each puts its three drafts into the same three slots.
    docs.forEach((doc, n) => publishDrafts(doc, drafts(n, f1), who(n), 'Tavla'));
    await idle();
    expect(coverings(docs[0]!, f1)).toEqual([]);

    const rounds = await untilQuiet(docs);
    expect(rounds).toBeLessThanOrEqual(4);
    for (const doc of docs) {
      expect(noteRects(doc, f1)).toHaveLength(9);
      expect(coverings(doc, f1)).toEqual([]);
      // Every note still in its area, and the area grown to hold them all.
      const area = readBoardDoc(doc).areas.find((a) => a.id === f1)!;
      for (const { rect } of noteRects(doc, f1)) {
        expect(rect.y + rect.h + AREA_PADDING).toBeLessThanOrEqual(area.h);
      }
      const below = readBoardDoc(doc).areas.find((a) => a.code === 'F2')!;
      expect(below.y).toBeGreaterThanOrEqual(area.y + area.h);
    }
    expect(readBoardDoc(docs[1]!).notes).toEqual(readBoardDoc(docs[0]!).notes);
    stops.forEach((stop) => stop());
  });

  it('two people adding to an area at the same moment, and notes out of every area, settle too', async () => {
    const docs = browsers(2);
    docs.forEach((doc) => settleOwnPlacements(doc));
    const f2 = readBoardDoc(docs[0]!).areas[1]!.id;
    docs.forEach((doc, n) => {
      for (const areaId of [f2, null]) {
        addNote(doc, { text: `Lapp ${n}`, areaId, authorId: 'p', author: 'P', now: 1, pageName: 'Tavla' });
      }
    });
    await untilQuiet(docs);
    expect(coverings(docs[0]!, f2)).toEqual([]);
    expect(coverings(docs[0]!, null)).toEqual([]);
    // The reference content, which nobody placed into a slot, stays where the template put it.
    const reference = readBoardDoc(docs[0]!).notes.find((n) => n.reference)!;
    expect(readBoardDoc(buildTemplateDoc(file, 'Tavla')).notes.find((n) => n.reference)).toMatchObject({
      x: reference.x,
      y: reference.y,
    });
  });

  it('a note someone moved by hand is left where they put it, even on another note', async () => {
    const docs = browsers(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    settleOwnPlacements(a);
    const f1 = readBoardDoc(a).areas[0]!.id;
    const mine = addNote(a, {
      text: 'Min',
      areaId: f1,
      authorId: 'p',
      author: 'P',
      now: 1,
      pageName: 'Tavla',
    });
    await untilQuiet(docs);
    const theirs = addNote(b, {
      text: 'Deras',
      areaId: f1,
      authorId: 'q',
      author: 'Q',
      now: 2,
      pageName: 'Tavla',
    });
    await untilQuiet(docs);
    // On the canvas, someone drags my note onto theirs.
    const over = storedRecord(b, theirs) as unknown as { x: number; y: number };
    const note = storedRecord(b, mine)!;
    boardRecords(b).set(mine, { ...note, x: over.x + 10, y: over.y + 10 });
    await untilQuiet(docs);
    expect(storedRecord(a, mine)).toMatchObject({ x: over.x + 10, y: over.y + 10 });
  });

  it('an area that two people grew at once and now reaches into the area below pushes it clear', () => {
    const [doc] = browsers(1) as [Y.Doc];
    const [f1] = readBoardDoc(doc).areas;
    const frame = storedRecord(doc, f1!.id)!;
    const props = frame.props as { h: number };
    boardRecords(doc).set(f1!.id, { ...frame, props: { ...props, h: props.h + 500 } });
    const grown = readBoardDoc(doc).areas[0]!;
    const moved = clearBelow(shapeRecords(doc).all(), grown);
    expect(moved.map((shape) => shape.id)).toEqual([readBoardDoc(doc).areas[1]!.id]);
    expect(moved[0]!.y).toBe(grown.y + grown.h + AREA_SPACING);
    expect(
      clearBelow(shapeRecords(doc).all(), readBoardDoc(buildTemplateDoc(file, 'Tavla')).areas[0]!),
    ).toEqual([]);
  });
});
