import {
  areaCounts,
  areaFrameName,
  notesIn,
  type AreaColor,
  type AreaCount,
  type FocusArea,
  type Note,
  type WorkshopBoard,
} from '@samskapa/shared';

/** The key of the column for notes in no area; area columns are keyed by their frame's id ("shape:…"). */
export const UNPLACED = 'unplaced';
/** An area's id, or {@link UNPLACED}. */
export type ColumnKey = string;

export const columnKeyOf = (areaId: string | null): ColumnKey => areaId ?? UNPLACED;
export const areaIdOf = (key: ColumnKey): string | null => (key === UNPLACED ? null : key);

/** One column of the list board: an area (or the unplaced notes), its notes and how many count. */
export interface Column {
  key: ColumnKey;
  area: FocusArea | null;
  /** Reference content first, then the participants' notes, each in reading order. */
  notes: Note[];
  /** Notes participants wrote, and reference content apart. */
  count: AreaCount;
}

/** Where a note can be moved: an area (code and title) or out of every area (`code` null). */
export interface Destination {
  key: ColumnKey;
  code: string | null;
  title: string;
}

/** The board's areas in reading order, then the unplaced notes. */
export function boardColumns(board: WorkshopBoard): Column[] {
  const counts = areaCounts(board);
  const none: AreaCount = { notes: 0, reference: 0 };
  const areas = board.areas.map((area) => ({
    key: area.id,
    area,
    notes: notesIn(board, area.id),
    count: counts.get(area.id) ?? none,
  }));
  return [
    ...areas,
    { key: UNPLACED, area: null, notes: notesIn(board, null), count: counts.get(null) ?? none },
  ];
}

/** How an area is named in headings and messages: "A1 Förebyggande och hälsofrämjande". */
export function areaName(area: Pick<FocusArea, 'code' | 'title'>): string {
  return areaFrameName(area.code, area.title);
}

// Equality by what the list board shows, so memoised columns and notes skip re-reads that changed nothing
// they show (every remote change re-reads the whole board into new objects).

export function sameNote(a: Note, b: Note): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.text === b.text &&
      a.author === b.author &&
      a.authorId === b.authorId &&
      a.reference === b.reference &&
      a.areaId === b.areaId)
  );
}

export function sameNotes(a: readonly Note[], b: readonly Note[]): boolean {
  return a === b || (a.length === b.length && a.every((note, i) => sameNote(note, b[i]!)));
}

export function sameArea(a: FocusArea | null, b: FocusArea | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.id === b.id &&
    a.code === b.code &&
    a.title === b.title &&
    a.description === b.description &&
    a.color === b.color &&
    a.kind === b.kind
  );
}

export function sameColumn(a: Column, b: Column): boolean {
  return (
    a === b ||
    (a.key === b.key &&
      a.count.notes === b.count.notes &&
      a.count.reference === b.count.reference &&
      sameArea(a.area, b.area) &&
      sameNotes(a.notes, b.notes))
  );
}

export function sameDestinations(a: readonly Destination[], b: readonly Destination[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((d, i) => d.key === b[i]!.key && d.code === b[i]!.code && d.title === b[i]!.title))
  );
}

/** tldraw's palette as CSS colours (light theme), for the stripe that marks an area; the code names it too. */
export const AREA_STRIPE: Record<AreaColor, string> = {
  black: '#1d1d1d',
  grey: '#8a94a3',
  'light-violet': '#c770e0',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#e0a030',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
};

/** DOM ids, so focus can be sent to an element another component renders. */
export const domId = {
  column: (key: ColumnKey) => `outline-col-${key}`,
  heading: (key: ColumnKey) => `outline-col-${key}-heading`,
  note: (id: string) => `outline-note-${id}`,
  noteEdit: (id: string) => `outline-note-${id}-edit`,
  noteMove: (id: string) => `outline-note-${id}-move`,
  noteText: (id: string) => `outline-note-${id}-text`,
  add: (key: ColumnKey) => `outline-add-${key}`,
};

/**
 * Focuses an element by id, now or as soon as it is rendered (a few frames at most); a text box gets
 * the caret at the end of its text, where a person goes on writing.
 */
export function focusSoon(id: string, frames = 10): void {
  const element = document.getElementById(id);
  if (!element) {
    if (frames > 0) requestAnimationFrame(() => focusSoon(id, frames - 1));
    return;
  }
  element.focus();
  if (element instanceof HTMLTextAreaElement) {
    element.setSelectionRange(element.value.length, element.value.length);
  }
}

/**
 * The element to focus when a note leaves a column (moved or deleted): the next note, else the one
 * before, else the column's heading. Read from the page before the note leaves it.
 */
export function focusAfterLeaving(noteId: string, columnKey: ColumnKey): string {
  const item = document.getElementById(domId.note(noteId))?.closest('li');
  const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling) as HTMLElement | null;
  return neighbour?.dataset.noteId ? domId.note(neighbour.dataset.noteId) : domId.heading(columnKey);
}
