import { addNote, docName, setNoteText, storedRecord, type CreateWorkshopResponse } from '@samskapa/shared';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStore } from '../../server/src/store/postgres/postgresStore';
import { startPostgres } from './helpers/services';
import { workshopRow } from './helpers/workshopRow';
import { createWorkshop, connect, setNote, synced, waitFor } from './helpers/clients';
import { noisyPng } from './helpers/png';
import { startServer, type RunningServer } from './helpers/server';
import { queryStoreFile } from './helpers/sqlite';
import {
  call,
  connectFacilitator,
  disconnectParticipants,
  newVoter,
  openVoting,
  putBallot,
} from './helpers/voting';

/** Updates written to a note's text: more than COMPACT_AFTER_UPDATES, so compaction has held it too. */
const EDITS = 60;
const COMPACT_AFTER_UPDATES = 20;

/** Text nobody else writes: the bytes searched for in the database files. */
const unique = (what: string) => `${what} åäö ${randomBytes(9).toString('base64url')}`;

/** The raw bytes of the SQLite database and its WAL and shared-memory files, as a disk image would hold them. */
function storeFiles(dataDir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const suffix of ['', '-wal', '-shm']) {
    const file = join(dataDir, `samskapa.sqlite${suffix}`);
    if (existsSync(file)) files[`samskapa.sqlite${suffix}`] = readFileSync(file);
  }
  return files;
}

/** The names of the store files whose raw bytes contain `needle` (UTF-8 for text). */
function filesHolding(dataDir: string, needle: string | Buffer): string[] {
  const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
  return Object.entries(storeFiles(dataDir))
    .filter(([, content]) => content.includes(bytes))
    .map(([name]) => name);
}

/** A real PNG with a text chunk holding `marker`, large enough to spill onto SQLite overflow pages. */
function pngWithMarker(marker: string): Buffer {
  const png = noisyPng(48, 48);
  const data = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.from(marker, 'utf8')]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  // The CRC is not checked by the server; a decoder would skip an ancillary chunk with a bad one.
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

interface Written {
  text: string;
  marker: string;
  participantId: string;
}

/**
 * Fill a workshop the way a session does: a note whose text is edited EDITS times through a real
 * y-websocket client, an uploaded image and a ballot. Resolves once the server has stored all of it.
 */
async function fillWorkshop(server: RunningServer, w: CreateWorkshopResponse): Promise<Written> {
  const text = unique('Hemlig lapp');
  const marker = unique('BILDMARKÖR');
  const facilitator = await connectFacilitator(server, w);
  try {
    const doc = facilitator.board.doc;
    const noteId = addNote(doc, {
      text: `${text} 0`,
      areaId: null,
      authorId: 'facilitator',
      author: 'Samordnare',
      now: Date.now(),
      pageName: 'Tavla',
    });
    for (let i = 1; i < EDITS; i++) {
      setNoteText(doc, noteId, `${text} ${i}`);
      // One update message per edit, as typing sends them.
      await new Promise((r) => setTimeout(r, 5));
    }
    const viewer = connect(server, w.id, 'board', w.viewerToken);
    try {
      await synced(viewer);
      await waitFor(
        () => JSON.stringify(storedRecord(viewer.doc, noteId) ?? {}).includes(`${text} ${EDITS - 1}`),
        'the server has every edit',
      );
    } finally {
      viewer.destroy();
    }

    const upload = await fetch(`${server.http}/api/workshops/${w.id}/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.facilitatorToken}`, 'content-type': 'image/png' },
      body: new Uint8Array(pngWithMarker(marker)),
    });
    expect(upload.status).toBe(201);

    const round = await openVoting(server, w, facilitator, { budget: 3, perNoteCap: 2 });
    const voter = await newVoter(server, w.id, w.participantToken);
    expect((await putBallot(server, w.id, voter.secret, round, { [noteId]: 2 })).status).toBe(200);
    return { text, marker, participantId: voter.participantId };
  } finally {
    facilitator.destroy();
  }
}

/** What must be gone: the note's text, the image's marker, the voter and the title. */
function traces(w: CreateWorkshopResponse, written: Written): string[] {
  return [written.text, written.marker, written.participantId, w.title];
}

