import {
  atom,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  defaultShapeUtils,
  TLPOINTER_ID,
  UserRecordType,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import { AWARENESS_FIELDS } from '@samskapa/shared';
import { bindPresence } from './presence';

type Changes = { added: number[]; updated: number[]; removed: number[] };

/** Two awareness instances that hear each other, like two clients of one room. */
function linkedAwareness(): [Awareness, Awareness] {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  const relay = (from: Awareness, to: Awareness) => (changes: Changes, origin: unknown) => {
    if (origin === 'peer') return;
    const ids = [...changes.added, ...changes.updated, ...changes.removed];
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, ids), 'peer');
  };
  a.on('update', relay(a, b));
  b.on('update', relay(b, a));
  return [a, b];
}

function usableStore(): TLStore {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
  // Merging (nothing) runs the store's integrity check, which creates the instance, camera and pointer
  // records an editor would create on mount.
  store.mergeRemoteChanges(() => {});
  return store;
}

function user(id: string, name: string, color: string) {
  return atom<TLUser | null>('user', UserRecordType.create({ id: createUserId(id), name, color }));
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function peers(store: TLStore): TLInstancePresence[] {
  return store.query.records('instance_presence').get();
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('presence over awareness', () => {
  it("each client sees the other's name, colour and cursor, and the cursor follows", async () => {
    const [awA, awB] = linkedAwareness();
    const storeA = usableStore();
    const storeB = usableStore();
    cleanups.push(bindPresence({ store: storeA, awareness: awA, user: user('anna', 'Anna', '#e03131') }));
    cleanups.push(bindPresence({ store: storeB, awareness: awB, user: user('bo', 'Bo', '#1971c2') }));

    await until(() => peers(storeB).length === 1 && peers(storeA).length === 1, 'both see one peer');
    expect(peers(storeB)[0]).toMatchObject({ userName: 'Anna', color: '#e03131' });
    expect(peers(storeA)[0]).toMatchObject({ userName: 'Bo', color: '#1971c2' });

    storeA.update(TLPOINTER_ID, (p) => ({ ...p, x: 321, y: 654 }));
    await until(() => peers(storeB)[0]?.cursor?.x === 321, "Anna's cursor moves on Bo's screen");
    expect(peers(storeB)[0]?.cursor?.y).toBe(654);
  });

  it("a viewer (the projector) shows no cursor and no name on the others' boards", async () => {
    const [awA, awB] = linkedAwareness();
    const storeA = usableStore();
    const storeB = usableStore();
    cleanups.push(bindPresence({ store: storeA, awareness: awA, user: user('anna', 'Anna', '#e03131') }));
    awB.setLocalStateField(AWARENESS_FIELDS.user, {
      id: 'p',
      name: 'Visning',
      color: '#000',
      role: 'viewer',
    });
    cleanups.push(bindPresence({ store: storeB, awareness: awB, user: user('p', 'Visning', '#000') }));

    await until(() => peers(storeB).length === 1, 'the projector sees Anna');
    await new Promise((r) => setTimeout(r, 300));
    expect(peers(storeA)).toEqual([]);
    // The same client as a participant is shown: it is the role that hides it.
    awB.setLocalStateField(AWARENESS_FIELDS.user, {
      id: 'p',
      name: 'Visning',
      color: '#000',
      role: 'participant',
    });
    await until(() => peers(storeA).length === 1, 'Anna sees the client once it is a participant');
  });

  it('a client that leaves disappears from the others', async () => {
    const [awA, awB] = linkedAwareness();
    const storeB = usableStore();
    const unbindA = bindPresence({
      store: usableStore(),
      awareness: awA,
      user: user('anna', 'Anna', '#e03131'),
    });
    cleanups.push(bindPresence({ store: storeB, awareness: awB, user: user('bo', 'Bo', '#1971c2') }));
    await until(() => peers(storeB).length === 1, 'Bo sees Anna');
    unbindA();
    awA.setLocalState(null);
    await until(() => peers(storeB).length === 0, 'Anna is gone for Bo');
  });

  it('a malformed presence from a peer is ignored and the board goes on', async () => {
    const [awA, awB] = linkedAwareness();
    const storeB = usableStore();
    cleanups.push(bindPresence({ store: storeB, awareness: awB, user: user('bo', 'Bo', '#1971c2') }));
    awA.setLocalStateField(AWARENESS_FIELDS.presence, { userName: 42, cursor: 'everywhere' });
    await new Promise((r) => setTimeout(r, 100));
    expect(peers(storeB)).toEqual([]);
    expect(storeB.get(TLPOINTER_ID)).toBeDefined();
  });
});
