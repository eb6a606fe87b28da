import {
  addNote,
  boardRecords,
  BOARD_PAGE_ID,
  buildNote,
  carryLegacyEdits,
  CloseCode,
  docName,
  legacyRecordsArray,
  moveNote,
  readBoardDoc,
  readBoardSchema,
  renameArea,
  setNoteText,
  type CreateWorkshopResponse,
  type StoredRecord,
} from '@samskapa/shared';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, createWorkshop, synced, waitFor, type Client } from './helpers/clients';
import { startServer, tempDataDir, type RunningServer } from './helpers/server';
import { queryStoreFile } from './helpers/sqlite';
import {
  closeVoting,
  connectFacilitator,
  disconnectParticipants,
  newVoter,
  openVoting,
  putBallot,
} from './helpers/voting';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/layout1');

type Shape = StoredRecord & {
  x: number;
  y: number;
  parentId: string;
  props: Record<string, unknown>;
  meta: Record<string, unknown>;
};
const shape = (doc: Y.Doc, id: string) => boardRecords(doc).get(id) as Shape | undefined;
const put = (doc: Y.Doc, record: Shape) => boardRecords(doc).set(record.id, record);

/** A fresh official client's view of the server's board, once synced. */
async function serverBoard(server: RunningServer, w: CreateWorkshopResponse): Promise<Y.Doc> {
  const fresh = connect(server, w.id, 'board', w.viewerToken);
  await synced(fresh);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(fresh.doc));
  fresh.destroy();
  return doc;
}

/** Whether any stored update of the board holds `text` (stored nowhere means: not in the store file). */
function storedAnywhere(server: RunningServer, workshopId: string, text: string): boolean {
  const { hits } = queryStoreFile<{ hits: number }>(
    server.dataDir,
    'SELECT count(*) AS hits FROM doc_updates WHERE doc = ? AND instr(data, ?) > 0',
    docName(workshopId, 'board'),
    Buffer.from(text, 'utf8'),
  );
  return hits > 0;
}

describe('board layout 2: records merge per property', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('three clients change different properties of one note and one area offline; every change survives', async () => {
    const w = await createWorkshop(server, 'Sammanslagning', 'referensgrupp');
    const facilitator = connect(server, w.id, 'board', w.facilitatorToken);
    const phone = connect(server, w.id, 'board', w.participantToken);
    const laptop = connect(server, w.id, 'board', w.participantToken);
    await Promise.all([facilitator, phone, laptop].map(synced));
    const [first, second] = readBoardDoc(facilitator.doc).areas;
    const noteId = addNote(phone.doc, {
      text: 'Första texten',
      areaId: null,
      authorId: 'p',
      author: 'P',
      now: Date.now(),
      pageName: 'Tavla',
    });
    const otherId = addNote(phone.doc, {
      text: 'Andra lappen',
      areaId: null,
      authorId: 'p',
      author: 'P',
      now: Date.now(),
      pageName: 'Tavla',
    });
    await waitFor(
      () => !!shape(facilitator.doc, otherId) && !!shape(laptop.doc, otherId),
      'everyone has the notes',
    );

    for (const c of [facilitator, phone, laptop]) c.provider.disconnect();
    // The phone edits the text of both notes; the laptop recolours the first and moves the second; the
    // facilitator moves the first into an area, renames that area, and the laptop grows it.
    setNoteText(phone.doc, noteId, 'Ändrad offline');
    setNoteText(phone.doc, otherId, 'Också ändrad');
    const note = shape(laptop.doc, noteId)!;
    put(laptop.doc, { ...note, props: { ...note.props, color: 'blue' } });
    const other = shape(laptop.doc, otherId)!;
    put(laptop.doc, { ...other, x: other.x + 1234, y: other.y + 56 });
    const area = shape(laptop.doc, first!.id)!;
    put(laptop.doc, { ...area, props: { ...area.props, h: (area.props.h as number) + 300 } });
    moveNote(facilitator.doc, noteId, second!.id);
    renameArea(facilitator.doc, first!.id, { code: first!.code, title: 'Nytt namn' });
    for (const c of [facilitator, phone, laptop]) c.provider.connect();
    await Promise.all([facilitator, phone, laptop].map(synced));

    const expectAll = (doc: Y.Doc) => {
      const n = shape(doc, noteId)!;
      const o = shape(doc, otherId)!;
      const a = shape(doc, first!.id)!;
      return (
        readBoardDoc(doc).notes.find((x) => x.id === noteId)?.text === 'Ändrad offline' &&
        n.props.color === 'blue' &&
        n.parentId === second!.id &&
        readBoardDoc(doc).notes.find((x) => x.id === otherId)?.text === 'Också ändrad' &&
        o.x === other.x + 1234 &&
        readBoardDoc(doc).areas.find((x) => x.id === first!.id)?.title === 'Nytt namn' &&
        a.props.h === (area.props.h as number) + 300
      );
    };
    let fresh = await serverBoard(server, w);
    for (let i = 0; i < 100 && !expectAll(fresh); i++) {
      await new Promise((r) => setTimeout(r, 100));
      fresh = await serverBoard(server, w);
    }
    expect(readBoardDoc(fresh).notes.find((x) => x.id === noteId)).toMatchObject({
      text: 'Ändrad offline',
      areaId: second!.id,
    });
    expect(shape(fresh, noteId)!.props.color).toBe('blue');
    expect(readBoardDoc(fresh).notes.find((x) => x.id === otherId)?.text).toBe('Också ändrad');
    expect(shape(fresh, otherId)!.x).toBe(other.x + 1234);
    expect(readBoardDoc(fresh).areas.find((x) => x.id === first!.id)?.title).toBe('Nytt namn');
    expect(shape(fresh, first!.id)!.props.h).toBe((area.props.h as number) + 300);
    for (const c of [facilitator, phone, laptop]) c.destroy();
  });
});

