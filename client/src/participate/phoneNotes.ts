import type { FocusArea, Note, WorkshopBoard } from '@samskapa/shared';

/** The areas a participant can write into: every area but those holding read-only reference content. */
export function writableAreas(board: WorkshopBoard): FocusArea[] {
  return board.areas.filter((area) => area.kind !== 'reference');
}

/** A group of notes under one area (areaId null: the notes in no area). */
export interface NoteGroup {
  areaId: string | null;
  notes: Note[];
}

/** A person's own notes, grouped by area in the board's reading order; the notes in no area come last. */
export function ownNotesByArea(board: WorkshopBoard, personId: string): NoteGroup[] {
  const own = board.notes.filter((note) => note.authorId === personId && !note.reference);
  const groups: NoteGroup[] = [...board.areas.map((area) => area.id), null].map((areaId) => ({
    areaId,
    notes: own.filter((note) => note.areaId === areaId),
  }));
  return groups.filter((group) => group.notes.length > 0);
}

/** The area a remembered choice points to, when it is still on the board and open for notes; else none. */
export function resolveAreaChoice(stored: string | null, areas: readonly FocusArea[]): string | null {
  return stored !== null && areas.some((area) => area.id === stored) ? stored : null;
}
