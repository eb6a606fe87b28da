import { z } from 'zod';
import type { StoredRecord } from '../doc/boardDoc';
import { plainFromRichText } from '../records/richText';

/** Workshop data a note carries in its `meta`: who wrote it (a pseudonym) and when. */
export const NoteMeta = z.object({
  /** The participant's random id (kept in their browser), so they can find their own notes. */
  authorId: z.string().max(100).optional().catch(undefined),
  /** The display name the participant chose. */
  author: z.string().max(100).optional().catch(undefined),
  /** Milliseconds since the epoch. */
  createdAt: z.number().optional().catch(undefined),
  /** Read-only content from the template (findings, summaries), not a participant's contribution. */
  reference: z.boolean().optional().catch(undefined),
  /**
   * When a view last put the note into a free slot (milliseconds since the epoch): of two notes that
   * landed in one slot at the same moment, the later moves on (see `placement.ts`).
   */
  placedAt: z.number().optional().catch(undefined),
});
export type NoteMeta = z.infer<typeof NoteMeta>;

/** A sticky note as views and exports see it. */
export interface Note {
  id: string;
  text: string;
  authorId: string | null;
  author: string | null;
  createdAt: number | null;
  /** The focus area it belongs to (see `areaOf`), or null when it is not placed in one. */
  areaId: string | null;
  reference: boolean;
  /** The id of the shape it sits in (a frame, or the page). */
  parentId: string;
  x: number;
  y: number;
  index: string;
}

type NoteRecord = StoredRecord & {
  type?: unknown;
  x?: unknown;
  y?: unknown;
  index?: unknown;
  parentId?: unknown;
  meta?: unknown;
  props?: { richText?: unknown };
};

/** Whether a stored record is a sticky note. */
export function isNoteRecord(record: StoredRecord | undefined): boolean {
  const note = record as NoteRecord | undefined;
  return note?.typeName === 'shape' && note.type === 'note';
}

/** The note a stored record is (its area decided by the caller), or undefined for any other record. */
export function readNote(record: StoredRecord | undefined, areaId: string | null): Note | undefined {
  if (!isNoteRecord(record)) return undefined;
  const note = record as NoteRecord;
  const meta = NoteMeta.catch({}).parse(note.meta ?? {});
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    id: note.id,
    text: plainFromRichText(note.props?.richText),
    authorId: meta.authorId ?? null,
    author: meta.author ?? null,
    createdAt: meta.createdAt ?? null,
    areaId,
    reference: meta.reference === true,
    parentId: typeof note.parentId === 'string' ? note.parentId : '',
    x: num(note.x),
    y: num(note.y),
    index: typeof note.index === 'string' ? note.index : '',
  };
}
