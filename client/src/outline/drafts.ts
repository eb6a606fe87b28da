import { create } from 'zustand';
import type { ColumnKey } from './columns';

/** A note being edited: what was typed so far, and where. */
export interface EditDraft {
  workshopId: string;
  text: string;
  /** The column the note was in when the editing began: where the text stays if the note is deleted. */
  columnKey: ColumnKey;
}

export type AreaFilter = ColumnKey | 'all';

interface Drafts {
  /** By note id. */
  edits: Record<string, EditDraft>;
  /** New notes being written, by `workshopId/columnKey`. */
  additions: Record<string, string>;
  /** The column shown, by workshop ('all': every column). */
  filters: Record<string, AreaFilter>;
  /** Whether the template's reference content ("Underlag") is shown, by workshop (shown unless hidden). */
  referenceShown: Record<string, boolean>;
  startEdit(noteId: string, draft: EditDraft): void;
  setEditText(noteId: string, text: string): void;
  endEdit(noteId: string): void;
  setAddition(key: string, text: string): void;
  setFilter(workshopId: string, filter: AreaFilter): void;
  showReference(workshopId: string, shown: boolean): void;
}

/**
 * Local UI state of the list board: what people are typing, kept outside the components so that a
 * note moved or deleted by someone else, a hidden column or a switch to another view loses no text.
 */
export const useDrafts = create<Drafts>((set) => ({
  edits: {},
  additions: {},
  filters: {},
  referenceShown: {},
  startEdit: (noteId, draft) => set((s) => ({ edits: { ...s.edits, [noteId]: draft } })),
  setEditText: (noteId, text) =>
    set((s) => {
      const draft = s.edits[noteId];
      return draft ? { edits: { ...s.edits, [noteId]: { ...draft, text } } } : s;
    }),
  endEdit: (noteId) =>
    set((s) => {
      const { [noteId]: _ended, ...rest } = s.edits;
      return { edits: rest };
    }),
  setAddition: (key, text) => set((s) => ({ additions: { ...s.additions, [key]: text } })),
  setFilter: (workshopId, filter) => set((s) => ({ filters: { ...s.filters, [workshopId]: filter } })),
  showReference: (workshopId, shown) =>
    set((s) => ({ referenceShown: { ...s.referenceShown, [workshopId]: shown } })),
}));

export const additionKey = (workshopId: string, columnKey: ColumnKey) => `${workshopId}/${columnKey}`;
