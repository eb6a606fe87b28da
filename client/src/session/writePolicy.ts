import { BOARD_PAGE_ID, storedRecord, type ControlState } from '@samskapa/shared';
import type { DocConnection } from '../sync/docConnection';
import type { Access } from './identity';

/** Why a person may not change the board now; each has its own explanation on screen. */
export type ReadOnlyReason = 'viewer' | 'silent' | 'locked' | 'other';

/** Whether this person may change the board now, and if not, why: decided here and nowhere else. */
export type WritePolicy =
  { mayWrite: true; readOnlyReason: null } | { mayWrite: false; readOnlyReason: ReadOnlyReason };

const allowed: WritePolicy = { mayWrite: true, readOnlyReason: null };
const refused = (readOnlyReason: ReadOnlyReason): WritePolicy => ({ mayWrite: false, readOnlyReason });

/**
 * Not a viewer, not a participant while the board is locked or during silent brainstorming (drafts are
 * written privately then), not refused by the server (a change could never be sent), not a board written
 * by a newer version, and not before the board has arrived from the server or the browser's copy (a note
 * placed then would not know where the areas are).
 */
export function writePolicy(
  access: Access,
  connection: DocConnection,
  outdated: boolean,
  control: ControlState | null,
): WritePolicy {
  if (access.role === 'viewer') return refused('viewer');
  if (access.role === 'participant' && control?.brainstorm.phase === 'silent') return refused('silent');
  if (access.role === 'participant' && control?.locked) return refused('locked');
  if (
    connection.readOnly ||
    outdated ||
    connection.getState().kind === 'rejected' ||
    storedRecord(connection.doc, BOARD_PAGE_ID) === undefined
  )
    return refused('other');
  return allowed;
}
