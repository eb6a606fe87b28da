import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  toRichText,
  type TLNoteShape,
  type TLStore,
} from 'tldraw';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  boardRecords,
  buildDocumentRecord,
  buildNote,
  buildPageRecord,
  plainFromRichText,
  readBoardSchema,
  writeBoardSchema,
} from '@samskapa/shared';
import { bindRecords, type SkippedRecord } from './recordBinding';

const PEER = 'peer';

/** Two docs that exchange every update, like two clients of one room. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== PEER && Y.applyUpdate(b, u, PEER));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== PEER && Y.applyUpdate(a, u, PEER));
  return [a, b];
}

function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

/** Waits for a condition; store listeners flush once per animation frame, so changes are not immediate. */
async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function boundPair(): {
  storeA: TLStore;
  storeB: TLStore;
  docA: Y.Doc;
  docB: Y.Doc;
  skipped: SkippedRecord[];
} {
  const [docA, docB] = linkedDocs();
  const storeA = newStore();
  const storeB = newStore();
  const skipped: SkippedRecord[] = [];
  cleanups.push(bindRecords({ store: storeA, doc: docA, onSkippedRecord: (s) => skipped.push(s) }));
  cleanups.push(bindRecords({ store: storeB, doc: docB, onSkippedRecord: (s) => skipped.push(s) }));
  storeA.put([buildDocumentRecord(), buildPageRecord('Tavla')]);
  return { storeA, storeB, docA, docB, skipped };
}

function noteText(store: TLStore, id: TLNoteShape['id']): string | undefined {
  const note = store.get(id) as TLNoteShape | undefined;
  return note ? plainFromRichText(note.props.richText) : undefined;
}

