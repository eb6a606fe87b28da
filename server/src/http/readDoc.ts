import { docName } from '@samskapa/shared';
import type * as Y from 'yjs';
import type { Rooms } from '../sync/rooms';

/** Read a workshop's document, which the server keeps loaded meanwhile (the reader need not be connected). */
export async function readDoc<T>(
  rooms: Rooms,
  workshopId: string,
  kind: 'board' | 'control',
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const { room, release } = await rooms.acquire(docName(workshopId, kind));
  try {
    return read(room.doc);
  } finally {
    release();
  }
}
