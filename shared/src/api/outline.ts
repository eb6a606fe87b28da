/** How many notes an area holds, participants' and the template's reference content apart. */
export interface OutlineCount {
  notes: number;
  reference: number;
}

/**
 * Answer of `GET /api/workshops/:id/outline` (every role): what a phone needs to take notes before its
 * board has synced — the workshop's title, the areas a participant can write into in reading order with
 * their counts, and the count of notes in no area — so its first form reads as the full one does.
 */
export interface WorkshopOutline {
  title: string;
  areas: ({ id: string; code: string; title: string; description: string } & OutlineCount)[];
  unplaced: OutlineCount;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function readCount(value: unknown): OutlineCount | null {
  if (typeof value !== 'object' || value === null) return null;
  const { notes, reference } = value as Record<string, unknown>;
  return isCount(notes) && isCount(reference) ? { notes, reference } : null;
}

/**
 * Reads an outline from the wire; null when it is not one. Checked by hand, not with zod: the phone's
 * first script reads it, and zod's core alone is 13 kB compressed there, a quarter of a second on a slow
 * network before anyone can write a note.
 */
export function parseWorkshopOutline(value: unknown): WorkshopOutline | null {
  if (typeof value !== 'object' || value === null) return null;
  const { title, areas, unplaced } = value as Record<string, unknown>;
  const unplacedCount = readCount(unplaced);
  if (!isString(title) || !Array.isArray(areas) || !unplacedCount) return null;
  const read: WorkshopOutline['areas'] = [];
  for (const area of areas as unknown[]) {
    if (typeof area !== 'object' || area === null) return null;
    const { id, code, title: areaTitle, description } = area as Record<string, unknown>;
    const count = readCount(area);
    if (!isString(id) || !isString(code) || !isString(areaTitle) || !isString(description) || !count)
      return null;
    read.push({ id, code, title: areaTitle, description, ...count });
  }
  return { title, areas: read, unplaced: unplacedCount };
}
