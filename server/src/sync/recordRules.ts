import {
  BOARD_ROOT_NAMES,
  boardRecords,
  judgeRecordChange,
  legacyRecordsArray,
  type RefusalReason,
} from '@samskapa/shared';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { HookedRoom, RoomHooks } from './hooks';
import type { Peer } from './room';

/**
 * A change the server refuses from this writer: the update is dropped whole (stored nowhere, sent to
 * nobody) and the writer's connection is closed with `CloseCode.refused`, so its client starts again
 * from the server's state instead of building on a change the server never had.
 */
export class RefusedChangeError extends Error {
  constructor(readonly reason: RefusalReason | 'layout' | 'notARecord' | 'unreadable') {
    super(`change refused: ${reason}`);
  }
}

// Yjs's own types are parameterised by their event type; roots of any kind are compared here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

interface Shadow {
  doc: Y.Doc;
  /** An update accepted here but not (yet) seen stored: if it never is, the shadow is rebuilt. */
  pending: Uint8Array | null;
  stopMirror: () => void;
}

/**
 * The record rules (issue 14): who may change which board records, and that every record on a board is
 * a valid tldraw record. Each update is first applied to a shadow copy of the board, which tells exactly
 * which records it changes and what they become (Yjs resolves the merge, not a second implementation of
 * it); the records before and after are judged by `judgeRecordChange`. A refused update leaves the
 * shadow behind the live doc, so the shadow is rebuilt from it (rare: only a modified client is refused).
 * The control doc has a shadow too: there it only proves that an update can be applied before it is stored.
 */
export function recordRules(log: Logger): RoomHooks {
  const shadows = new WeakMap<HookedRoom, Shadow>();

  const rebuild = (room: HookedRoom, shadow: Shadow): void => {
    shadow.doc.destroy();
    shadow.doc = copyOf(room.doc);
    shadow.pending = null;
  };

  return {
    onLoad(room) {
      const shadow: Shadow = { doc: copyOf(room.doc), pending: null, stopMirror: () => undefined };
      // Everything the live doc takes the shadow takes: other processes' updates and the store's (the
      // room applies those with its own origin). A peer's update (the room applies it with the peer as
      // origin) was applied to the shadow when it was judged; applying it again would cost as much.
      const mirror = (update: Uint8Array, origin: unknown) => {
        if (!isPeer(origin)) Y.applyUpdate(shadow.doc, update);
      };
      room.doc.on('update', mirror);
      shadow.stopMirror = () => room.doc.off('update', mirror);
      shadows.set(room, shadow);
    },
    acceptUpdate(room, update, role) {
      const shadow = shadows.get(room);
      if (!shadow || (role !== 'facilitator' && role !== 'participant')) return true;
      if (shadow.pending) rebuild(room, shadow);
      let reason: ReturnType<typeof judge>;
      try {
        reason = judge(room, shadow.doc, update, role);
      } catch (err) {
        // Whatever could not be judged is not let through.
        log.error({ room: room.name, err }, 'could not judge a board change');
        reason = 'unreadable';
      }
      if (reason) {
        rebuild(room, shadow);
        log.warn({ room: room.name, role, reason }, 'refused a board change');
        throw new RefusedChangeError(reason);
      }
      shadow.pending = update;
      return true;
    },
    onStored(room, update) {
      const shadow = shadows.get(room);
      if (shadow && shadow.pending === update) shadow.pending = null;
    },
    onUnload(room) {
      const shadow = shadows.get(room);
      if (!shadow) return;
      shadow.stopMirror();
      shadow.doc.destroy();
      shadows.delete(room);
    },
  };
}

/** A room's peer (what `Room.accept` applies an update with as its origin). */
function isPeer(origin: unknown): origin is Peer {
  return (
    typeof origin === 'object' &&
    origin !== null &&
    typeof (origin as Peer).send === 'function' &&
    'role' in origin
  );
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Apply `update` to the shadow and judge what it changed; the reason it is refused, if it is. */
function judge(
  room: HookedRoom,
  shadow: Y.Doc,
  update: Uint8Array,
  role: 'facilitator' | 'participant',
): RefusalReason | 'layout' | 'notARecord' | 'unreadable' | undefined {
  // The control doc has no record rules (who may write it at all is the role rule's), but an update that
  // decodes and still cannot be applied must not be stored there either.
  if (room.kind !== 'board') {
    try {
      Y.applyUpdate(shadow, update);
      return undefined;
    } catch {
      return 'unreadable';
    }
  }
  const after = boardRecords(shadow);
  const before = boardRecords(room.doc);
  let touched = new Set<string>();
  const roots = new Set<AnyType>();
  const stop = after.observe(({ changed, removed }) => {
    touched = new Set([...touched, ...changed, ...removed]);
  });
  const onTransaction = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) roots.add(rootOf(type));
  };
  shadow.on('afterTransaction', onTransaction);
  try {
    Y.applyUpdate(shadow, update);
  } catch {
    // It decoded, but Yjs cannot apply it (a corrupted update): nothing of it may reach the board.
    return 'unreadable';
  } finally {
    stop();
    shadow.off('afterTransaction', onTransaction);
  }
  for (const root of roots) {
    const name = Y.findRootTypeKey(root);
    if (!BOARD_ROOT_NAMES.has(name)) return 'layout';
  }
  // Layout 1's array stays empty: an old client's records would never be read by anyone.
  if (legacyRecordsArray(shadow).length > 0) return 'layout';
  for (const id of touched) {
    const next = after.map.get(id);
    if (next !== undefined && !(next instanceof Y.Map)) return 'notARecord';
    const was = before.map.has(id) ? (before.get(id) ?? null) : undefined;
    const now = next === undefined ? undefined : (after.get(id) ?? null);
    // Junk a modified client wrote before the rules existed may be deleted or replaced (judged as a new
    // record); nothing may become junk.
    if (now === null) return 'notARecord';
    const verdict = judgeRecordChange(role, was ?? undefined, now);
    if (!verdict.ok) return verdict.reason;
  }
  return undefined;
}

function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item !== null) current = current._item.parent as AnyType;
  return current;
}