describe('tldraw ⇄ Yjs record binding', () => {
  it.each([
    ['A', 'B'],
    ['B', 'A'],
  ] as const)(
    'a note added, edited and removed in store %s appears, changes and disappears in store %s',
    async (from, to) => {
      const pair = boundPair();
      const source = from === 'A' ? pair.storeA : pair.storeB;
      const target = to === 'A' ? pair.storeA : pair.storeB;
      const id = createShapeId();
      source.put([buildNote({ id, x: 0, y: 0, text: 'Första idén', index: 'a1' as never })]);
      await until(() => noteText(target, id) === 'Första idén', 'the note arrives');

      const note = source.get(id) as TLNoteShape;
      source.put([{ ...note, x: 120, props: { ...note.props, richText: toRichText('Ändrad idé') } }]);
      await until(() => noteText(target, id) === 'Ändrad idé', 'the edit arrives');
      expect(target.get(id)?.x).toBe(120);

      source.remove([id]);
      await until(() => !target.has(id), 'the removal arrives');
      expect(pair.skipped).toEqual([]);
    },
  );

  it('records reach the doc, never presence or session records, and the schema is recorded', async () => {
    const { storeA, docA } = boundPair();
    const id = createShapeId();
    storeA.put([buildNote({ id, x: 0, y: 0, text: 'x', index: 'a1' as never })]);
    await until(() => boardRecords(docA).has(id), 'the note is in the doc');
    const typeNames = boardRecords(docA)
      .all()
      .map((r) => r.typeName);
    expect(new Set(typeNames)).toEqual(new Set(['document', 'page', 'shape']));
    expect(readBoardSchema(docA)).toEqual(storeA.schema.serialize());
  });

  it('an invalid record from a peer is skipped and logged; valid records in the same change still apply', async () => {
    const { storeB, docA, skipped } = boundPair();
    const good = buildNote({ x: 0, y: 0, text: 'ok', index: 'a2' as never });
    const bad = { ...buildNote({ x: 0, y: 0, text: 'bad', index: 'a3' as never }), x: 'not a number' };
    const alien = { id: 'instance:instance', typeName: 'instance' };
    docA.transact(() => {
      boardRecords(docA).set(bad.id, bad as never);
      boardRecords(docA).set(good.id, good as never);
      boardRecords(docA).set(alien.id, alien);
    }, PEER + '-raw');
    await until(() => storeB.has(good.id), 'the valid note arrives');
    expect(storeB.has(bad.id)).toBe(false);
    expect([...new Set(skipped.map((s) => s.id))].sort()).toEqual([bad.id, alien.id].sort());
  });

  it('an invalid update from a peer leaves the previous version of the record in place', async () => {
    const { storeA, storeB, docB } = boundPair();
    const id = createShapeId();
    storeA.put([buildNote({ id, x: 5, y: 5, text: 'behåll mig', index: 'a1' as never })]);
    await until(() => noteText(storeB, id) === 'behåll mig', 'the note arrives');
    const current = boardRecords(docB).get(id)!;
    boardRecords(docB).set(id, { ...current, props: { richText: 42 } });
    await new Promise((r) => setTimeout(r, 100));
    expect(noteText(storeA, id)).toBe('behåll mig');
  });

  it('a store bound to a doc that already has content shows that content', () => {
    const doc = new Y.Doc();
    const note = buildNote({ x: 1, y: 2, text: 'finns redan', index: 'a1' as never });
    for (const r of [buildDocumentRecord(), buildPageRecord('Tavla'), note]) {
      boardRecords(doc).set(r.id, r as never);
    }
    const store = newStore();
    cleanups.push(bindRecords({ store, doc }));
    expect(noteText(store, note.id)).toBe('finns redan');
  });

  it('a note stored with invisible text (fontSizeAdjustment 0, as boards built before 2026-12) is drawn at full size', () => {
    const doc = new Y.Doc();
    const note = buildNote({ x: 1, y: 2, text: 'Underlag', index: 'a1' as never });
    const broken = { ...note, props: { ...note.props, fontSizeAdjustment: 0 } };
    for (const r of [buildDocumentRecord(), buildPageRecord('Tavla'), broken]) {
      boardRecords(doc).set(r.id, r as never);
    }
    const store = newStore();
    cleanups.push(bindRecords({ store, doc, readOnly: true }));
    expect((store.get(note.id) as TLNoteShape).props.fontSizeAdjustment).toBe(1);
    expect(noteText(store, note.id)).toBe('Underlag');
  });

  it('a client that seeds an empty doc names the page in the UI language, not tldraw’s "Page 1"', () => {
    const doc = new Y.Doc();
    const store = newStore();
    store.put([buildDocumentRecord(), buildPageRecord('Page 1')]);
    cleanups.push(bindRecords({ store, doc, pageName: 'Tavla' }));
    const pages = boardRecords(doc)
      .all()
      .filter((r) => r.typeName === 'page');
    expect(pages.map((p) => p.name)).toEqual(['Tavla']);
    expect(store.allRecords().find((r) => r.typeName === 'page')).toMatchObject({ name: 'Tavla' });
  });

  it('a doc that already has a page keeps its name whatever language the joining client speaks', () => {
    const doc = new Y.Doc();
    for (const r of [buildDocumentRecord(), buildPageRecord('Tavla')])
      boardRecords(doc).set(r.id, r as never);
    const store = newStore();
    cleanups.push(bindRecords({ store, doc, pageName: 'Board' }));
    expect(store.allRecords().find((r) => r.typeName === 'page')).toMatchObject({ name: 'Tavla' });
  });

  it('a read-only client never writes into the doc', async () => {
    const doc = new Y.Doc();
    const store = newStore();
    cleanups.push(bindRecords({ store, doc, readOnly: true }));
    store.put([buildDocumentRecord(), buildPageRecord('Tavla')]);
    await new Promise((r) => setTimeout(r, 100));
    expect(boardRecords(doc).map.size).toBe(0);
  });
});

