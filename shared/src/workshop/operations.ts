import type { TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import type * as Y from 'yjs';
import type { StoredRecord } from '../doc/boardDoc';
import { areaOf } from '../cluster/membership';
import { BOARD_PAGE_ID, buildDocumentRecord, buildPageRecord, DOCUMENT_RECORD_ID } from '../records/board';
import { indexAbove as keyAbove, newShapeId } from '../records/ids';
import { freeSlots, NOTE_SIZE } from '../records/layout';
import { richTextFromPlain } from '../records/richText';
import { buildNote } from '../records/shapes';
import { areaFrameName, readFocusArea, type FocusArea } from './focusArea';
import { isNoteRecord, type NoteMeta } from './note';
import { growToFit, obstaclesIn, rectOf, shapeRecords, shapesIn, slotGrid, type ShapeRecord } from './slots';

/**
 * Changes to a board made without an editor (the list board, the phone view, the server): each one
 * writes tldraw records that the canvas shows as if a person had made them there.
 */

function indexAbove(siblings: ShapeRecord[]): IndexKey {
  return keyAbove(
    siblings
      .map((s) => s.index)
      .sort()
      .at(-1) ?? null,
  );
}

/**
 * Where `count` notes go in an area (or among the unplaced notes, `area` null), leaving out the notes
 * in `moving`; and the area's frame grown to hold them when its slots are full. Each note lands in a
 * free slot exactly (two people placing at the same moment may pick the same one: see `placement.ts`,
 * which moves the later note on once both have met).
 */
function placesFor(
  doc: Y.Doc,
  area: FocusArea | null,
  count: number,
  moving: ReadonlySet<string>,
): { parentId: string; slots: { x: number; y: number }[]; changed: ShapeRecord[] } {
  const everything = shapeRecords(doc).all();
  const grid = slotGrid(everything, area);
  const taken = obstaclesIn(everything, grid)
    .filter((s) => !moving.has(s.id))
    .flatMap((s) => rectOf(s) ?? []);
  const slots = freeSlots(taken, grid, count);
  const bottom = Math.max(...slots.map((slot) => slot.y + NOTE_SIZE));
  return { parentId: grid.parentId, slots, changed: growToFit(everything, grid, bottom) };
}

function areaById(doc: Y.Doc, areaId: string | null): FocusArea | null {
  if (areaId === null) return null;
  const area = readFocusArea(shapeRecords(doc).get(areaId));
  if (!area) throw new BoardChangeError('noSuchArea');
  return area;
}

/** Why a change could not be made; `reason` names an i18n key suffix the UI explains. */
export class BoardChangeError extends Error {
  constructor(readonly reason: 'noSuchArea' | 'noSuchNote' | 'locked' | 'invalidCode') {
    super(reason);
  }
}

/** Makes sure a board has its document and page records (a board no template built). */
export function ensureBoardBase(doc: Y.Doc, pageName: string): void {
  const { kv } = shapeRecords(doc);
  if (!kv.has(DOCUMENT_RECORD_ID))
    kv.set(DOCUMENT_RECORD_ID, buildDocumentRecord() as unknown as StoredRecord);
  if (!kv.has(BOARD_PAGE_ID)) kv.set(BOARD_PAGE_ID, buildPageRecord(pageName) as unknown as StoredRecord);
}

export interface NewNote {
  text: string;
  /** The focus area to put it in, or null for none. */
  areaId: string | null;
  authorId: string;
  author: string;
  /** When it was written (a draft: when it was written privately). */
  now: number;
  pageName: string;
  /** When it is put on the board; the placing browser's clock unless given. */
  placedAt?: number;
}

/** Adds a note in the first free slot of an area (growing the area when it is full); returns its id. */
export function addNote(doc: Y.Doc, input: NewNote, origin?: unknown): TLShapeId {
  const id = newShapeId();
  doc.transact(() => {
    ensureBoardBase(doc, input.pageName);
    const area = areaById(doc, input.areaId);
    const { parentId, slots, changed } = placesFor(doc, area, 1, new Set());
    const { kv, all } = shapeRecords(doc);
    const meta: NoteMeta = {
      authorId: input.authorId,
      author: input.author,
      createdAt: input.now,
      placedAt: input.placedAt ?? Date.now(),
    };
    const note = buildNote({
      id,
      ...slots[0]!,
      text: input.text,
      index: indexAbove(shapesIn(all(), parentId)),
      parentId: parentId as TLShapeId,
      meta,
    });
    for (const shape of changed) kv.set(shape.id, shape);
    kv.set(id, note as unknown as StoredRecord);
  }, origin);
  return id;
}

function editableNote(doc: Y.Doc, noteId: string): ShapeRecord {
  const note = shapeRecords(doc).get(noteId);
  if (!note || !isNoteRecord(note)) throw new BoardChangeError('noSuchNote');
  if (note.isLocked) throw new BoardChangeError('locked');
  return note;
}

/** Replaces a note's text. */
export function setNoteText(doc: Y.Doc, noteId: string, text: string, origin?: unknown): void {
  doc.transact(() => {
    const note = editableNote(doc, noteId);
    shapeRecords(doc).kv.set(noteId, {
      ...note,
      props: { ...note.props, richText: richTextFromPlain(text) },
    });
  }, origin);
}

/** Deletes a note. */
export function deleteNote(doc: Y.Doc, noteId: string, origin?: unknown): void {
  doc.transact(() => {
    editableNote(doc, noteId);
    shapeRecords(doc).kv.delete(noteId);
  }, origin);
}

/**
 * Moves notes into an area's free slots, side by side (or among the unplaced notes, `areaId` null),
 * `placedAt` the placing browser's clock unless given.
 */
export function moveNotes(
  doc: Y.Doc,
  noteIds: readonly string[],
  areaId: string | null,
  origin?: unknown,
  placedAt: number = Date.now(),
): void {
  doc.transact(() => {
    const notes = noteIds.map((id) => editableNote(doc, id));
    const area = areaById(doc, areaId);
    const { parentId, slots, changed } = placesFor(doc, area, notes.length, new Set(noteIds));
    const { kv, all } = shapeRecords(doc);
    for (const shape of changed) kv.set(shape.id, shape);
    let index = indexAbove(shapesIn(all(), parentId).filter((s) => !noteIds.includes(s.id)));
    notes.forEach((note, i) => {
      const meta = { ...note.meta, placedAt };
      kv.set(note.id, { ...note, meta, parentId, index, x: slots[i]!.x, y: slots[i]!.y });
      index = keyAbove(index);
    });
  }, origin);
}

/** Moves one note into an area (null: out of every area). */
export function moveNote(doc: Y.Doc, noteId: string, areaId: string | null, origin?: unknown): void {
  moveNotes(doc, [noteId], areaId, origin);
}

/**
 * Gathers notes that say the same thing next to each other, in the area most of them are in (the
 * first note's area on a tie).
 */
export function gatherNotes(doc: Y.Doc, noteIds: readonly string[], origin?: unknown): void {
  const lookup = (id: string) => shapeRecords(doc).get(id);
  const votes = new Map<string | null, number>();
  for (const id of noteIds) {
    const area = areaOf(id, lookup);
    votes.set(area, (votes.get(area) ?? 0) + 1);
  }
  const first = noteIds[0] === undefined ? null : areaOf(noteIds[0], lookup);
  let target = first;
  for (const [area, n] of votes) if (n > (votes.get(target) ?? 0)) target = area;
  moveNotes(doc, noteIds, target, origin);
}

/** Changes an area's code and title (the frame's name follows). */
export function renameArea(
  doc: Y.Doc,
  areaId: string,
  change: { code: string; title: string },
  origin?: unknown,
): void {
  doc.transact(() => {
    const { kv, get } = shapeRecords(doc);
    const frame = get(areaId);
    if (!frame || !readFocusArea(frame)) throw new BoardChangeError('noSuchArea');
    kv.set(areaId, {
      ...frame,
      meta: { ...frame.meta, code: change.code, title: change.title },
      props: { ...frame.props, name: areaFrameName(change.code, change.title) },
    });
  }, origin);
}
