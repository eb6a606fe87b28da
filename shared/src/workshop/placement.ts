import type * as Y from 'yjs';
import { boardRecords, type RecordChanges } from '../doc/boardDoc';
import { BOARD_PAGE_ID } from '../records/board';
import { freeSlots, NOTE_SIZE, overlaps, type Rect } from '../records/layout';
import { readFocusArea } from './focusArea';
import { isNoteRecord, NoteMeta } from './note';
import {
  asShape,
  clearBelow,
  growToFit,
  obstaclesIn,
  rectOf,
  shapeRecords,
  slotGrid,
  type ShapeRecord,
  type SlotGrid,
} from './slots';

/**
 * Notes placed at the same moment never cover each other. Every view puts a note into the first free
 * slot it sees; two browsers that have not yet seen each other's notes (a reveal, where everyone
 * publishes at once; two people adding to one area) pick the same slot. Once their notes have met,
 * every browser reads the same board and so agrees on who moves: the notes placed into slots, in the
 * order they were placed (`meta.placedAt`, then id), keep their place unless they cover one kept
 * before them; the others go to the first free slots, in that order. Each browser moves only the notes
 * it placed itself and that nobody has moved since, so no record is written by two browsers at once
 * and a note someone put somewhere by hand stays where they put it.
 */

/** The origin of the moves settling makes, so the watcher tells them from a person's. */
export const SETTLE_ORIGIN = { change: 'settle placement' } as const;

/** Most of this browser's placements it keeps watching (the oldest are let go first). */
const MAX_WATCHED = 2000;

/**
 * A `placedAt` this recent in a local change is a placement made here; an older one came along with a
 * copy (a note pasted or duplicated on the canvas is put down by hand, not into a slot).
 */
const FRESH_MS = 60_000;

function placedAtOf(shape: ShapeRecord | undefined): number | undefined {
  return NoteMeta.catch({}).parse(shape?.meta ?? {}).placedAt;
}

const byPlacement = (a: ShapeRecord, b: ShapeRecord) =>
  placedAtOf(a)! - placedAtOf(b)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Where the notes of one grid that cover an earlier-placed note must go, by id: the same answer in
 * every browser that has the same board. A note put there by hand (no `placedAt`) never moves, and a
 * placed note covering it gives way; pictures and drawings never make a note move, but new slots
 * avoid them too.
 */
export function settledPlaces(
  everything: readonly ShapeRecord[],
  grid: SlotGrid,
): Map<string, { x: number; y: number }> {
  const shapes = obstaclesIn(everything, grid);
  const placed = shapes
    .filter((shape) => isNoteRecord(shape) && placedAtOf(shape) !== undefined)
    .sort(byPlacement);
  const others = shapes.filter((shape) => !placed.includes(shape));
  const fixed = others.filter((shape) => !isNoteRecord(shape)).flatMap((s) => rectOf(s) ?? []);
  const kept: Rect[] = others.filter((shape) => isNoteRecord(shape)).flatMap((s) => rectOf(s) ?? []);
  const moving: ShapeRecord[] = [];
  for (const note of placed) {
    const rect = rectOf(note)!;
    if (kept.some((other) => overlaps(other, rect))) moving.push(note);
    else kept.push(rect);
  }
  const slots = freeSlots([...fixed, ...kept], grid, moving.length);
  return new Map(moving.map((note, i) => [note.id, slots[i]!]));
}

/** The grid a shape's parent lays its slots out in: an area's, the page's, or none (a group, …). */
function gridOfParent(everything: readonly ShapeRecord[], parentId: string): SlotGrid | undefined {
  if (parentId === BOARD_PAGE_ID) return slotGrid(everything, null);
  const area = readFocusArea(everything.find((shape) => shape.id === parentId));
  return area ? slotGrid(everything, area) : undefined;
}

/**
 * Move those of `noteIds` that must give way (see {@link settledPlaces}) to free slots, growing an area
 * that has to hold them, in one change; returns where each moved note went.
 */
