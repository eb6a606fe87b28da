import type * as Y from 'yjs';
import { storedRecords, type StoredRecord } from '../doc/boardDoc';
import { areaOf } from '../cluster/membership';
import { readFocusArea, type FocusArea } from './focusArea';
import { readNote, type Note } from './note';

/** The workshop on a board: its focus areas and notes, each in reading order (top to bottom, left to right). */
export interface WorkshopBoard {
  areas: FocusArea[];
  notes: Note[];
}

const byReadingOrder = (a: { x: number; y: number }, b: { x: number; y: number }) => a.y - b.y || a.x - b.x;

/** Reads the areas and notes out of a board's records; every note's area comes from {@link areaOf}. */
export function readWorkshopBoard(records: Iterable<StoredRecord>): WorkshopBoard {
  const byId = new Map<string, StoredRecord>();
  for (const record of records) byId.set(record.id, record);
  const lookup = (id: string) => byId.get(id);
  const areas: FocusArea[] = [];
  const notes: Note[] = [];
  for (const record of byId.values()) {
    const area = readFocusArea(record);
    if (area) {
      areas.push(area);
      continue;
    }
    const note = readNote(record, null);
    if (note) notes.push({ ...note, areaId: areaOf(note.id, lookup) });
  }
  areas.sort(byReadingOrder);
  notes.sort(byReadingOrder);
  return { areas, notes };
}

/** The workshop on a board doc as it is now. */
export function readBoardDoc(doc: Y.Doc): WorkshopBoard {
  return readWorkshopBoard(storedRecords(doc));
}

/** The notes of one area (null: the notes in no area), reference content first. */
export function notesIn(board: WorkshopBoard, areaId: string | null): Note[] {
  const inArea = board.notes.filter((note) => note.areaId === areaId);
  return [...inArea.filter((n) => n.reference), ...inArea.filter((n) => !n.reference)];
}

/** How many notes participants have put in each area (reference content not counted); key null: unplaced. */
export function noteCounts(board: WorkshopBoard): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const area of board.areas) counts.set(area.id, 0);
  counts.set(null, 0);
  for (const note of board.notes) {
    if (!note.reference) counts.set(note.areaId, (counts.get(note.areaId) ?? 0) + 1);
  }
  return counts;
}

/** What an area holds: the notes participants wrote, and the template's reference content apart. */
export interface AreaCount {
  notes: number;
  reference: number;
}

/**
 * Every area's {@link AreaCount} (key null: the notes in no area), from notes whose area is already
 * decided; every view counts with this, so a badge, a column and a picker say the same.
 */
export function countNotesByArea(
  areaIds: Iterable<string>,
  notes: Iterable<{ areaId: string | null; reference: boolean }>,
): Map<string | null, AreaCount> {
  const counts = new Map<string | null, AreaCount>();
  for (const id of [...areaIds, null]) counts.set(id, { notes: 0, reference: 0 });
  for (const note of notes) {
    const count = counts.get(note.areaId) ?? { notes: 0, reference: 0 };
    if (note.reference) count.reference++;
    else count.notes++;
    counts.set(note.areaId, count);
  }
  return counts;
}

/** {@link countNotesByArea} of a whole board. */
export function areaCounts(board: WorkshopBoard): Map<string | null, AreaCount> {
  return countNotesByArea(
    board.areas.map((area) => area.id),
    board.notes,
  );
}
