import type pg from 'pg';
import type { ConnectionStore } from '../types';

/**
 * The table of participants' open board sockets, shared by every process. Rows go with their workshop
 * (ON DELETE CASCADE), and a socket registered while its workshop is deleted fails instead of staying.
 */
export const CONNECTION_SCHEMA = `
CREATE TABLE IF NOT EXISTS live_connections (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  session_hash BYTEA NOT NULL,
  holder TEXT NOT NULL,
  renewed_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS live_connections_session ON live_connections(workshop_id, session_hash);
CREATE INDEX IF NOT EXISTS live_connections_holder ON live_connections(holder);
CREATE INDEX IF NOT EXISTS live_connections_renewed ON live_connections(renewed_at);
`;

/** Open participant sockets in PostgreSQL, through the store's own query helper. */
export function postgresConnections(
  query: <R extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<R[]>,
): ConnectionStore {
  return {
    async openConnection(c, now) {
      try {
        await query(
          `INSERT INTO live_connections (id, workshop_id, session_hash, holder, renewed_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [c.id, c.workshopId, c.sessionHash, c.holder, now],
        );
        return true;
      } catch (err) {
        // 23503: the workshop is gone (foreign key).
        if ((err as { code?: string }).code === '23503') return false;
        throw err;
      }
    },
    async closeConnection(id) {
      await query('DELETE FROM live_connections WHERE id = $1', [id]);
    },
    async renewConnections(holder, now, staleBefore) {
      await query('UPDATE live_connections SET renewed_at = $2 WHERE holder = $1', [holder, now]);
      await query('DELETE FROM live_connections WHERE renewed_at < $1', [staleBefore]);
    },
    async closeConnectionsOf(holder) {
      await query('DELETE FROM live_connections WHERE holder = $1', [holder]);
    },
    async sessionLive(workshopId, sessionHash, since) {
      const rows = await query<{ live: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM live_connections
           WHERE workshop_id = $1 AND session_hash = $2 AND renewed_at >= $3) AS live`,
        [workshopId, sessionHash, since],
      );
      return rows[0]?.live === true;
    },
    async liveSessions(workshopId, since) {
      const rows = await query<{ n: string }>(
        `SELECT count(DISTINCT session_hash) AS n FROM live_connections
         WHERE workshop_id = $1 AND renewed_at >= $2`,
        [workshopId, since],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