describe('boards written by another tldraw version', () => {
  const NOTE_SEQUENCE = 'com.tldraw.shape.note';

  /** Our schema with some sequences changed or added, as a doc written by another tldraw would record it. */
  function schemaWith(store: TLStore, changes: Record<string, number>) {
    const schema = store.schema.serialize() as { sequences: Record<string, number> };
    return { ...schema, sequences: { ...schema.sequences, ...changes } };
  }

  /** A doc with a page and one note as tldraw wrote it before note version 12 (an older deployment). */
  function olderDoc(store: TLStore): { doc: Y.Doc; noteId: TLNoteShape['id'] } {
    const doc = new Y.Doc();
    const current = buildNote({ x: 1, y: 2, text: 'från förra versionen', index: 'a1' as never });
    const { textLastEditedBy: _dropped, ...props } = current.props;
    const old = { ...current, props: { ...props, fontSizeAdjustment: 0, textFirstEditedBy: null } };
    doc.transact(() => {
      for (const r of [buildDocumentRecord(), buildPageRecord('Tavla'), old])
        boardRecords(doc).set(r.id, r as never);
      writeBoardSchema(doc, schemaWith(store, { [NOTE_SEQUENCE]: 11 }));
    });
    return { doc, noteId: current.id };
  }

  it('a board from an older version opens with every note, migrated', () => {
    const store = newStore();
    const { doc, noteId } = olderDoc(store);
    const skipped: SkippedRecord[] = [];
    cleanups.push(bindRecords({ store, doc, readOnly: true, onSkippedRecord: (s) => skipped.push(s) }));
    expect(skipped).toEqual([]);
    expect(noteText(store, noteId)).toBe('från förra versionen');
    expect((store.get(noteId) as TLNoteShape).props).toMatchObject({
      fontSizeAdjustment: 1,
      textLastEditedBy: null,
    });
  });

  it('a participant bringing an older board up to date leaves the records it may not change as they were', async () => {
    const store = newStore();
    const { doc, noteId } = olderDoc(store);
    const before = boardRecords(doc).get(noteId);
    const mine = buildNote({ x: 300, y: 2, text: 'min lapp', index: 'a2' as never });
    cleanups.push(bindRecords({ store, doc, mayRewrite: (_before, after) => after.id !== noteId }));
    store.put([mine]);
    await until(() => boardRecords(doc).has(mine.id), 'the participant’s note is written');
    expect(readBoardSchema(doc)).toEqual(store.schema.serialize());
    // Not rewritten: readers still migrate it from the schema it was written with.
    expect(boardRecords(doc).get(noteId)).toEqual(before);
    const reader = newStore();
    cleanups.push(bindRecords({ store: reader, doc, readOnly: true }));
    expect(noteText(reader, noteId)).toBe('från förra versionen');
  });

  it('the first edit rewrites every record of an older board with the schema, so later readers need no migration', async () => {
    const store = newStore();
    const { doc, noteId } = olderDoc(store);
    cleanups.push(bindRecords({ store, doc }));
    store.put([{ ...(store.get(noteId) as TLNoteShape), x: 50 }]);
    await until(
      () => readBoardSchema(doc) !== undefined && boardRecords(doc).get(noteId)?.x === 50,
      'the edit is written',
    );
    expect(readBoardSchema(doc)).toEqual(store.schema.serialize());
    const stored = boardRecords(doc).get(noteId) as unknown as TLNoteShape & {
      props: Record<string, unknown>;
    };
    expect(stored.props).not.toHaveProperty('textFirstEditedBy');
    expect(stored.props.fontSizeAdjustment).toBe(1);

    // A client of this version opening the board now reads it as it is.
    const reader = newStore();
    const skipped: SkippedRecord[] = [];
    cleanups.push(
      bindRecords({ store: reader, doc, readOnly: true, onSkippedRecord: (s) => skipped.push(s) }),
    );
    expect(skipped).toEqual([]);
    expect(noteText(reader, noteId)).toBe('från förra versionen');
  });

  it.each([
    ['a version this client has no migration for', { [NOTE_SEQUENCE]: 99 }],
    ['only a new kind of record', { 'com.example.shape.timer': 1 }],
  ])(
    'a board already written by a newer version (%s) is reported and never written to',
    async (_, changes) => {
      const store = newStore();
      const doc = new Y.Doc();
      const newer = schemaWith(store, changes);
      doc.transact(() => {
        for (const r of [buildDocumentRecord(), buildPageRecord('Tavla')])
          boardRecords(doc).set(r.id, r as never);
        writeBoardSchema(doc, newer);
      });
      let told = 0;
      cleanups.push(bindRecords({ store, doc, onNewerSchema: () => told++ }));
      expect(told).toBe(1);
      const note = buildNote({ x: 0, y: 0, text: 'skrivs inte', index: 'a1' as never });
      store.put([note]);
      await new Promise((r) => setTimeout(r, 100));
      expect(boardRecords(doc).has(note.id)).toBe(false);
      expect(readBoardSchema(doc)).toEqual(newer);
    },
  );

  it('an open board that another client upgrades to a newer version stops writing and says so', async () => {
    const { storeA, docA, docB } = boundPair();
    let told = 0;
    const storeC = newStore();
    cleanups.push(bindRecords({ store: storeC, doc: docB, onNewerSchema: () => told++ }));
    await until(() => storeC.allRecords().some((r) => r.typeName === 'page'), 'the page arrives');
    expect(told).toBe(0);

    writeBoardSchema(docA, schemaWith(storeA, { [NOTE_SEQUENCE]: 99 }));
    await until(() => told === 1, 'the client is told');
    const note = buildNote({ x: 0, y: 0, text: 'för sent', index: 'a1' as never });
    storeC.put([note]);
    await new Promise((r) => setTimeout(r, 100));
    expect(boardRecords(docA).has(note.id)).toBe(false);
  });

  it('a board whose migrations work on the whole store (not record by record) still opens with every note', () => {
    const store = newStore();
    const doc = new Y.Doc();
    const note = buildNote({ x: 1, y: 2, text: 'hela lagret migreras', index: 'a1' as never });
    doc.transact(() => {
      for (const r of [buildDocumentRecord(), buildPageRecord('Tavla'), note])
        boardRecords(doc).set(r.id, r as never);
      // com.tldraw.store 4 is a storage migration: tldraw cannot migrate these records one at a time.
      writeBoardSchema(doc, schemaWith(store, { 'com.tldraw.store': 3 }));
    });
    const skipped: SkippedRecord[] = [];
    cleanups.push(bindRecords({ store, doc, readOnly: true, onSkippedRecord: (s) => skipped.push(s) }));
    expect(skipped).toEqual([]);
    expect(noteText(store, note.id)).toBe('hela lagret migreras');
  });

  it('a note an older tab sends after the board was upgraded is migrated, shown and repaired in the doc', async () => {
    const store = newStore();
    const { doc, noteId } = olderDoc(store);
    cleanups.push(bindRecords({ store, doc }));
    store.put([{ ...(store.get(noteId) as TLNoteShape), x: 50 }]);
    await until(
      () => JSON.stringify(readBoardSchema(doc)) === JSON.stringify(store.schema.serialize()),
      'upgraded',
    );

    // The old tab was offline across the upgrade; its note arrives in the old format.
    const late = buildNote({ x: 9, y: 9, text: 'skriven offline i gamla fliken', index: 'a2' as never });
    const { textLastEditedBy: _dropped, ...props } = late.props;
    boardRecords(doc).set(late.id, {
      ...late,
      props: { ...props, fontSizeAdjustment: 0, textFirstEditedBy: null },
    } as never);

    await until(
      () => noteText(store, late.id) === 'skriven offline i gamla fliken',
      'the late note is shown',
    );
    await until(
      () => !('textFirstEditedBy' in (boardRecords(doc).get(late.id)?.props as object)),
      'the doc holds the note in the current format',
    );
    const reader = newStore();
    const skipped: SkippedRecord[] = [];
    cleanups.push(
      bindRecords({ store: reader, doc, readOnly: true, onSkippedRecord: (s) => skipped.push(s) }),
    );
    expect(skipped).toEqual([]);
    expect(noteText(reader, late.id)).toBe('skriven offline i gamla fliken');
  });
});
