import { useSyncExternalStore } from 'react';

/**
 * Notes a participant wrote before the board could take them (its code still loading, its first sync not
 * yet in, the board locked): kept in this browser's storage, so a reload or a closed tab loses none, and
 * written into the board, in the area chosen when they were written, as soon as it can take them.
 */
export interface PendingNote {
  id: string;
  text: string;
  areaId: string | null;
  createdAt: number;
}

/** A stored note, or null; by hand, not with zod, which the phone's first script does without. */
function readPendingNote(value: unknown): PendingNote | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, text, areaId, createdAt } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof text !== 'string' || typeof createdAt !== 'number') return null;
  if (areaId !== null && typeof areaId !== 'string') return null;
  return { id, text, areaId, createdAt };
}

const storageKey = (workshopId: string) => `samskapa.pending.${workshopId}`;
const listeners = new Set<() => void>();
/** The last list read per workshop: `useSyncExternalStore` needs the same array until it changes. */
const lists = new Map<string, PendingNote[]>();
const NONE: PendingNote[] = [];

function read(workshopId: string): PendingNote[] {
  const known = lists.get(workshopId);
  if (known) return known;
  let parsed: PendingNote[] = NONE;
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(workshopId)) ?? '[]');
    if (Array.isArray(stored)) {
      // A note this version cannot read is skipped, not allowed to hide the others.
      parsed = stored.flatMap((entry) => {
        const note = readPendingNote(entry);
        return note ? [note] : [];
      });
    }
  } catch {
    // unreadable storage: nothing pending that this page can see
  }
  lists.set(workshopId, parsed);
  return parsed;
}

function write(workshopId: string, notes: PendingNote[]): void {
  lists.set(workshopId, notes.length ? notes : NONE);
  try {
    if (notes.length) localStorage.setItem(storageKey(workshopId), JSON.stringify(notes));
    else localStorage.removeItem(storageKey(workshopId));
  } catch {
    // kept in memory for this page only
  }
  for (const listener of listeners) listener();
}

/** Keeps a note until the board can take it. */
export function addPendingNote(workshopId: string, note: { text: string; areaId: string | null }): void {
  write(workshopId, [...read(workshopId), { ...note, id: crypto.randomUUID(), createdAt: Date.now() }]);
}

/** The notes still waiting, oldest first. */
export function pendingNotes(workshopId: string): PendingNote[] {
  return read(workshopId);
}

/** Forgets notes once they are on the board. */
export function removePendingNotes(workshopId: string, ids: readonly string[]): void {
  write(
    workshopId,
    read(workshopId).filter((note) => !ids.includes(note.id)),
  );
}

/** Forgets every pending note of a workshop (it was deleted). */
export function forgetPendingNotes(workshopId: string): void {
  lists.delete(workshopId);
  try {
    localStorage.removeItem(storageKey(workshopId));
  } catch {
    // nothing was kept
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the same phone writing or flushing.
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith('samskapa.pending.')) return;
    lists.clear();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** A workshop's pending notes, live. */
export function usePendingNotes(workshopId: string): PendingNote[] {
  return useSyncExternalStore(subscribe, () => read(workshopId));
}
