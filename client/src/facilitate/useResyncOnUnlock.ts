import type { ControlState, Role } from '@samskapa/shared';
import { useEffect, useRef } from 'react';
import type { DocConnection } from '../sync/docConnection';

/**
 * When the board is unlocked, a participant's board connection syncs again from scratch: anything the
 * server dropped while it was locked (a note finished as the lock came) is sent again rather than
 * lost, and later changes no longer depend on a change the server never had.
 */
export function useResyncOnUnlock(
  connection: DocConnection | null,
  control: ControlState | null,
  role: Role,
): void {
  const wasLocked = useRef(false);
  const locked = control?.locked ?? false;
  useEffect(() => {
    const before = wasLocked.current;
    wasLocked.current = locked;
    if (!connection || role !== 'participant' || !before || locked) return;
    connection.provider.disconnect();
    connection.provider.connect();
  }, [connection, locked, role]);
}
