import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/src/store/postgres/postgresStore';
import { openSqliteStore } from '../../server/src/store/sqlite/sqliteStore';
import type { SnapshotRow, Store } from '../../server/src/store/types';
import { startPostgres, type TestPostgres } from './helpers/services';
import { workshopRow } from './helpers/workshopRow';

const silent = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Parameters<
  typeof openPostgresStore
>[1];

const snapshot = (workshopId: string, id: string, createdAt: number): SnapshotRow => ({
  id,
  workshopId,
  name: `Före steg ${createdAt}`,
  createdAt,
  notes: createdAt,
  board: Uint8Array.from([1, 2, createdAt % 256]),
  control: Uint8Array.from([3, createdAt % 256]),
});

/** The snapshot contract, the same in both stores: what the routes and the step-change hook rely on. */
describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('snapshots in the %s store', (_name, kind) => {
  let store: Store;
  let pg: TestPostgres | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      pg = await startPostgres();
      store = openPostgresStore(pg.url, silent);
    } else {
      store = openSqliteStore(mkdtempSync(join(tmpdir(), 'samskapa-snapshots-')), {
        synchronous: 'NORMAL',
        maxMiB: 0,
      });
    }
  });
  afterAll(async () => {
    store?.close();
    await pg?.stop();
  });

  it('keeps a workshop’s snapshots with their documents, newest first, only the newest few, and none of a missing workshop', async () => {
    expect(await store.create(workshopRow('ws1', 'SNP234'))).toBe(true);
    expect(await store.create(workshopRow('ws2', 'SNP567'))).toBe(true);
    expect(await store.putSnapshot(snapshot('nosuchworkshop', 'x', 1), 2)).toBe(false);
    for (const at of [10, 20, 30])
      expect(await store.putSnapshot(snapshot('ws1', `s${at}`, at), 2)).toBe(true);
    expect(await store.putSnapshot(snapshot('ws2', 'other', 40), 2)).toBe(true);

    const listed = await store.listSnapshots('ws1');
    expect(listed.map((s) => s.id)).toEqual(['s30', 's20']);
    expect(listed[0]).toEqual({
      id: 's30',
      workshopId: 'ws1',
      name: 'Före steg 30',
      createdAt: 30,
      notes: 30,
    });
    const full = await store.getSnapshot('ws1', 's20');
    expect(full && [...full.board]).toEqual([1, 2, 20]);
    expect(full && [...full.control]).toEqual([3, 20]);
    // A snapshot is found only through its own workshop.
    expect(await store.getSnapshot('ws1', 'other')).toBeUndefined();
    expect(await store.getSnapshot('ws1', 's10')).toBeUndefined();
  });

  it('go with their workshop', async () => {
    expect(await store.delete('ws1')).toBe(true);
    expect(await store.listSnapshots('ws1')).toEqual([]);
    expect(await store.getSnapshot('ws1', 's30')).toBeUndefined();
    expect((await store.listSnapshots('ws2')).map((s) => s.id)).toEqual(['other']);
  });
});