export function settleNotes(
  doc: Y.Doc,
  noteIds: ReadonlySet<string>,
): Map<string, { parentId: string; x: number; y: number }> {
  const { kv, all } = shapeRecords(doc);
  const everything = all();
  const parents = new Set(everything.filter((shape) => noteIds.has(shape.id)).map((shape) => shape.parentId));
  const moved = new Map<string, { parentId: string; x: number; y: number }>();
  const changes: ShapeRecord[] = [];
  for (const parentId of parents) {
    const grid = gridOfParent(everything, parentId);
    if (!grid) continue;
    const places = [...settledPlaces(everything, grid)].filter(([id]) => noteIds.has(id));
    // The area holds every note of these (another browser growing it at the same moment may have
    // made it less tall than they need).
    const bottom = Math.max(
      ...everything
        .filter((shape) => noteIds.has(shape.id) && shape.parentId === parentId)
        .map((shape) => (places.find(([id]) => id === shape.id)?.[1].y ?? shape.y) + NOTE_SIZE),
    );
    const grown = growToFit(everything, grid, bottom);
    changes.push(...grown);
    if (grown.length === 0 && grid.area) changes.push(...clearBelow(everything, grid.area));
    for (const [id, slot] of places) {
      const note = everything.find((shape) => shape.id === id)!;
      changes.push({ ...note, x: slot.x, y: slot.y });
      moved.set(id, { parentId, ...slot });
    }
  }
  if (changes.length > 0) {
    doc.transact(() => {
      for (const shape of changes) kv.set(shape.id, shape);
    }, SETTLE_ORIGIN);
  }
  return moved;
}

/**
 * Keeps the notes this browser puts into slots (any note a local change gives a new `placedAt`) from
 * covering anyone else's: after every change that reaches the board, those that must give way move on.
 * A note stops being watched once someone else moves it or it is deleted. Returns a function that stops.
 */
export function settleOwnPlacements(doc: Y.Doc): () => void {
  const kv = boardRecords(doc);
  const own = new Map<string, { parentId: string; x: number; y: number }>();
  let scheduled = false;
  let stopped = false;

  // After the change that called for it has been applied in full (a remote update, a local change).
  const settle = () => {
    scheduled = false;
    if (stopped) return;
    for (const [id, where] of settleNotes(doc, new Set(own.keys()))) own.set(id, where);
  };

  const onChange = ({ changed, removed, fields }: RecordChanges, transaction: Y.Transaction) => {
    // Nothing of this browser's to look after: a board arriving costs nothing here.
    if (transaction.origin === SETTLE_ORIGIN || (!transaction.local && own.size === 0)) return;
    let touched = false;
    const parents = new Set([...own.values()].map((where) => where.parentId));
    for (const id of removed) {
      touched ||= parents.has(id) || own.has(id);
      own.delete(id);
    }
    for (const id of changed) {
      const after = asShape(kv.get(id));
      const watched = own.get(id);
      if (after && isNoteRecord(after)) {
        // Only a change made here can be a placement made here (a board arriving is not read twice).
        const placedAt = transaction.local ? placedAtOf(after) : undefined;
        const fresh = placedAt !== undefined && Math.abs(Date.now() - placedAt) < FRESH_MS;
        const what = fields.get(id);
        if (fresh && (what?.has('*') || what?.has('meta') || what?.has('meta.placedAt'))) {
          // Put into a slot here, just now: this browser answers for where it ends up.
          own.delete(id);
          own.set(id, { parentId: after.parentId, x: after.x, y: after.y });
          parents.add(after.parentId);
          if (own.size > MAX_WATCHED) own.delete(own.keys().next().value!);
        } else if (watched) {
          const same = watched.parentId === after.parentId && watched.x === after.x && watched.y === after.y;
          if (!same) own.delete(id);
        }
      }
      // A change among the notes of an area this browser placed into (or that left one), or to the area.
      touched ||= parents.has(id) || !!watched || (after !== undefined && parents.has(after.parentId));
    }
    if (touched && own.size > 0 && !scheduled) {
      scheduled = true;
      void Promise.resolve().then(settle);
    }
  };

  const stopObserving = kv.observe(onChange);
  return () => {
    stopped = true;
    stopObserving();
  };
}
