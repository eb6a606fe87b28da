import {
  docName,
  Locale,
  MAX_SNAPSHOTS_PER_WORKSHOP,
  readBoardDoc,
  readControlField,
  stepSnapshotName,
} from '@samskapa/shared';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { SnapshotRow, SnapshotStore, WorkshopStore } from '../store/types';
import type { RoomHooks } from './hooks';
import type { Rooms } from './rooms';

/** Both documents of a workshop as they are now, kept as a snapshot named `name`; resolves with it. */
export async function takeSnapshot(
  rooms: Rooms,
  store: SnapshotStore,
  workshopId: string,
  name: string,
): Promise<SnapshotRow | undefined> {
  const board = await rooms.acquire(docName(workshopId, 'board'));
  const control = await rooms.acquire(docName(workshopId, 'control')).catch((err: unknown) => {
    board.release();
    throw err;
  });
  let row: SnapshotRow;
  try {
    row = {
      id: randomBytes(16).toString('base64url'),
      workshopId,
      name,
      createdAt: Date.now(),
      notes: readBoardDoc(board.room.doc).notes.filter((n) => !n.reference).length,
      board: Y.encodeStateAsUpdate(board.room.doc),
      control: Y.encodeStateAsUpdate(control.room.doc),
    };
  } finally {
    board.release();
    control.release();
  }
  return (await store.putSnapshot(row, MAX_SNAPSHOTS_PER_WORKSHOP)) ? row : undefined;
}

/**
 * A snapshot of both documents whenever a facilitator moves the agenda to another step, named after the
 * step it comes before. Taken after the update is stored and in the background: a failure is logged and
 * never holds up or undoes the step change.
 */
export function snapshotHook(rooms: Rooms, store: SnapshotStore & WorkshopStore, log: Logger): RoomHooks {
  // The current step just before each control doc's latest transaction. `onStored` runs right after
  // the accepted update was applied, so the latest transaction is that update; changes that came from
  // other processes are transactions too, but stored (and snapshotted) there.
  const before = new WeakMap<Y.Doc, string | null>();
  const remember = new WeakMap<Y.Doc, () => void>();
  return {
    onLoad(room) {
      if (room.kind !== 'control') return;
      const listener = () => before.set(room.doc, readControlField(room.doc, 'currentStepId'));
      listener();
      room.doc.on('beforeTransaction', listener);
      remember.set(room.doc, listener);
    },
    onStored(room) {
      if (room.kind !== 'control') return;
      const step = readControlField(room.doc, 'currentStepId');
      if (step === null || step === before.get(room.doc)) return;
      before.set(room.doc, step);
      const agenda = readControlField(room.doc, 'agenda');
      const index = agenda.findIndex((s) => s.id === step);
      if (index < 0) return;
      const title = agenda[index]!.title;
      const { workshopId } = room;
      void (async () => {
        const workshop = await store.get(workshopId);
        if (!workshop) return;
        const name = stepSnapshotName(Locale.catch('sv').parse(workshop.locale), index + 1, title);
        await takeSnapshot(rooms, store, workshopId, name);
      })().catch((err: unknown) =>
        log.error({ workshopId, err }, 'could not take a snapshot at a step change'),
      );
    },
    onUnload(room) {
      const listener = remember.get(room.doc);
      if (listener) room.doc.off('beforeTransaction', listener);
    },
  };
}
