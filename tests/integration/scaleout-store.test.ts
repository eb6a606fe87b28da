import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, type DocName } from '@samskapa/shared';
import { openPostgresStore } from '../../server/src/store/postgres/postgresStore';
import type { Store } from '../../server/src/store/types';
import { startPostgres, type TestPostgres } from './helpers/services';
import { notes, setNote } from './helpers/clients';
import { workshopRow } from './helpers/workshopRow';

type Log = Parameters<typeof openPostgresStore>[1];
const errors: unknown[] = [];
const log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (obj: unknown) => errors.push(obj),
} as unknown as Log;

/** One Yjs update that writes the note `key`, written by a client of its own. */
function noteUpdate(key: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  setNote(doc, key, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The notes a fresh room would show after loading `doc` from the store. */
async function notesIn(store: Store, doc: DocName): Promise<Record<string, string>> {
  const ydoc = new Y.Doc();
  for (const update of await store.load(doc)) Y.applyUpdate(ydoc, update);
  const json = notes(ydoc);
  ydoc.destroy();
  return json;
}

describe('the PostgreSQL store shared by several processes', () => {
  let pg: TestPostgres;
  // Two stores with their own connection pools stand for two server processes.
  let a: Store;
  let b: Store;

  beforeAll(async () => {
    pg = await startPostgres();
    // Both create the schema at the same moment, as processes started together do.
    a = openPostgresStore(pg.url, log, { sizeRefreshMs: 100 });
    b = openPostgresStore(pg.url, log);
    await Promise.all([a.expired(0), b.expired(0)]);
  });
  afterAll(async () => {
    a?.close();
    b?.close();
    await pg?.stop();
  });

  it('keeps workshops and refuses a join code that is taken, like the embedded store', async () => {
    expect(await a.create(workshopRow('w1', 'ABC234'))).toBe(true);
    expect(await b.create(workshopRow('w2', 'ABC234'))).toBe(false);
    const row = await b.get('w1');
    expect(row).toEqual(workshopRow('w1', 'ABC234'));
    expect((await b.findByJoinCode('ABC234'))?.id).toBe('w1');
    expect(await a.get('nope')).toBeUndefined();
    expect(await b.list()).toContainEqual(workshopRow('w1', 'ABC234'));
    expect(await a.expired(1_900_000_000_000)).toContain('w1');
    expect(await a.expired(1_700_000_000_000)).not.toContain('w1');
  });

  it('an update appended by one process is loaded by the other, and deleting a workshop purges its documents', async () => {
    expect(await a.create(workshopRow('w3', 'DEF567'))).toBe(true);
    await a.append(docName('w3', 'board'), noteUpdate('n1', 'Fler mötesplatser'));
    await b.append(docName('w3', 'control'), noteUpdate('step', 'Inledning'));
    expect(await notesIn(b, docName('w3', 'board'))).toEqual({ n1: 'Fler mötesplatser' });
    expect(await b.delete('w3')).toBe(true);
    expect(await a.load(docName('w3', 'board'))).toEqual([]);
    expect(await a.load(docName('w3', 'control'))).toEqual([]);
    expect(await a.get('w3')).toBeUndefined();
    expect(await a.delete('w3')).toBe(false);
  });

  it('compaction keeps an update another process appended that the compacting process never saw', async () => {
    const doc = docName('w4', 'board');
    await a.create(workshopRow('w4', 'ABC444'));
    // Process A's live document knows n1 only.
    const live = new Y.Doc();
    setNote(live, 'n1', 'från A');
    await a.append(doc, Y.encodeStateAsUpdate(live));
    // Process B appends n2; A has not received it (Redis was down, say).
    await b.append(doc, noteUpdate('n2', 'från B'));
    await a.compact(doc, Y.encodeStateAsUpdate(live));
    expect(await b.load(doc)).toHaveLength(1);
    expect(await notesIn(b, doc)).toEqual({ n1: 'från A', n2: 'från B' });
    live.destroy();
  });

  it('compactions running while another process appends lose none of its updates', async () => {
    const doc = docName('w5', 'board');
    await a.create(workshopRow('w5', 'ABC555'));
    const stale = Y.encodeStateAsUpdate(new Y.Doc());
    const appended: string[] = [];
    const appending = (async () => {
      for (let i = 0; i < 300; i++) {
        await b.append(doc, noteUpdate(`b${i}`, `idé ${i}`));
        appended.push(`b${i}`);
      }
    })();
    let compactions = 0;
    while (appended.length < 300) {
      // Two compactions at once from the same process too: they take turns on the document's lock.
      await Promise.all([a.compact(doc, stale), a.compact(doc, stale)]);
      compactions += 2;
    }
    await appending;
    await a.compact(doc, stale);
    expect(compactions).toBeGreaterThan(2);
    const stored = await notesIn(a, doc);
    expect(Object.keys(stored).sort()).toEqual(appended.sort());
    expect(await a.load(doc)).toHaveLength(1);
  });

  it('writes racing the deletion of their workshop on another process leave nothing behind', async () => {
    await a.create(workshopRow('w7', 'ABC777'));
    // Process B's clients keep writing to both documents while process A deletes the workshop.
    const writes: Promise<boolean>[] = [];
    let deleted: Promise<boolean> | undefined;
    for (let i = 0; i < 400; i++) {
      writes.push(
        b.append(i % 2 ? docName('w7', 'board') : docName('w7', 'control'), noteUpdate(`n${i}`, `idé ${i}`)),
      );
      if (i === 200) deleted = a.delete('w7');
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    const stored = await Promise.all(writes);
    expect(await deleted).toBe(true);
    expect(stored.filter(Boolean).length).toBeGreaterThan(0);
    expect(stored.filter((ok) => !ok).length).toBeGreaterThan(0);
    expect(await a.load(docName('w7', 'board'))).toEqual([]);
    expect(await a.load(docName('w7', 'control'))).toEqual([]);
    // A compaction that comes late writes nothing back either.
    await b.compact(docName('w7', 'board'), noteUpdate('late', 'för sent'));
    expect(await a.load(docName('w7', 'board'))).toEqual([]);
    expect(await b.append(docName('w7', 'board'), noteUpdate('later', 'ännu senare'))).toBe(false);
  });

  it('an image stored by one process is served by the other, and goes with its workshop', async () => {
    await a.create(workshopRow('w6', 'ABC678'));
    const asset = { id: 'i'.repeat(43), workshopId: 'w6', mime: 'image/png', bytes: Buffer.from([1, 2, 3]) };
    expect(await a.putAsset({ ...asset, createdAt: 1_700_000_000_000 })).toBe(true);
    expect(await b.getAsset(asset.id)).toEqual({ ...asset, createdAt: 1_700_000_000_000 });
    expect(await b.delete('w6')).toBe(true);
    expect(await a.getAsset(asset.id)).toBeUndefined();
    // An upload that arrives after the deletion stores nothing.
    expect(await a.putAsset({ ...asset, id: 'j'.repeat(43), createdAt: 0 })).toBe(false);
  });

  it('reports its size on disk', async () => {
    const deadline = Date.now() + 10_000;
    while (a.sizeBytes() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(a.sizeBytes()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
