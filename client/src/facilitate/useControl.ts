import { migrateControlDoc, observeControl, readControl, type ControlState } from '@samskapa/shared';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Access } from '../session/identity';
import { DocConnection } from '../sync/docConnection';
import { measureServerClock } from '../sync/serverClock';

/**
 * The workshop's control doc (agenda, timer, votes, groups, lock), once it can be shown; connected
 * for the page's life. A facilitator brings a doc from an older version up to date when it arrives.
 */
export function useControlConnection(workshopId: string, access: Access): DocConnection | null {
  const [connection, setConnection] = useState<DocConnection | null>(null);
  useEffect(() => {
    const next = new DocConnection(workshopId, 'control', access.role, access.token);
    let cancelled = false;
    const onSync = (synced: boolean) => {
      if (!synced) return;
      if (access.role === 'facilitator') migrateControlDoc(next.doc);
      // A reconnect may follow a sleep or a network change: the clock offset is measured again.
      void measureServerClock();
    };
    next.provider.on('sync', onSync);
    void next.whenReady().then(() => !cancelled && setConnection(next));
    return () => {
      cancelled = true;
      next.provider.off('sync', onSync);
      setConnection(null);
      next.destroy();
    };
  }, [workshopId, access.role, access.token]);
  return connection;
}

// One snapshot per doc until it changes: what useSyncExternalStore needs to compare renders.
const snapshots = new WeakMap<Y.Doc, ControlState>();

function snapshotOf(doc: Y.Doc): ControlState {
  let snapshot = snapshots.get(doc);
  if (!snapshot) {
    snapshot = readControl(doc);
    snapshots.set(doc, snapshot);
  }
  return snapshot;
}

/** The control doc's state, re-read on every change; null without a connection. */
export function useControlState(connection: DocConnection | null): ControlState | null {
  const doc = connection?.doc ?? null;
  const subscribe = useCallback(
    (onChange: () => void) =>
      doc
        ? observeControl(doc, () => {
            snapshots.delete(doc);
            onChange();
          })
        : () => {},
    [doc],
  );
  return useSyncExternalStore(subscribe, () => (doc ? snapshotOf(doc) : null));
}
