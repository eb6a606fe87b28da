import type Database from 'better-sqlite3';
import type { ConnectionStore, LiveConnection } from '../types';

/** The table of participants' open board sockets; created beside the others when the store opens. */
export const CONNECTION_SCHEMA = `
CREATE TABLE IF NOT EXISTS live_connections (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  session_hash BLOB NOT NULL,
  holder TEXT NOT NULL,
  renewed_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS live_connections_session ON live_connections(workshop_id, session_hash);
CREATE INDEX IF NOT EXISTS live_connections_holder ON live_connections(holder);
CREATE INDEX IF NOT EXISTS live_connections_renewed ON live_connections(renewed_at);
`;

/**
 * Open participant sockets in SQLite. `keep` retains every prepared statement for the life of the
 * process (see `sqliteStore.ts`). `purge` forgets a workshop's sockets; the store calls it inside its
 * deletion.
 */
export function sqliteConnections(
  db: Database.Database,
  keep: <T>(handle: T) => T,
): { store: ConnectionStore; purge: (workshopId: string) => void } {
  db.exec(CONNECTION_SCHEMA);
  // Only while the workshop exists, like documents and assets.
  const insert = keep(
    db.prepare<LiveConnection & { now: number }>(
      `INSERT INTO live_connections (id, workshop_id, session_hash, holder, renewed_at)
    SELECT @id, @workshopId, @sessionHash, @holder, @now
    WHERE EXISTS (SELECT 1 FROM workshops WHERE id = @workshopId)`,
    ),
  );
  const remove = keep(db.prepare<[string]>('DELETE FROM live_connections WHERE id = ?'));
  const renew = keep(
    db.prepare<[number, string]>('UPDATE live_connections SET renewed_at = ? WHERE holder = ?'),
  );
  const sweep = keep(db.prepare<[number]>('DELETE FROM live_connections WHERE renewed_at < ?'));
  const removeHolder = keep(db.prepare<[string]>('DELETE FROM live_connections WHERE holder = ?'));
  const removeWorkshop = keep(db.prepare<[string]>('DELETE FROM live_connections WHERE workshop_id = ?'));
  const live = keep(
    db.prepare<[string, Buffer, number], number>(
      `SELECT EXISTS (SELECT 1 FROM live_connections
    WHERE workshop_id = ? AND session_hash = ? AND renewed_at >= ?)`,
    ),
  ).pluck();
  const count = keep(
    db.prepare<[string, number], number>(
      `SELECT count(DISTINCT session_hash) FROM live_connections WHERE workshop_id = ? AND renewed_at >= ?`,
    ),
  ).pluck();
  const renewAndSweep = db.transaction((holder: string, now: number, staleBefore: number) => {
    renew.run(now, holder);
    sweep.run(staleBefore);
  });
  return {
    purge: (workshopId) => void removeWorkshop.run(workshopId),
    store: {
      async openConnection(connection, now) {
        return insert.run({ ...connection, now }).changes > 0;
      },
      async closeConnection(id) {
        remove.run(id);
      },
      async renewConnections(holder, now, staleBefore) {
        renewAndSweep(holder, now, staleBefore);
      },
      async closeConnectionsOf(holder) {
        removeHolder.run(holder);
      },
      async sessionLive(workshopId, sessionHash, since) {
        return live.get(workshopId, sessionHash, since) === 1;
      },
      async liveSessions(workshopId, since) {
        return count.get(workshopId, since) ?? 0;
      },
    },
  };
}
