import pg from 'pg';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { docNamesOf, workshopIdOfDoc, type Ballot } from '@samskapa/shared';
import type { Store } from '../types';
import { workshopFromColumns, type WorkshopColumns } from '../workshopColumns';
import { ACCOUNT_SCHEMA, postgresAccounts } from './postgresAccounts';
import { CONNECTION_SCHEMA, postgresConnections } from './postgresConnections';
import { postgresSnapshots, SNAPSHOT_SCHEMA } from './postgresSnapshots';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT,
  locale TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  retain_until BIGINT NOT NULL,
  facilitator_hash BYTEA NOT NULL,
  participant_hash BYTEA NOT NULL,
  viewer_hash BYTEA NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS workshops_retain_until ON workshops(retain_until);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq BIGSERIAL PRIMARY KEY,
  doc TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates(doc, seq);
CREATE TABLE IF NOT EXISTS assets (
  id TEXT PRIMARY KEY,
  -- The reference makes an upload that races the workshop's deletion fail instead of leaving an orphan.
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  mime TEXT NOT NULL,
  bytes BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS assets_workshop ON assets(workshop_id);
-- Voter credentials and ballots go with their workshop (ON DELETE CASCADE), and a write racing its
-- deletion fails instead of leaving an orphan.
CREATE TABLE IF NOT EXISTS participants (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  secret_hash BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (workshop_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS participants_secret ON participants(workshop_id, secret_hash);
-- The session (browser) whose open board socket the credential was issued to, one credential per
-- session; NULL for credentials issued before they were bound, which count nothing.
ALTER TABLE participants ADD COLUMN IF NOT EXISTS session_hash BYTEA;
CREATE UNIQUE INDEX IF NOT EXISTS participants_session ON participants(workshop_id, session_hash);
CREATE TABLE IF NOT EXISTS ballots (
  workshop_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  ballot TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (workshop_id, round, participant_id),
  FOREIGN KEY (workshop_id, participant_id) REFERENCES participants(workshop_id, id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS counted_rounds (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, round)
);
`;

/** First key of every advisory lock this store takes, so they never collide with another application's. */
const LOCK_NAMESPACE = 0x53616d73; // "Sams"
/** Second key of the lock held while creating the schema (documents use `hashtext(doc)`). */
const SCHEMA_LOCK = 0;
/**
 * Second key of a workshop's ballot lock: ballots are written under its shared form, a round is counted
 * under its exclusive form, so no ballot is stored after the count has read them (on any process).
 */
const ballotLock = (workshopId: string) => `ballots:${workshopId}`;

/**
 * Appends an update only while its workshop exists. The share lock on the workshop row makes a deletion
 * on another process wait for this insert to commit (the deletion removes the workshop row first, then
 * its updates), and an insert that comes after the deletion finds no row and stores nothing.
 */
const APPEND = `INSERT INTO doc_updates (doc, data)
  SELECT $1, $3 FROM workshops WHERE id = $2 FOR KEY SHARE`;

/** The ballots of a round whose credentials are bound to a session: only they count. */
const BOUND_BALLOTS = `SELECT b.ballot FROM ballots b
  JOIN participants p ON p.workshop_id = b.workshop_id AND p.id = b.participant_id
  WHERE b.workshop_id = $1 AND b.round = $2 AND p.session_hash IS NOT NULL
  ORDER BY b.participant_id`;

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export interface PostgresOptions {
  /** Connections kept to the database by this process. */
  poolSize?: number;
  /** How often the size reported to metrics is refreshed. */
  sizeRefreshMs?: number;
}

/**
 * The shared store for several server processes. The schema is created on first use; every call
 * waits for it. Appends are plain inserts, so processes never block one another while writing;
 * compaction takes a per-document advisory lock and removes only the rows it merged.
 */
export function openPostgresStore(url: string, log: Logger, options: PostgresOptions = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // An unreachable database must fail a write (the writer is told) rather than hold it forever.
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    keepAlive: true,
  });
  // An idle connection that breaks (database restart) must not crash the process; the next query reconnects.
  pool.on('error', (err) => log.warn({ err }, 'a PostgreSQL connection failed'));

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  // Several processes may start at once: the lock keeps their CREATE ... IF NOT EXISTS from racing.
  const ready = transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, SCHEMA_LOCK]);
    await client.query(SCHEMA);
    await client.query(SNAPSHOT_SCHEMA);
    await client.query(CONNECTION_SCHEMA);
    await client.query(ACCOUNT_SCHEMA);
  });
  // Callers see the failure through `ready`; this only keeps it from being reported as unhandled.
  ready.catch(() => undefined);

  async function query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    await ready;
    return (await pool.query<R>(text, values)).rows;
  }

  let size = 0;
  const refreshSize = async () => {
    const [row] = await query<{ bytes: string }>(
      `SELECT pg_total_relation_size('workshops') + pg_total_relation_size('doc_updates')
         + pg_total_relation_size('assets') + pg_total_relation_size('participants')
        + pg_total_relation_size('ballots') + pg_total_relation_size('live_connections') AS bytes`,
      [],
    );
    size = Number(row?.bytes ?? 0);
  };
  const refreshFailed = (err: unknown) => log.warn({ err }, 'could not measure the PostgreSQL store');
  void refreshSize().catch(refreshFailed);
  const sizeTimer = setInterval(
    () => void refreshSize().catch(refreshFailed),
    options.sizeRefreshMs ?? 30_000,
  );
  sizeTimer.unref();

  return {
    // Snapshots go with their workshop's row in delete() (ON DELETE CASCADE).
    ...postgresSnapshots(query, transaction),
    ...postgresConnections(query),
    // Members and invitations go with their workshop's row in delete() (ON DELETE CASCADE).
    ...postgresAccounts(query, transaction),
    async create(row) {
      try {
        await query(
          `INSERT INTO workshops (id, title, template, locale, created_at, updated_at, retain_until,
             facilitator_hash, participant_hash, viewer_hash, join_code, state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            row.id,
            row.title,
            row.template ?? null,
            row.locale,
            row.createdAt,
            row.updatedAt,
            row.retainUntil,
            row.facilitatorHash,
            row.participantHash,
            row.viewerHash,
            row.joinCode,
            row.state,
          ],
        );
        return true;
      } catch (err) {
        const { code, constraint } = err as { code?: string; constraint?: string };
        if (code === '23505' && constraint === 'workshops_join_code_key') return false;
        throw err;
      }
    },
    async list() {
      const rows = await query<WorkshopColumns>('SELECT * FROM workshops ORDER BY created_at, id', []);
      return rows.map(workshopFromColumns);
    },
    async get(id) {
      const [r] = await query<WorkshopColumns>('SELECT * FROM workshops WHERE id = $1', [id]);
      return r && workshopFromColumns(r);
    },
    async findByJoinCode(code) {
      const [r] = await query<WorkshopColumns>('SELECT * FROM workshops WHERE join_code = $1', [code]);
      return r && workshopFromColumns(r);
    },
    async delete(id) {
      await ready;
      return transaction(async (client) => {
        // The workshop row first: this waits for appends in flight (they hold a share lock on it), and
        // the statements after it see what they committed. Its assets, participants and ballots go with
        // it (ON DELETE CASCADE). The deleted rows stay on disk as dead tuples until VACUUM reuses their
        // space (autovacuum, or the DBA's VACUUM FULL to rewrite the files): see docs/decisions.md.
        const result = await client.query('DELETE FROM workshops WHERE id = $1', [id]);
        await client.query('DELETE FROM doc_updates WHERE doc = ANY($1::text[])', [docNamesOf(id)]);
        return (result.rowCount ?? 0) > 0;
      });
    },
    async setRetention(id, retainUntil) {
      await ready;
      const result = await pool.query(
        'UPDATE workshops SET retain_until = $2, updated_at = $3 WHERE id = $1',
        [id, retainUntil, Date.now()],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async expired(now) {
      const rows = await query<{ id: string }>('SELECT id FROM workshops WHERE retain_until <= $1', [now]);
      return rows.map((r) => r.id);
    },
    async load(doc) {
      const rows = await query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc = $1 ORDER BY seq', [
        doc,
      ]);
      return rows.map((r) => toBytes(r.data));
    },
    async append(doc, update) {
      // Resolves once PostgreSQL has committed the row (synchronous_commit stays on).
      await ready;
      const result = await pool.query(APPEND, [doc, workshopIdOfDoc(doc), toBuffer(update)]);
      return (result.rowCount ?? 0) > 0;
    },
    async compact(doc, state) {
      await ready;
      await transaction(async (client) => {
        // One compaction per document at a time, across all processes; appends are not blocked.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, doc]);
        // The workshop row before any update row, in the same order as a deletion takes them (no
        // deadlock); a deleted workshop's log is not rewritten.
        const workshop = await client.query('SELECT 1 FROM workshops WHERE id = $1 FOR KEY SHARE', [
          workshopIdOfDoc(doc),
        ]);
        if (workshop.rowCount === 0) return;
        const { rows } = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM doc_updates WHERE doc = $1 ORDER BY seq',
          [doc],
        );
        // Another process may have appended updates this one has not applied yet: merge them in, so
        // deleting their rows loses nothing. Rows appended after this read stay as they are.
        const merged = new Y.Doc();
        Y.applyUpdate(merged, state);
        const absorbed: string[] = [];
        for (const row of rows) {
          try {
            Y.applyUpdate(merged, toBytes(row.data));
            absorbed.push(row.seq);
          } catch (err) {
            log.error({ room: doc, seq: row.seq, err }, 'kept an unreadable stored update out of compaction');
          }
        }
        const compacted = Y.encodeStateAsUpdate(merged);
        merged.destroy();
        await client.query('DELETE FROM doc_updates WHERE seq = ANY($1::bigint[])', [absorbed]);
        // Nothing is written back when the workshop was deleted meanwhile.
        await client.query(APPEND, [doc, workshopIdOfDoc(doc), toBuffer(compacted)]);
      });
    },
    async putAsset(asset) {
      try {
        await query(
          'INSERT INTO assets (id, workshop_id, mime, bytes, created_at) VALUES ($1, $2, $3, $4, $5)',
          [asset.id, asset.workshopId, asset.mime, asset.bytes, asset.createdAt],
        );
        return true;
      } catch (err) {
        // 23503: the workshop is gone (foreign key).
        if ((err as { code?: string }).code === '23503') return false;
        throw err;
      }
    },
    async getAsset(id) {
      const [r] = await query<{
        id: string;
        workshop_id: string;
        mime: string;
        bytes: Buffer;
        created_at: string;
      }>('SELECT id, workshop_id, mime, bytes, created_at FROM assets WHERE id = $1', [id]);
      return (
        r && {
          id: r.id,
          workshopId: r.workshop_id,
          mime: r.mime,
          bytes: r.bytes,
          createdAt: Number(r.created_at),
        }
      );
    },
    async addParticipant(workshopId, id, secretHash, sessionHash) {
      try {
        // A session that holds a credential gets no other (the unique index on it).
        const rows = await query<{ id: string }>(
          `INSERT INTO participants (workshop_id, id, secret_hash, session_hash, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
          [workshopId, id, secretHash, sessionHash, Date.now()],
        );
        return rows.length > 0 ? 'added' : 'sessionTaken';
      } catch (err) {
        // 23503: the workshop is gone (foreign key).
        if ((err as { code?: string }).code === '23503') return 'noWorkshop';
        throw err;
      }
    },
    async participantBySecretHash(workshopId, secretHash) {
      // Credentials issued before they were bound to a session are not found: their holder asks again.
      const [r] = await query<{ id: string }>(
        `SELECT id FROM participants
         WHERE workshop_id = $1 AND secret_hash = $2 AND session_hash IS NOT NULL`,
        [workshopId, secretHash],
      );
      return r?.id;
    },
    async putBallot(workshopId, participantId, round, ballot) {
      await ready;
      return transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [
          LOCK_NAMESPACE,
          ballotLock(workshopId),
        ]);
        // A statement of its own after the lock: its snapshot sees a count that committed while waiting.
        const result = await client.query(
          `INSERT INTO ballots (workshop_id, participant_id, round, ballot, updated_at)
           SELECT $1, $2, $3, $4, $5
           WHERE EXISTS (SELECT 1 FROM participants WHERE workshop_id = $1 AND id = $2)
             AND NOT EXISTS (SELECT 1 FROM counted_rounds WHERE workshop_id = $1 AND round = $3)
           ON CONFLICT (workshop_id, round, participant_id)
           DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
          [workshopId, participantId, round, JSON.stringify(ballot), Date.now()],
        );
        return (result.rowCount ?? 0) > 0;
      }).catch((err: unknown) => {
        // 23503: the participant went with their workshop meanwhile.
        if ((err as { code?: string }).code === '23503') return false;
        throw err;
      });
    },
    async getBallot(workshopId, participantId, round) {
      const [r] = await query<{ ballot: string }>(
        'SELECT ballot FROM ballots WHERE workshop_id = $1 AND participant_id = $2 AND round = $3',
        [workshopId, participantId, round],
      );
      return r && (JSON.parse(r.ballot) as Ballot);
    },
    async ballots(workshopId, round) {
      const rows = await query<{ ballot: string }>(BOUND_BALLOTS, [workshopId, round]);
      return rows.map((r) => JSON.parse(r.ballot) as Ballot);
    },
    async countRound(workshopId, round) {
      await ready;
      return transaction(async (client) => {
        // Waits for ballots being written to commit; ballots written after it find the round counted.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          LOCK_NAMESPACE,
          ballotLock(workshopId),
        ]);
        await client.query(
          `INSERT INTO counted_rounds (workshop_id, round)
           SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM workshops WHERE id = $1)
           ON CONFLICT DO NOTHING`,
          [workshopId, round],
        );
        const { rows } = await client.query<{ ballot: string }>(BOUND_BALLOTS, [workshopId, round]);
        return rows.map((r) => JSON.parse(r.ballot) as Ballot);
      });
    },
    sizeBytes() {
      return size;
    },
    close() {
      clearInterval(sizeTimer);
      void pool.end().catch((err: unknown) => log.warn({ err }, 'closing the PostgreSQL pool failed'));
    },
  };
}
