import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { docName, workshopIdOfDoc, type DocName } from '@samskapa/shared';
import type { Ballot } from '@samskapa/shared';
import type { AddParticipantResult, AssetRow, Store } from '../types';
import { workshopFromColumns, type WorkshopColumns } from '../workshopColumns';
import { sqliteAccounts } from './sqliteAccounts';
import { sqliteConnections } from './sqliteConnections';
import { sqliteSnapshots } from './sqliteSnapshots';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT,
  locale TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  retain_until INTEGER NOT NULL,
  facilitator_hash BLOB NOT NULL,
  participant_hash BLOB NOT NULL,
  viewer_hash BLOB NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workshops_retain_until ON workshops(retain_until);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates(doc, seq);
CREATE TABLE IF NOT EXISTS assets (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS assets_workshop ON assets(workshop_id);
CREATE TABLE IF NOT EXISTS participants (
  workshop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  secret_hash BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  -- The session (browser) whose open board socket the credential was issued to; NULL for credentials
  -- issued before they were bound, which count nothing.
  session_hash BLOB,
  PRIMARY KEY (workshop_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS participants_secret ON participants(workshop_id, secret_hash);
CREATE TABLE IF NOT EXISTS ballots (
  workshop_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  ballot TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, round, participant_id)
);
CREATE TABLE IF NOT EXISTS counted_rounds (
  workshop_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, round)
);
`;

/**
 * Every database handle this module opens and every statement prepared on it, kept referenced until the
 * process exits, also after close(). better-sqlite3 12 wraps both in `node::ObjectWrap`; since Node 24.19
 * its destructor calls `RemoveEnvironmentCleanupHook`, which aborts the process (`Assertion failed: (env)
 * != nullptr`) when the wrapper is finalised by a garbage collection that runs with no JS context entered
 * (an idle or background GC). A wrapper that never becomes garbage is only freed by Node's own cleanup at
 * exit, which is safe. So: every statement is prepared once, when the store opens, and kept; pragmas go
 * through exec; closed stores stay here (a few KiB each; a process opens one store, tests a few dozen).
 * The transaction functions' BEGIN/COMMIT/ROLLBACK statements are cached by better-sqlite3 for as long as
 * their database lives. (better-sqlite3 13 no longer uses ObjectWrap, but it does not run on Node 20.)
 */
const retained: unknown[] = [];
function keep<T>(handle: T): T {
  retained.push(handle);
  return handle;
}

/** The database file inside DATA_DIR. */
export const SQLITE_FILE = 'samskapa.sqlite';

export interface SqliteOptions {
  /** `NORMAL` survives a killed process; `FULL` also survives a power cut, at the cost of an fsync per write. */
  synchronous: 'NORMAL' | 'FULL';
  /** A quota for the database file (MiB); writes beyond it fail as on a full disk. 0: no quota. */
  maxMiB: number;
}

/** The embedded store: one SQLite file in WAL mode. Every call completes before it returns. */
export function openSqliteStore(dataDir: string, options: SqliteOptions): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SQLITE_FILE);
  const db = keep(new Database(file));
  // Pragmas through exec: db.pragma() prepares a statement on every call and drops it (see `keep`).
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${options.synchronous}`);
  db.exec('PRAGMA busy_timeout = 5000');
  // A deleted workshop must leave none of its text in the file: deleted cells and freed pages (overflow
  // pages of large updates and images included) are overwritten with zeros, not merely unlinked.
  db.exec('PRAGMA secure_delete = ON');
  const pageSize = keep(db.prepare<[], number>('PRAGMA page_size').pluck());
  if (options.maxMiB > 0) {
    db.exec(`PRAGMA max_page_count = ${Math.floor((options.maxMiB * 1024 * 1024) / pageSize.get()!)}`);
  }
  db.exec(SCHEMA);
  // A store written before credentials were bound to a session: the column comes now (NULL: unbound).
  const participantColumns = keep(
    db.prepare<[], string>("SELECT name FROM pragma_table_info('participants')"),
  ).pluck();
  if (!participantColumns.all().includes('session_hash')) {
    try {
      db.exec('ALTER TABLE participants ADD COLUMN session_hash BLOB');
    } catch (err) {
      // Another process opening the same file added it a moment ago.
      if (!String((err as Error).message).includes('duplicate column')) throw err;
    }
  }
  // One credential per session; unbound credentials (NULL) are all distinct.
  db.exec(
    'CREATE UNIQUE INDEX IF NOT EXISTS participants_session ON participants(workshop_id, session_hash)',
  );
  const snapshots = sqliteSnapshots(db, keep);
  const connections = sqliteConnections(db, keep);
  const accounts = sqliteAccounts(db, keep);

  const insertWorkshop = keep(
    db.prepare(`INSERT INTO workshops
    (id, title, template, locale, created_at, updated_at, retain_until, facilitator_hash, participant_hash,
     viewer_hash, join_code, state)
    VALUES (@id, @title, @template, @locale, @createdAt, @updatedAt, @retainUntil, @facilitatorHash,
     @participantHash, @viewerHash, @joinCode, @state)`),
  );
  const selectWorkshop = keep(db.prepare<[string], WorkshopColumns>('SELECT * FROM workshops WHERE id = ?'));
  const selectByCode = keep(
    db.prepare<[string], WorkshopColumns>('SELECT * FROM workshops WHERE join_code = ?'),
  );
  const deleteWorkshop = keep(db.prepare<[string]>('DELETE FROM workshops WHERE id = ?'));
  const selectAll = keep(db.prepare<[], WorkshopColumns>('SELECT * FROM workshops ORDER BY created_at, id'));
  const updateRetention = keep(
    db.prepare<{ id: string; retainUntil: number; now: number }>(
      'UPDATE workshops SET retain_until = @retainUntil, updated_at = @now WHERE id = @id',
    ),
  );
  // After a deletion the WAL still holds the pages as they were before it (with the workshop's text):
  // TRUNCATE copies the zeroed pages into the database file and empties the WAL. It waits (busy_timeout)
  // for readers in other processes; `busy` is 1 when one still held the WAL at the end.
  const checkpoint = keep(
    db.prepare<[], { busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(TRUNCATE)'),
  );
  const selectExpired = keep(
    db.prepare<[number], { id: string }>('SELECT id FROM workshops WHERE retain_until <= ?'),
  );
  const selectUpdates = keep(
    db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq'),
  );
  // Only while the workshop exists: a write racing its deletion must not outlive it.
  const insertUpdate = keep(
    db.prepare<{ doc: string; workshopId: string; data: Uint8Array }>(
      `INSERT INTO doc_updates (doc, data)
    SELECT @doc, @data WHERE EXISTS (SELECT 1 FROM workshops WHERE id = @workshopId)`,
    ),
  );
  const append = (doc: DocName, data: Uint8Array): boolean =>
    insertUpdate.run({ doc, workshopId: workshopIdOfDoc(doc), data }).changes > 0;
  const deleteUpdates = keep(db.prepare<[string]>('DELETE FROM doc_updates WHERE doc = ?'));
  const deleteWorkshopUpdates = keep(
    db.prepare<[string, string]>('DELETE FROM doc_updates WHERE doc IN (?, ?)'),
  );
  // Only while the workshop exists: an upload racing its deletion must not leave an orphan behind.
  const insertAsset = keep(
    db.prepare<AssetRow>(`INSERT INTO assets (id, workshop_id, mime, bytes, created_at)
    SELECT @id, @workshopId, @mime, @bytes, @createdAt WHERE EXISTS (SELECT 1 FROM workshops WHERE id = @workshopId)`),
  );
  const selectAsset = keep(
    db.prepare<
      [string],
      { id: string; workshop_id: string; mime: string; bytes: Buffer; created_at: number }
    >('SELECT id, workshop_id, mime, bytes, created_at FROM assets WHERE id = ?'),
  );
  const deleteWorkshopAssets = keep(db.prepare<[string]>('DELETE FROM assets WHERE workshop_id = ?'));
  // Only while the workshop exists, like documents and assets; a session that holds one gets no other.
  const insertParticipant = keep(
    db.prepare<{
      workshopId: string;
      id: string;
      secretHash: Buffer;
      sessionHash: Buffer;
      createdAt: number;
    }>(
      `INSERT INTO participants (workshop_id, id, secret_hash, session_hash, created_at)
    SELECT @workshopId, @id, @secretHash, @sessionHash, @createdAt
    WHERE EXISTS (SELECT 1 FROM workshops WHERE id = @workshopId)
    ON CONFLICT DO NOTHING`,
    ),
  );
  const workshopExists = keep(
    db.prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM workshops WHERE id = ?)'),
  ).pluck();
  // Credentials issued before they were bound to a session are not found: their holder asks again.
  const selectParticipant = keep(
    db.prepare<[string, Buffer], string>(
      'SELECT id FROM participants WHERE workshop_id = ? AND secret_hash = ? AND session_hash IS NOT NULL',
    ),
  ).pluck();
  // The whole ballot replaces the previous one in one statement; a counted round takes no more.
  const upsertBallot = keep(
    db.prepare<{ workshopId: string; participantId: string; round: number; ballot: string; now: number }>(
      `INSERT INTO ballots (workshop_id, participant_id, round, ballot, updated_at)
    SELECT @workshopId, @participantId, @round, @ballot, @now
    WHERE EXISTS (SELECT 1 FROM participants WHERE workshop_id = @workshopId AND id = @participantId)
      AND NOT EXISTS (SELECT 1 FROM counted_rounds WHERE workshop_id = @workshopId AND round = @round)
    ON CONFLICT (workshop_id, round, participant_id)
    DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
    ),
  );
  const selectBallot = keep(
    db.prepare<[string, string, number], string>(
      'SELECT ballot FROM ballots WHERE workshop_id = ? AND participant_id = ? AND round = ?',
    ),
  ).pluck();
  // Only the ballots of credentials bound to a session count.
  const selectBallots = keep(
    db.prepare<[string, number], string>(
      `SELECT b.ballot FROM ballots b
    JOIN participants p ON p.workshop_id = b.workshop_id AND p.id = b.participant_id
    WHERE b.workshop_id = ? AND b.round = ? AND p.session_hash IS NOT NULL
    ORDER BY b.participant_id`,
    ),
  ).pluck();
  const insertCounted = keep(
    db.prepare<{ workshopId: string; round: number }>(
      `INSERT INTO counted_rounds (workshop_id, round)
    SELECT @workshopId, @round WHERE EXISTS (SELECT 1 FROM workshops WHERE id = @workshopId)
    ON CONFLICT DO NOTHING`,
    ),
  );
  const deleteWorkshopParticipants = keep(
    db.prepare<[string]>('DELETE FROM participants WHERE workshop_id = ?'),
  );
  const deleteWorkshopBallots = keep(db.prepare<[string]>('DELETE FROM ballots WHERE workshop_id = ?'));
  const deleteWorkshopCounted = keep(
    db.prepare<[string]>('DELETE FROM counted_rounds WHERE workshop_id = ?'),
  );

  const compact = db.transaction((doc: DocName, state: Uint8Array, unreadable: Uint8Array[]) => {
    deleteUpdates.run(doc);
    if (!append(doc, state)) return;
    for (const update of unreadable) append(doc, update);
  });
  const purge = db.transaction((id: string) => {
    deleteWorkshopUpdates.run(docName(id, 'board'), docName(id, 'control'));
    deleteWorkshopAssets.run(id);
    deleteWorkshopBallots.run(id);
    deleteWorkshopCounted.run(id);
    deleteWorkshopParticipants.run(id);
    connections.purge(id);
    snapshots.purge(id);
    accounts.purge(id);
    return deleteWorkshop.run(id).changes > 0;
  });
  const addParticipant = db.transaction(
    (row: {
      workshopId: string;
      id: string;
      secretHash: Buffer;
      sessionHash: Buffer;
    }): AddParticipantResult => {
      if (insertParticipant.run({ ...row, createdAt: Date.now() }).changes > 0) return 'added';
      return workshopExists.get(row.workshopId) === 1 ? 'sessionTaken' : 'noWorkshop';
    },
  );
  const countRound = db.transaction((workshopId: string, round: number) => {
    insertCounted.run({ workshopId, round });
    return selectBallots.all(workshopId, round);
  });
  const parseBallot = (json: string) => JSON.parse(json) as Ballot;
  // A reader in another process (the admin command) can hold the WAL past busy_timeout: try again every
  // few seconds, without waiting (nothing else runs while SQLite waits), until the WAL is empty, so the
  // pages of a deleted workshop do not stay there until the next deletion.
  let retry: NodeJS.Timeout | undefined;
  const emptyWal = (wait: boolean) => {
    clearTimeout(retry);
    retry = undefined;
    if (!db.open) return;
    if (!wait) db.exec('PRAGMA busy_timeout = 0');
    try {
      if (!checkpoint.get()?.busy) return;
    } finally {
      if (!wait) db.exec('PRAGMA busy_timeout = 5000');
    }
    retry = setTimeout(() => emptyWal(false), 3000);
    retry.unref();
  };

  return {
    ...snapshots.store,
    ...connections.store,
    ...accounts.store,
    async create(row) {
      try {
        insertWorkshop.run({ ...row, template: row.template ?? null });
        return true;
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
        throw err;
      }
    },
    async list() {
      return selectAll.all().map(workshopFromColumns);
    },
    async get(id) {
      const r = selectWorkshop.get(id);
      return r && workshopFromColumns(r);
    },
    async findByJoinCode(code) {
      const r = selectByCode.get(code);
      return r && workshopFromColumns(r);
    },
    async delete(id) {
      const deleted = purge(id);
      emptyWal(true);
      return deleted;
    },
    async setRetention(id, retainUntil) {
      return updateRetention.run({ id, retainUntil, now: Date.now() }).changes > 0;
    },
    async expired(now) {
      return selectExpired.all(now).map((r) => r.id);
    },
    async load(doc) {
      return selectUpdates
        .all(doc)
        .map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
    },
    async append(doc, update) {
      return append(doc, update);
    },
    async compact(doc, state, unreadable = []) {
      compact(doc, state, unreadable);
    },
    async putAsset(asset) {
      return insertAsset.run(asset).changes > 0;
    },
    async getAsset(id) {
      const r = selectAsset.get(id);
      return (
        r && { id: r.id, workshopId: r.workshop_id, mime: r.mime, bytes: r.bytes, createdAt: r.created_at }
      );
    },
    async addParticipant(workshopId, id, secretHash, sessionHash) {
      return addParticipant({ workshopId, id, secretHash, sessionHash });
    },
    async participantBySecretHash(workshopId, secretHash) {
      return selectParticipant.get(workshopId, secretHash);
    },
    async putBallot(workshopId, participantId, round, ballot) {
      const row = { workshopId, participantId, round, ballot: JSON.stringify(ballot), now: Date.now() };
      return upsertBallot.run(row).changes > 0;
    },
    async getBallot(workshopId, participantId, round) {
      const json = selectBallot.get(workshopId, participantId, round);
      return json === undefined ? undefined : parseBallot(json);
    },
    async ballots(workshopId, round) {
      return selectBallots.all(workshopId, round).map(parseBallot);
    },
    async countRound(workshopId, round) {
      return countRound(workshopId, round).map(parseBallot);
    },
    sizeBytes() {
      let total = 0;
      for (const suffix of ['', '-wal']) {
        try {
          total += statSync(file + suffix).size;
        } catch {
          // the WAL file exists only while the database is open and written
        }
      }
      return total;
    },
    close() {
      clearTimeout(retry);
      db.close();
    },
  };
}