describe('record rules: a modified client cannot change what the facilitator owns', () => {
  let server: RunningServer;
  let w: CreateWorkshopResponse;
  let honest: Client;
  let watcher: Client;
  beforeAll(async () => {
    server = await startServer();
    w = await createWorkshop(server, 'Regler', 'referensgrupp');
    honest = connect(server, w.id, 'board', w.participantToken);
    watcher = connect(server, w.id, 'board', w.facilitatorToken);
    await Promise.all([synced(honest), synced(watcher)]);
  });
  afterAll(async () => {
    honest?.destroy();
    watcher?.destroy();
    await server?.stop();
  });

  const areaOf = (doc: Y.Doc) => shape(doc, readBoardDoc(doc).areas[0]!.id)!;
  const referenceOf = (doc: Y.Doc) => shape(doc, readBoardDoc(doc).notes.find((n) => n.reference)!.id)!;
  const HACK = 'HACK-by-a-modified-client';
  const richText = (text: string) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });

  const forbidden: [string, (doc: Y.Doc) => void][] = [
    [
      'renames a focus area',
      (doc) => {
        const a = areaOf(doc);
        put(doc, { ...a, props: { ...a.props, name: HACK } });
      },
    ],
    [
      'moves a focus area sideways',
      (doc) => {
        const a = areaOf(doc);
        put(doc, { ...a, x: a.x + 500, meta: { ...a.meta, hack: HACK } });
      },
    ],
    [
      'deletes a focus area',
      (doc) => {
        boardRecords(doc).delete(areaOf(doc).id);
        doc.getMap('store').set('x', HACK);
      },
    ],
    [
      'rewrites a reference note',
      (doc) => {
        const r = referenceOf(doc);
        put(doc, { ...r, isLocked: false, props: { ...r.props, richText: richText(HACK) } });
      },
    ],
    [
      'unmarks a reference note',
      (doc) => {
        const r = referenceOf(doc);
        put(doc, { ...r, meta: { ...r.meta, reference: false, hack: HACK } });
      },
    ],
    [
      'creates a reference note',
      (doc) => {
        const n = buildNote({ text: HACK, x: 0, y: 0, index: 'a9' as never }) as unknown as Shape;
        put(doc, { ...n, meta: { ...n.meta, reference: true } });
      },
    ],
    [
      'creates a focus area',
      (doc) => {
        const a = areaOf(doc);
        put(doc, { ...a, id: 'shape:hackarea', y: a.y + 9000, props: { ...a.props, name: HACK } });
      },
    ],
    [
      'renames the page',
      (doc) => {
        const p = boardRecords(doc).get(BOARD_PAGE_ID)!;
        boardRecords(doc).set(p.id, { ...p, name: HACK });
      },
    ],
    [
      'writes a record of an unknown type',
      (doc) => {
        boardRecords(doc).set('hack:1', { id: 'hack:1', typeName: 'hack', text: HACK });
      },
    ],
    [
      'writes a record that fails validation',
      (doc) => {
        const n = buildNote({ text: HACK, x: 0, y: 0, index: 'a9' as never }) as unknown as Shape;
        put(doc, { ...n, props: { ...n.props, w: 'x' } });
      },
    ],
    [
      'writes a note longer than 2,000 characters',
      (doc) => {
        put(
          doc,
          buildNote({ text: HACK + 'x'.repeat(2000), x: 0, y: 0, index: 'a9' as never }) as unknown as Shape,
        );
      },
    ],
    [
      'writes the old layout',
      (doc) => {
        legacyRecordsArray(doc).push([
          { key: 'shape:old', val: { id: 'shape:old', typeName: 'shape', text: HACK } },
        ]);
      },
    ],
    [
      'writes a root the board does not have',
      (doc) => {
        doc.getMap('notes').set('n', HACK);
      },
    ],
  ];

  for (const [what, change] of forbidden) {
    it(`a participant who ${what}: dropped, stored nowhere, seen by nobody; the writer is closed with 4409`, async () => {
      const rogue = connect(server, w.id, 'board', w.participantToken);
      await synced(rogue);
      change(rogue.doc);
      await waitFor(() => rogue.closedFor !== null, 'the writer is closed');
      expect(rogue.closedFor?.code).toBe(CloseCode.refused);
      rogue.destroy();
      // The honest participant goes on; what it writes after arrives, the refused change never did.
      const marker = addNote(honest.doc, {
        text: `efter: ${what}`,
        areaId: null,
        authorId: 'h',
        author: 'H',
        now: Date.now(),
        pageName: 'Tavla',
      });
      await waitFor(() => !!shape(watcher.doc, marker), 'the honest note reaches the facilitator');
      expect(JSON.stringify(boardRecords(watcher.doc).all())).not.toContain(HACK);
      expect(JSON.stringify(boardRecords(honest.doc).all())).not.toContain(HACK);
      expect(watcher.doc.share.has('notes')).toBe(false);
      expect(storedAnywhere(server, w.id, HACK)).toBe(false);
      const fresh = await serverBoard(server, w);
      expect(readBoardDoc(fresh).areas.map((a) => a.title)).toEqual(
        readBoardDoc(watcher.doc).areas.map((a) => a.title),
      );
      expect(readBoardDoc(fresh).notes.filter((n) => n.reference)).toHaveLength(
        readBoardDoc(watcher.doc).notes.filter((n) => n.reference).length,
      );
      expect(legacyRecordsArray(fresh).length).toBe(0);
    });
  }

  it('a reference note stays unvotable after a participant tries to unmark it', async () => {
    const facilitator = await connectFacilitator(server, w);
    const reference = referenceOf(facilitator.board.doc);
    const round = await openVoting(server, w, facilitator);
    const voter = await newVoter(server, w.id, w.participantToken);
    const rogue = connect(server, w.id, 'board', w.participantToken);
    await synced(rogue);
    put(rogue.doc, { ...reference, isLocked: false, meta: { ...reference.meta, reference: false } });
    await waitFor(() => rogue.closedFor !== null, 'the writer is closed');
    rogue.destroy();
    const answer = await putBallot(server, w.id, voter.secret, round, { [reference.id]: 1 });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('unknownNote');
    await closeVoting(server, w, facilitator);
    facilitator.destroy();
    disconnectParticipants();
  });

  it('participants may still add, edit, move and delete notes (also others’) and put a note in a full area', async () => {
    const p = connect(server, w.id, 'board', w.participantToken);
    await synced(p);
    const area = readBoardDoc(p.doc).areas[1]!;
    const ids = Array.from({ length: 14 }, (_, i) =>
      addNote(p.doc, {
        text: `Lapp ${i}`,
        areaId: area.id,
        authorId: 'p',
        author: 'P',
        now: Date.now(),
        pageName: 'Tavla',
      }),
    );
    const othersNote = readBoardDoc(p.doc).notes.find(
      (n) => !n.reference && !(ids as string[]).includes(n.id),
    )!;
    setNoteText(p.doc, othersNote.id, 'Ändrad av en annan');
    boardRecords(p.doc).delete(ids[0]!);
    await waitFor(
      () =>
        readBoardDoc(watcher.doc).notes.some((n) => n.text === 'Ändrad av en annan') &&
        !shape(watcher.doc, ids[0]! as string) &&
        !!shape(watcher.doc, ids[13]!),
      'the facilitator sees it all',
    );
    expect(p.closedFor).toBeNull();
    p.destroy();
  });
});

