import { docName, readControlField } from '@samskapa/shared';
import type { RoomHooks } from './hooks';
import type { Room } from './room';
import type { Rooms } from './rooms';

/**
 * The board lock: while the control doc says the board is locked, participants' board writes are
 * dropped. A loaded board keeps its workshop's control doc loaded, so the rule reads the live state
 * (also when it was changed through another process) without a store round trip per update.
 */
export function boardLock(rooms: Rooms): RoomHooks {
  const controls = new Map<string, { room: Room; release: () => void }>();
  return {
    async onLoad(room) {
      if (room.kind !== 'board') return;
      controls.set(room.workshopId, await rooms.acquire(docName(room.workshopId, 'control')));
    },
    acceptUpdate(room, _update, role) {
      if (room.kind !== 'board' || role !== 'participant') return true;
      const control = controls.get(room.workshopId);
      // Without its control doc (it could not be loaded) the board stays as writable as it was.
      return !(control && !control.room.destroyed && readControlField(control.room.doc, 'locked'));
    },
    onUnload(room) {
      if (room.kind !== 'board') return;
      controls.get(room.workshopId)?.release();
      controls.delete(room.workshopId);
    },
  };
}
