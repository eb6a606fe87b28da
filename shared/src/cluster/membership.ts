import type { StoredRecord } from '../doc/boardDoc';
import { isFocusAreaFrame } from '../workshop/focusArea';

/** Looks up a stored record by id (a board doc's records, a map, a store). */
export type RecordLookup = (id: string) => StoredRecord | undefined;

/** Deepest nesting followed; tldraw never nests this deep, and a cycle in a damaged doc must end. */
const MAX_DEPTH = 32;

/**
 * The focus area a shape belongs to: the nearest focus-area frame among its ancestors (a note in a
 * plain frame inside an area belongs to that area), else null. A note whose frame was deleted, or that
 * sits on the page, is unassigned. This is the one function that decides membership: every view,
 * count, suggestion and export calls it.
 */
export function areaOf(shapeId: string, lookup: RecordLookup): string | null {
  let parentId = (lookup(shapeId) as { parentId?: unknown } | undefined)?.parentId;
  for (let depth = 0; depth < MAX_DEPTH && typeof parentId === 'string'; depth++) {
    const parent = lookup(parentId);
    if (!parent || parent.typeName !== 'shape') return null;
    if (isFocusAreaFrame(parent)) return parent.id;
    parentId = (parent as { parentId?: unknown }).parentId;
  }
  return null;
}
