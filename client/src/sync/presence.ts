import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import { AWARENESS_FIELDS } from '@samskapa/shared';

/** Cursor and viewport updates leave at most this often; awareness fan-out grows with the square of the room. */
export const PRESENCE_THROTTLE_MS = 120;

export interface PresenceBindingOptions {
  store: TLStore;
  awareness: Awareness;
  /** The local user; `null` publishes no presence. */
  user: Signal<TLUser | null>;
  throttleMs?: number;
}

function presenceIdOf(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId));
}

function isViewer(state: Record<string, unknown> | undefined): boolean {
  const user = state?.[AWARENESS_FIELDS.user];
  return typeof user === 'object' && user !== null && (user as { role?: unknown }).role === 'viewer';
}

/**
 * Publishes this client's tldraw presence into awareness (throttled) and mirrors every other client's
 * presence into the store as `instance_presence` records, which tldraw renders as cursors and
 * selections. A malformed presence from a peer is ignored. Returns a function that unbinds.
 */
export function bindPresence({
  store,
  awareness,
  user,
  throttleMs = PRESENCE_THROTTLE_MS,
}: PresenceBindingOptions): () => void {
  const ownId = presenceIdOf(awareness.clientID);
  const $presence = createPresenceStateDerivation(user, { instanceId: ownId })(store);

  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = (): void => {
    timer = undefined;
    lastSent = Date.now();
    awareness.setLocalStateField(AWARENESS_FIELDS.presence, $presence.get());
  };
  const stopReacting = react('publish presence', () => {
    $presence.get();
    if (timer !== undefined) return;
    // Never publish from inside the reaction: awareness listeners may write to a store synchronously.
    timer = setTimeout(publish, Math.max(0, lastSent + throttleMs - Date.now()));
  });

  const mirror = (clientIds: number[]): void => {
    const states = awareness.getStates();
    const puts: TLInstancePresence[] = [];
    const removes: TLInstancePresence['id'][] = [];
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue;
      const state = states.get(clientId) as Record<string, unknown> | undefined;
      // The projector (a viewer) is nobody's collaborator: no pointer, no name among the people here.
      const raw = isViewer(state) ? undefined : state?.[AWARENESS_FIELDS.presence];
      const id = presenceIdOf(clientId);
      if (raw && typeof raw === 'object') {
        // The id is ours to choose: a peer can never overwrite somebody else's presence.
        puts.push({ ...(raw as TLInstancePresence), id, typeName: 'instance_presence' });
      } else if (store.has(id)) {
        removes.push(id);
      }
    }
    if (puts.length === 0 && removes.length === 0) return;
    store.mergeRemoteChanges(() => {
      for (const record of puts) {
        try {
          store.put([record]);
        } catch (error) {
          console.warn(`samskapa: ignored presence from a peer: ${String(error)}`);
        }
      }
      if (removes.length > 0) store.remove(removes);
    });
  };
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    mirror([...added, ...updated, ...removed]);
  awareness.on('change', onChange);
  mirror([...awareness.getStates().keys()]);

  return () => {
    stopReacting();
    if (timer !== undefined) clearTimeout(timer);
    awareness.off('change', onChange);
    awareness.setLocalStateField(AWARENESS_FIELDS.presence, null);
    const ours = store.query.records('instance_presence').get();
    store.mergeRemoteChanges(() => store.remove(ours.map((r) => r.id)));
  };
}
