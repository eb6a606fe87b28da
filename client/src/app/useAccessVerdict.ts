import { useEffect, useSyncExternalStore } from 'react';
import { CloseCode } from '@samskapa/shared';
import { forgetBoardCopy, markBoardCopy } from '../participate/boardCopy';
import { forgetPendingNotes } from '../participate/pendingNotes';
import { clearOfflineCopy, type DocConnection } from '../sync/docConnection';
import { forgetAccess, forgetDeletedWorkshop, rememberAccess, type Access } from '../session/identity';

const noSubscription = () => () => {};

/**
 * Keeps this browser's capabilities in step with the server's verdict on them: an accepted one is
 * remembered for reopening later, a refused one (4401) is forgotten so the right link or the join code
 * work again, and a deleted workshop (4404) leaves neither capability nor offline copy behind.
 * Returns whether the workshop is gone.
 */
export function useAccessVerdict(
  workshopId: string,
  access: Access,
  connection: DocConnection | null,
): boolean {
  const state = useSyncExternalStore(
    connection?.subscribe ?? noSubscription,
    () => connection?.getState() ?? null,
  );
  const deleted = state?.kind === 'rejected' && state.code === CloseCode.notFound;

  useEffect(() => {
    if (!connection || !state) return;
    if (state.kind === 'connected') {
      rememberAccess(workshopId, access, { verified: true });
      if (connection.kind === 'board') markBoardCopy(workshopId);
    } else if (state.kind === 'rejected' && state.code === CloseCode.unauthorized) {
      forgetAccess(workshopId, access.token);
    } else if (state.kind === 'rejected' && state.code === CloseCode.notFound) {
      forgetDeletedWorkshop(workshopId);
      forgetPendingNotes(workshopId);
      forgetBoardCopy(workshopId);
      void connection.clearCache();
      // The agenda, the timer and the votes: the control document's copy goes too.
      void clearOfflineCopy(workshopId, 'control');
    }
  }, [workshopId, access, connection, state]);

  return deleted;
}