describe('a layout-1 store (written by the previous version) opens as layout 2', () => {
  let server: RunningServer;
  const fixture = JSON.parse(
    readFileSync(join(FIXTURE, 'workshop.json'), 'utf8'),
  ) as CreateWorkshopResponse & { noteIds: string[] };
  let layout1: Y.Doc;
  beforeAll(async () => {
    const dataDir = tempDataDir();
    copyFileSync(join(FIXTURE, 'samskapa.sqlite'), join(dataDir, 'samskapa.sqlite'));
    // The board as the previous version stored it, before the new server touched it.
    layout1 = new Y.Doc();
    const rows = queryStoreFileAll(dataDir, docName(fixture.id, 'board'));
    for (const row of rows) Y.applyUpdate(layout1, row);
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('every record is there, in layout 2, and the old array is empty', async () => {
    const entries = layout1.getArray<{ key: string; val: StoredRecord }>('records').toArray();
    // Records only: the value a modified client wrote that is no record is not carried over.
    const previous = new Map(entries.filter((e) => e.key !== 'shape:junk').map((e) => [e.key, e.val]));
    expect(entries.some((e) => e.key === 'shape:junk')).toBe(true);
    expect(previous.size).toBeGreaterThan(20);
    const now = await serverBoard(server, fixture);
    expect(legacyRecordsArray(now).length).toBe(0);
    expect(readBoardSchema(now)).toEqual(layout1.getMap('schema').get('tldraw'));
    expect(new Set(boardRecords(now).ids())).toEqual(new Set(previous.keys()));
    for (const [id, record] of previous) expect(boardRecords(now).get(id)).toEqual(record);
  });

  it('every export is what the previous version exported', async () => {
    for (const format of ['json', 'csv', 'md']) {
      const res = await fetch(`${server.http}/api/workshops/${fixture.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${fixture.facilitatorToken}` },
      });
      expect(res.status).toBe(200);
      const before = readFileSync(join(FIXTURE, `export.${format}`), 'utf8');
      expect(comparable(format, Buffer.from(await res.arrayBuffer()).toString('utf8'))).toEqual(
        comparable(format, before),
      );
    }
  });

  it('a snapshot taken before the upgrade restores into layout 2', async () => {
    const auth = { authorization: `Bearer ${fixture.facilitatorToken}`, 'content-type': 'application/json' };
    const list = (await (
      await fetch(`${server.http}/api/workshops/${fixture.id}/snapshots`, { headers: auth })
    ).json()) as { snapshots: { id: string }[] };
    expect(list.snapshots.length).toBeGreaterThan(0);
    // The note over 2,000 characters (written before the rules) was deleted since: the restore leaves it
    // out, as the board may not hold it any more, and restores everything else.
    const long = readBoardDoc(layout1Read()).notes.find((n) => n.text.length > 2000)!;
    const facilitator = connect(server, fixture.id, 'board', fixture.facilitatorToken);
    await synced(facilitator);
    boardRecords(facilitator.doc).delete(long.id);
    const first = fixture.noteIds[0]!;
    setNoteText(facilitator.doc, first, 'Ändrad efter ögonblicksbilden');
    let live = await serverBoard(server, fixture);
    for (let i = 0; i < 50 && boardRecords(live).has(long.id); i++) live = await serverBoard(server, fixture);
    facilitator.destroy();
    const res = await fetch(
      `${server.http}/api/workshops/${fixture.id}/snapshots/${list.snapshots[0]!.id}/restore`,
      { method: 'POST', headers: auth, body: JSON.stringify({ mode: 'inPlace' }) },
    );
    expect(res.status).toBeLessThan(300);
    const now = await serverBoard(server, fixture);
    expect(legacyRecordsArray(now).length).toBe(0);
    expect(
      readBoardDoc(now)
        .notes.map((n) => n.id)
        .sort(),
    ).toEqual(
      readBoardDoc(layout1Read())
        .notes.filter((n) => n.id !== long.id)
        .map((n) => n.id)
        .sort(),
    );
    expect(readBoardDoc(now).notes.find((n) => n.id === first)?.text).not.toBe(
      'Ändrad efter ögonblicksbilden',
    );
  });

  it('an old tab writing layout 1 is refused; a browser with a layout-1 copy carries its offline edits into layout 2', async () => {
    // The copy an old browser kept, with an edit and a new note made offline after it last synced.
    const cached = new Y.Doc();
    Y.applyUpdate(cached, Y.encodeStateAsUpdate(layout1));
    const array = cached.getArray<{ key: string; val: StoredRecord }>('records');
    const noteId = fixture.noteIds[0]!;
    const old = array
      .toArray()
      .filter((e) => e.key === noteId)
      .at(-1)!.val as Shape;
    const offlineText = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Skrivet offline' }] }],
    };
    array.push([{ key: noteId, val: { ...old, props: { ...old.props, richText: offlineText } } }]);
    const added = buildNote({ text: 'Ny offline', x: 40, y: 9000, index: 'a9' as never }) as unknown as Shape;
    array.push([{ key: added.id, val: added }]);

    // As an old tab, it sends its layout-1 copy as it is: refused, nothing stored.
    const oldTab = connect(server, fixture.id, 'board', fixture.participantToken, cloneOf(cached));
    await waitFor(() => oldTab.closedFor !== null, 'the old tab is refused');
    expect(oldTab.closedFor?.code).toBe(CloseCode.refused);
    oldTab.destroy();
    expect(storedAnywhere(server, fixture.id, 'Ny offline')).toBe(false);

    // Reloaded with this version: the server's state first, then what it never had, then connect.
    const probe = connect(server, fixture.id, 'board', fixture.viewerToken);
    await synced(probe);
    const carried = carryLegacyEdits(cached, Y.encodeStateAsUpdate(probe.doc));
    probe.destroy();
    expect(carried).toBe(2);
    const reloaded = connect(server, fixture.id, 'board', fixture.participantToken, cached);
    await synced(reloaded);
    let now = await serverBoard(server, fixture);
    for (let i = 0; i < 50 && !boardRecords(now).has(added.id); i++) now = await serverBoard(server, fixture);
    expect(reloaded.closedFor).toBeNull();
    reloaded.destroy();
    expect(readBoardDoc(now).notes.find((n) => n.id === noteId)?.text).toBe('Skrivet offline');
    expect(readBoardDoc(now).notes.find((n) => n.id === added.id)?.text).toBe('Ny offline');
    expect(legacyRecordsArray(now).length).toBe(0);
  });

  function layout1Read(): Y.Doc {
    // The layout-1 board read as this version reads any stored board.
    const doc = cloneOf(layout1);
    carryLegacyEdits(doc, new Uint8Array([0, 0]));
    return doc;
  }
});

function cloneOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** An export with the moment it was made taken out (it differs between any two exports). */
function comparable(format: string, text: string): unknown {
  if (format === 'json') {
    const { exportedAt: _exportedAt, ...rest } = JSON.parse(text) as { exportedAt?: unknown };
    return rest;
  }
  return text
    .replace(/20\d\d-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?[^\s|,;]*/g, '<time>')
    .split('\n')
    .filter((line) => !/Exporterad|Exported/.test(line));
}

function queryStoreFileAll(dataDir: string, doc: string): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (let seq = 0; ; seq++) {
    const row = queryStoreFile<{ data: Buffer } | undefined>(
      dataDir,
      'SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq LIMIT 1 OFFSET ?',
      doc,
      seq,
    );
    if (!row) return rows;
    rows.push(new Uint8Array(row.data));
  }
}
