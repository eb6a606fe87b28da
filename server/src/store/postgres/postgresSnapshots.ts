import type pg from 'pg';
import type { SnapshotStore } from '../types';

/**
 * The snapshot table. Snapshots go with their workshop (ON DELETE CASCADE, in the statement that
 * deletes its row), and one racing its deletion fails instead of leaving an orphan.
 */
export const SNAPSHOT_SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  notes INTEGER NOT NULL,
  board BYTEA NOT NULL,
  control BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_workshop ON snapshots(workshop_id, created_at);
`;

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Snapshots in PostgreSQL, through the store's own query and transaction helpers. */
export function postgresSnapshots(
  query: <R extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<R[]>,
  transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
): SnapshotStore {
  return {
    async putSnapshot(row, keep) {
      try {
        return await transaction(async (client) => {
          await client.query(
            `INSERT INTO snapshots (id, workshop_id, name, created_at, notes, board, control)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              row.id,
              row.workshopId,
              row.name,
              row.createdAt,
              row.notes,
              toBuffer(row.board),
              toBuffer(row.control),
            ],
          );
          await client.query(
            `DELETE FROM snapshots WHERE workshop_id = $1 AND id NOT IN (
               SELECT id FROM snapshots WHERE workshop_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)`,
            [row.workshopId, keep],
          );
          return true;
        });
      } catch (err) {
        // 23503: the workshop is gone (foreign key).
        if ((err as { code?: string }).code === '23503') return false;
        throw err;
      }
    },
    async listSnapshots(workshopId) {
      const rows = await query<{
        id: string;
        workshop_id: string;
        name: string;
        created_at: string;
        notes: number;
      }>(
        `SELECT id, workshop_id, name, created_at, notes FROM snapshots WHERE workshop_id = $1
         ORDER BY created_at DESC, id DESC`,
        [workshopId],
      );
      return rows.map((r) => ({
        id: r.id,
        workshopId: r.workshop_id,
        name: r.name,
        createdAt: Number(r.created_at),
        notes: r.notes,
      }));
    },
    async getSnapshot(workshopId, id) {
      const [r] = await query<{
        id: string;
        workshop_id: string;
        name: string;
        created_at: string;
        notes: number;
        board: Buffer;
        control: Buffer;
      }>('SELECT * FROM snapshots WHERE workshop_id = $1 AND id = $2', [workshopId, id]);
      return (
        r && {
          id: r.id,
          workshopId: r.workshop_id,
          name: r.name,
          createdAt: Number(r.created_at),
          notes: r.notes,
          board: toBytes(r.board),
          control: toBytes(r.control),
        }
      );
    },
  };
}
