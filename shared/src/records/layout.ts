/** Geometry of a focus area: notes in a grid of slots below the area's description. */
export const NOTE_SIZE = 200;
export const SLOT_GAP = 20;
export const AREA_PADDING = 24;
/** Notes side by side in a new area. */
export const AREA_COLUMNS = 3;
/** Space between areas laid out by a template. */
export const AREA_SPACING = 120;
/** Width of a new area: three notes and the gaps around them. */
export const AREA_WIDTH = AREA_PADDING * 2 + AREA_COLUMNS * NOTE_SIZE + (AREA_COLUMNS - 1) * SLOT_GAP;

/** Characters per line and line height of a description at tldraw's small sans font (an estimate). */
const CHAR_WIDTH = 10;
const LINE_HEIGHT = 30;

/**
 * Where an area's slots start, below its description text. Estimated without an editor (tldraw
 * measures text only in a browser), generously, so the text never runs into the first row of notes.
 */
export function areaContentTop(description: string, width: number): number {
  if (!description.trim()) return AREA_PADDING;
  const perLine = Math.max(10, Math.floor((width - AREA_PADDING * 2) / CHAR_WIDTH));
  const lines = description
    .split('\n')
    .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
  return AREA_PADDING + lines * LINE_HEIGHT + AREA_PADDING;
}

/** Height of an area whose slots hold `rows` rows of notes. */
export function areaHeight(top: number, rows: number): number {
  return top + Math.max(1, rows) * (NOTE_SIZE + SLOT_GAP) - SLOT_GAP + AREA_PADDING;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether two rectangles share any area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Most slots {@link freeSlots} looks through: no grid reaches further down, so no area grows taller. */
export const MAX_SLOTS_SEARCHED = 100_000;

/**
 * The first free slots (row by row) in a grid of `columns` note slots starting at `(left, top)`, where
 * `taken` are the rectangles already there. Rows go on as far as needed: a caller that has a frame
 * grows it to fit the last slot.
 */
export function freeSlots(
  taken: readonly Rect[],
  grid: { left: number; top: number; columns: number },
  count: number,
): { x: number; y: number }[] {
  const slots: { x: number; y: number }[] = [];
  const claimed: Rect[] = [...taken];
  for (let i = 0; slots.length < count && i < MAX_SLOTS_SEARCHED; i++) {
    const column = i % grid.columns;
    const row = Math.floor(i / grid.columns);
    const slot = {
      x: grid.left + column * (NOTE_SIZE + SLOT_GAP),
      y: grid.top + row * (NOTE_SIZE + SLOT_GAP),
      w: NOTE_SIZE,
      h: NOTE_SIZE,
    };
    if (claimed.some((rect) => overlaps(rect, slot))) continue;
    claimed.push(slot);
    slots.push({ x: slot.x, y: slot.y });
  }
  return slots;
}

/** How many note columns fit across an area of width `w`. */
export function columnsIn(w: number): number {
  return Math.max(1, Math.floor((w - AREA_PADDING * 2 + SLOT_GAP) / (NOTE_SIZE + SLOT_GAP)));
}
