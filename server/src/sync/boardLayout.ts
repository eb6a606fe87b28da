import { migrateBoardLayout, needsLayoutMigration } from '@samskapa/shared';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { DocStore } from '../store/types';
import type { RoomHooks } from './hooks';

/** Origin of the conversion's update on the live doc (it is stored already). */
const CONVERSION = Symbol('layout conversion');

/**
 * Boards written before layout 2 (records as whole values in one `YKeyValue`) are converted once, the
 * first time they load: on a copy, the conversion is stored, then applied, before any peer is answered.
 * Every later reader (views, exports, snapshots of this board) finds layout 2 only.
 */
export function boardLayout(store: DocStore, log: Logger): RoomHooks {
  return {
    async onLoad(room) {
      if (room.kind !== 'board' || !needsLayoutMigration(room.doc)) return;
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      const updates: Uint8Array[] = [];
      copy.on('update', (update: Uint8Array) => updates.push(update));
      const records = migrateBoardLayout(copy);
      copy.destroy();
      if (updates.length === 0) return;
      const update = Y.mergeUpdates(updates);
      if (!(await store.append(room.name, update))) throw new Error(`workshop of ${room.name} is gone`);
      Y.applyUpdate(room.doc, update, CONVERSION);
      log.info({ room: room.name, records }, 'converted a board to layout 2');
    },
  };
}
