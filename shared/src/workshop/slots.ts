import type * as Y from 'yjs';
import { boardRecords, storedRecord, storedRecords, type StoredRecord } from '../doc/boardDoc';
import { BOARD_PAGE_ID } from '../records/board';
import {
  AREA_PADDING,
  AREA_SPACING,
  areaContentTop,
  columnsIn,
  NOTE_SIZE,
  type Rect,
} from '../records/layout';
import { readFocusArea, type FocusArea } from './focusArea';
import { isNoteRecord } from './note';

/**
 * The slots notes are put in without an editor: the grid of an area (below its description) or the
 * rows below every area for notes in none, read from the stored records. Shared by the operations
 * that place notes and by the settling of notes placed at the same moment by different people.
 */

export type ShapeRecord = StoredRecord & {
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
export function asShape(record: StoredRecord | undefined): ShapeRecord | undefined {
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

/** The board's record store, and its well-formed shapes. */
export function shapeRecords(doc: Y.Doc) {
  const kv = boardRecords(doc);
  const get = (id: string) => asShape(storedRecord(doc, id));
  const all = () => storedRecords(doc).flatMap((r) => asShape(r) ?? []);
  return { kv, get, all };
}

export function shapesIn(all: readonly ShapeRecord[], parentId: string): ShapeRecord[] {
  return all.filter((r) => r.typeName === 'shape' && r.parentId === parentId);
}

/** The rectangle a shape covers in its parent (a note as tldraw draws it), if it has a size. */
export function rectOf(shape: ShapeRecord): Rect | undefined {
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

/** Where the slots of a parent are: the grid's first slot and how many slots a row has. */
export interface SlotGrid {
  parentId: string;
  /** The area, or null for the notes in no area. */
  area: FocusArea | null;
  left: number;
  top: number;
  columns: number;
}

/** The grid of an area's slots, or (area null) of the rows below every area. */
export function slotGrid(everything: readonly ShapeRecord[], area: FocusArea | null): SlotGrid {
  if (area) {
    const top = areaContentTop(area.description, area.w);
    return { parentId: area.id, area, left: AREA_PADDING, top, columns: columnsIn(area.w) };
  }
  const areas = everything.flatMap((r) => readFocusArea(r) ?? []);
  const left = areas.length > 0 ? Math.min(...areas.map((a) => a.x)) : 0;
  const top = areas.length > 0 ? Math.max(...areas.map((a) => a.y + a.h)) + AREA_SPACING : 0;
  return { parentId: BOARD_PAGE_ID, area: null, left, top, columns: UNPLACED_COLUMNS };
}

/**
 * What takes room among a grid's slots: in an area every shape but text (its title and description are
 * drawn by the frame), below the areas every shape but the areas themselves.
 */
export function obstaclesIn(everything: readonly ShapeRecord[], grid: SlotGrid): ShapeRecord[] {
  return shapesIn(everything, grid.parentId).filter((shape) =>
    grid.area ? shape.type !== 'text' : !readFocusArea(shape),
  );
}

/**
 * The area's frame made tall enough for slots down to `bottom` (page: nothing to grow), with
 * everything below it moved down as much, so a growing area never runs into the row below.
 */
export function growToFit(everything: readonly ShapeRecord[], grid: SlotGrid, bottom: number): ShapeRecord[] {
  const area = grid.area;
  const frame = area && everything.find((shape) => shape.id === area.id);
  if (!area || !frame || bottom + AREA_PADDING <= area.h) return [];
  const by = bottom + AREA_PADDING - area.h;
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

/**
 * What lies below an area on the page (other areas, notes in none) moved down clear of it when the
 * area now reaches into it, keeping the spacing between them: two people who grew one area at the same
 * moment may each have moved what is below by their own amount, and the taller area won.
 */
export function clearBelow(everything: readonly ShapeRecord[], area: FocusArea): ShapeRecord[] {
  const below = shapesIn(everything, BOARD_PAGE_ID).filter((shape) => {
    const rect = rectOf(shape);
    return (
      shape.id !== area.id &&
      !!rect &&
      rect.y > area.y &&
      rect.x < area.x + area.w &&
      rect.x + rect.w > area.x
    );
  });
  const top = Math.min(...below.map((shape) => shape.y));
  if (!(top < area.y + area.h)) return [];
  const by = area.y + area.h + AREA_SPACING - top;
  return below.map((shape) => ({ ...shape, y: shape.y + by }));
}