describe('a deleted workshop leaves none of its content in the database files', () => {
  let server: RunningServer;
  const start = (dataDir?: string) =>
    startServer({
      dataDir,
      env: { COMPACT_AFTER_UPDATES: String(COMPACT_AFTER_UPDATES), MAX_RETENTION_DAYS: '30' },
    });
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    disconnectParticipants();
    await server?.stop();
  });

  it('after DELETE, neither the database file nor its WAL holds the note text, the image or the ballot', async () => {
    const control = await createWorkshop(server, unique('Kontrollworkshop'));
    const kept = await fillWorkshop(server, control);
    const w = await createWorkshop(server, unique('Workshop som raderas'));
    const written = await fillWorkshop(server, w);

    // The test can see what it looks for: the WAL holds the edits, and compaction rewrote the log.
    expect(filesHolding(server.dataDir, written.text)).toContain('samskapa.sqlite-wal');
    expect(filesHolding(server.dataDir, written.marker).length).toBeGreaterThan(0);
    expect(filesHolding(server.dataDir, written.participantId).length).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          queryStoreFile<{ n: number }>(
            server.dataDir,
            'SELECT count(*) AS n FROM doc_updates WHERE doc = ?',
            `${w.id}/board`,
          ).n,
        { timeout: 20_000 },
      )
      .toBeLessThan(EDITS);

    const deleted = await call(server, 'DELETE', `/api/workshops/${w.id}`, w.facilitatorToken);
    expect(deleted.status).toBe(204);
    expect((await call(server, 'GET', `/api/workshops/${w.id}`, w.facilitatorToken)).status).toBe(404);

    for (const trace of traces(w, written)) expect(filesHolding(server.dataDir, trace), trace).toEqual([]);
    // The other workshop is untouched, so the search above would have found the text had it stayed.
    expect(filesHolding(server.dataDir, kept.text).length).toBeGreaterThan(0);
    expect(filesHolding(server.dataDir, kept.marker).length).toBeGreaterThan(0);

    await server.stop();
    for (const trace of traces(w, written)) expect(filesHolding(server.dataDir, trace), trace).toEqual([]);
    expect(filesHolding(server.dataDir, kept.text)).toEqual(['samskapa.sqlite']);
    server = await start(server.dataDir);
  });

  it('when the deletion date passes, the purge leaves none of the workshop in the files either', async () => {
    const w = await createWorkshop(server, unique('Workshop som löper ut'));
    const written = await fillWorkshop(server, w);
    // The earliest deletion time the API accepts is any time in the future.
    const soon = new Date(Date.now() + 1000).toISOString();
    const set = await call<{ retainUntil: string }>(
      server,
      'PATCH',
      `/api/workshops/${w.id}`,
      w.facilitatorToken,
      { retainUntil: soon },
    );
    expect(set.status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(soon) - Date.now() + 50)));
    // Stopping checkpoints everything into the database file; the purge at start must clear it there.
    await server.stop();
    expect(filesHolding(server.dataDir, written.text)).toEqual(['samskapa.sqlite']);

    server = await start(server.dataDir);
    expect(server.output.join('\n')).toContain('workshop purged after its retention date');
    expect((await call(server, 'GET', `/api/workshops/${w.id}`, w.facilitatorToken)).status).toBe(404);
    for (const trace of traces(w, written)) expect(filesHolding(server.dataDir, trace), trace).toEqual([]);
    await server.stop();
    for (const trace of traces(w, written)) expect(filesHolding(server.dataDir, trace), trace).toEqual([]);
    server = await start(server.dataDir);
  });
});

describe('a deleted workshop leaves no row behind in PostgreSQL', () => {
  it('every table of the schema is searched: none has a row that names the workshop after its deletion', async () => {
    const postgres = await startPostgres();
    const log = { warn: () => undefined, error: () => undefined } as unknown as Parameters<
      typeof openPostgresStore
    >[1];
    const store = openPostgresStore(postgres.url, log);
    // pg is the server's dependency, as better-sqlite3 is in helpers/sqlite.ts.
    const requireFromServer = createRequire(resolve(import.meta.dirname, '../../server/package.json'));
    const { Client } = requireFromServer('pg') as {
      Client: new (options: { connectionString: string }) => {
        connect(): Promise<void>;
        query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
        end(): Promise<void>;
      };
    };
    const client = new Client({ connectionString: postgres.url });
    try {
      const text = unique('Hemlig lapp');
      const doc = new Y.Doc();
      setNote(doc, 'n1', text);
      for (const id of ['w_gone', 'w_kept']) {
        expect(await store.create(workshopRow(id, id === 'w_gone' ? 'PRG234' : 'PRG235'))).toBe(true);
        expect(await store.append(docName(id, 'board'), Y.encodeStateAsUpdate(doc))).toBe(true);
        expect(await store.append(docName(id, 'control'), Y.encodeStateAsUpdate(doc))).toBe(true);
        const asset = { id: `asset-${id}`, workshopId: id, mime: 'image/png', createdAt: 0 };
        expect(await store.putAsset({ ...asset, bytes: pngWithMarker(text) })).toBe(true);
        const session = Buffer.alloc(32, id.length);
        expect(
          await store.openConnection({ id: `c-${id}`, workshopId: id, sessionHash: session, holder: 'h' }, 0),
        ).toBe(true);
        expect(await store.addParticipant(id, `p-${id}`, Buffer.alloc(32, id.length), session)).toBe('added');
        expect(await store.putBallot(id, `p-${id}`, 1, { n1: 1 })).toBe(true);
        await store.countRound(id, 1);
      }
      expect(await store.delete('w_gone')).toBe(true);

      await client.connect();
      const tables = await client.query<{ name: string }>(
        `SELECT quote_ident(table_name) AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.rows.length).toBeGreaterThanOrEqual(6);
      // The whole row as text: an id, a document name (`w_gone/board`) or a key in any column.
      const holding = async (needle: string) => {
        const found: string[] = [];
        for (const { name } of tables.rows) {
          const { rows } = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM ${name} t WHERE strpos(t::text, $1) > 0`,
            [needle],
          );
          if (Number(rows[0]!.n) > 0) found.push(name);
        }
        return found;
      };
      expect(await holding('w_gone')).toEqual([]);
      expect(await holding('p-w_gone')).toEqual([]);
      // The workshop kept is found in every table it has rows in, so the search above can fail.
      expect((await holding('w_kept')).length).toBeGreaterThanOrEqual(5);
    } finally {
      await client.end().catch(() => undefined);
      store.close();
      await postgres.stop();
    }
  });
});
