import type { TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import type * as Y from 'yjs';
import { boardRecords, storedRecord, storedRecords, type StoredRecord } from '../doc/boardDoc';
import { areaOf } from '../cluster/membership';
import { BOARD_PAGE_ID, buildDocumentRecord, buildPageRecord, DOCUMENT_RECORD_ID } from '../records/board';
import { indexAbove as keyAbove, newShapeId, randomBytes } from '../records/ids';
import {
  AREA_PADDING,
  AREA_SPACING,
  areaContentTop,
  columnsIn,
  freeSlots,
  NOTE_SIZE,
  SLOT_GAP,
  type Rect,
} from '../records/layout';
import { richTextFromPlain } from '../records/richText';
import { buildNote } from '../records/shapes';
import { areaFrameName, readFocusArea, type FocusArea } from './focusArea';
import { isNoteRecord, type NoteMeta } from './note';

/**
 * Changes to a board made without an editor (the list board, the phone view, the server): each one
 * writes tldraw records that the canvas shows as if a person had made them there.
 */

type ShapeRecord = StoredRecord & {
  parentId: string;
  index: string;
  x: number;
  y: number;
  isLocked?: boolean;
  meta?: Record<string, unknown>;
  props: Record<string, unknown> & { w?: number; h?: number; growY?: number; scale?: number };
};

/** Notes side by side where unplaced notes are put, below the areas. */
const UNPLACED_COLUMNS = 6;

/** A stored record as a shape whose fields this file reads, or undefined for anything malformed. */
function asShape(record: StoredRecord | undefined): ShapeRecord | undefined {
  if (record?.typeName !== 'shape') return undefined;
  const shape = record as Partial<ShapeRecord>;
  const ok =
    typeof shape.parentId === 'string' &&
    typeof shape.index === 'string' &&
    Number.isFinite(shape.x) &&
    Number.isFinite(shape.y) &&
    !!shape.props &&
    typeof shape.props === 'object';
  return ok ? (record as ShapeRecord) : undefined;
}

function records(doc: Y.Doc) {
  const kv = boardRecords(doc);
  const get = (id: string) => asShape(storedRecord(doc, id));
  const all = () => storedRecords(doc).flatMap((r) => asShape(r) ?? []);
  return { kv, get, all };
}

function shapesIn(all: ShapeRecord[], parentId: string): ShapeRecord[] {
  return all.filter((r) => r.typeName === 'shape' && r.parentId === parentId);
}

function rectOf(shape: ShapeRecord): Rect | undefined {
  const scale = typeof shape.props.scale === 'number' ? shape.props.scale : 1;
  if (isNoteRecord(shape)) {
    return {
      x: shape.x,
      y: shape.y,
      w: NOTE_SIZE * scale,
      h: (NOTE_SIZE + (shape.props.growY ?? 0)) * scale,
    };
  }
  if (typeof shape.props.w === 'number' && typeof shape.props.h === 'number') {
    return { x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h };
  }
  return undefined;
}

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
 * in `moving`; and the area's frame grown to hold them when its slots are full.
 */
function placesFor(
  doc: Y.Doc,
  area: FocusArea | null,
  count: number,
  moving: ReadonlySet<string>,
): { parentId: string; slots: { x: number; y: number }[]; changed: ShapeRecord[] } {
  const { get, all } = records(doc);
  const everything = all();
  if (area) {
    const taken = shapesIn(everything, area.id)
      .filter((s) => !moving.has(s.id) && s.type !== 'text')
      .flatMap((s) => rectOf(s) ?? []);
    const top = areaContentTop(area.description, area.w);
    const slots = freeSlots(taken, { left: AREA_PADDING, top, columns: columnsIn(area.w) }, count).map(
      (slot) => ({ ...slot, x: slot.x + slotJitter() }),
    );
    const bottom = Math.max(...slots.map((slot) => slot.y + NOTE_SIZE + AREA_PADDING));
    const frame = get(area.id);
    if (!frame || bottom <= area.h) return { parentId: area.id, slots, changed: [] };
    return { parentId: area.id, slots, changed: grow(everything, frame, area, bottom - area.h) };
  }
  const areas = everything.flatMap((r) => readFocusArea(r) ?? []);
  const left = areas.length > 0 ? Math.min(...areas.map((a) => a.x)) : 0;
  const top = areas.length > 0 ? Math.max(...areas.map((a) => a.y + a.h)) + AREA_SPACING : 0;
  const taken = shapesIn(everything, BOARD_PAGE_ID)
    .filter((s) => !moving.has(s.id) && !readFocusArea(s))
    .flatMap((s) => rectOf(s) ?? []);
  return {
    parentId: BOARD_PAGE_ID,
    slots: freeSlots(taken, { left, top, columns: UNPLACED_COLUMNS }, count),
    changed: [],
  };
}

/**
 * A few pixels to the right within a slot (less than the gap between slots): two people who add a note
 * to the same area at the same moment pick the same free slot, and the note behind still shows.
 */
function slotJitter(): number {
  return randomBytes(1)[0]! % (SLOT_GAP - 4);
}

/**
 * An area's frame made `by` taller, and everything on the page below it (other areas, unplaced notes)
 * moved down as much, so a growing area never runs into the row below.
 */
function grow(everything: ShapeRecord[], frame: ShapeRecord, area: FocusArea, by: number): ShapeRecord[] {
  const oldBottom = area.y + area.h;
  const below = shapesIn(everything, BOARD_PAGE_ID).filter((shape) => {
    const rect = rectOf(shape);
    return (
      shape.id !== frame.id &&
      !!rect &&
      rect.y >= oldBottom &&
      rect.x < area.x + area.w &&
      rect.x + rect.w > area.x
    );
  });
  return [
    { ...frame, props: { ...frame.props, h: area.h + by } },
    ...below.map((shape) => ({ ...shape, y: shape.y + by })),
  ];
}

function areaById(doc: Y.Doc, areaId: string | null): FocusArea | null {
  if (areaId === null) return null;
  const area = readFocusArea(records(doc).get(areaId));
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
  const { kv } = records(doc);
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
  now: number;
  pageName: string;
}

/** Adds a note in the first free slot of an area (growing the area when it is full); returns its id. */
export function addNote(doc: Y.Doc, input: NewNote, origin?: unknown): TLShapeId {
  const id = newShapeId();
  doc.transact(() => {
    ensureBoardBase(doc, input.pageName);
    const area = areaById(doc, input.areaId);
    const { parentId, slots, changed } = placesFor(doc, area, 1, new Set());
    const { kv, all } = records(doc);
    const meta: NoteMeta = { authorId: input.authorId, author: input.author, createdAt: input.now };
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
  const note = records(doc).get(noteId);
  if (!note || !isNoteRecord(note)) throw new BoardChangeError('noSuchNote');
  if (note.isLocked) throw new BoardChangeError('locked');
  return note;
}

/** Replaces a note's text. */
export function setNoteText(doc: Y.Doc, noteId: string, text: string, origin?: unknown): void {
  doc.transact(() => {
    const note = editableNote(doc, noteId);
    records(doc).kv.set(noteId, { ...note, props: { ...note.props, richText: richTextFromPlain(text) } });
  }, origin);
}

/** Deletes a note. */
export function deleteNote(doc: Y.Doc, noteId: string, origin?: unknown): void {
  doc.transact(() => {
    editableNote(doc, noteId);
    records(doc).kv.delete(noteId);
  }, origin);
}

/** Moves notes into an area's free slots, side by side (or among the unplaced notes, `areaId` null). */
export function moveNotes(
  doc: Y.Doc,
  noteIds: readonly string[],
  areaId: string | null,
  origin?: unknown,
): void {
  doc.transact(() => {
    const notes = noteIds.map((id) => editableNote(doc, id));
    const area = areaById(doc, areaId);
    const { parentId, slots, changed } = placesFor(doc, area, notes.length, new Set(noteIds));
    const { kv, all } = records(doc);
    for (const shape of changed) kv.set(shape.id, shape);
    let index = indexAbove(shapesIn(all(), parentId).filter((s) => !noteIds.includes(s.id)));
    notes.forEach((note, i) => {
      kv.set(note.id, { ...note, parentId, index, x: slots[i]!.x, y: slots[i]!.y });
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
  const lookup = (id: string) => records(doc).get(id);
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
    const { kv, get } = records(doc);
    const frame = get(areaId);
    if (!frame || !readFocusArea(frame)) throw new BoardChangeError('noSuchArea');
    kv.set(areaId, {
      ...frame,
      meta: { ...frame.meta, code: change.code, title: change.title },
      props: { ...frame.props, name: areaFrameName(change.code, change.title) },
    });
  }, origin);
}
