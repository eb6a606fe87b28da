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

/** Notes grouped by area in the board's reading order, the notes in no area last; empty groups left out. */
function byArea(board: WorkshopBoard, notes: Note[]): NoteGroup[] {
  const groups: NoteGroup[] = [...board.areas.map((area) => area.id), null].map((areaId) => ({
    areaId,
    notes: notes.filter((note) => note.areaId === areaId),
  }));
  return groups.filter((group) => group.notes.length > 0);
}

/** A person's own notes, grouped by area in the board's reading order; the notes in no area come last. */
export function ownNotesByArea(board: WorkshopBoard, personId: string): NoteGroup[] {
  return byArea(
    board,
    board.notes.filter((note) => note.authorId === personId && !note.reference),
  );
}

/** Every note that can take dots (everyone's, never reference content), grouped as {@link ownNotesByArea}. */
export function votableNotesByArea(board: WorkshopBoard): NoteGroup[] {
  return byArea(
    board,
    board.notes.filter((note) => !note.reference),
  );
}

/** The area a remembered choice points to, when it is still on the board and open for notes; else none. */
export function resolveAreaChoice(stored: string | null, areas: readonly { id: string }[]): string | null {
  return stored !== null && areas.some((area) => area.id === stored) ? stored : null;
}
