import type Database from 'better-sqlite3';
import type { SnapshotRow, SnapshotStore } from '../types';

/** The snapshot table; created beside the others when the store opens. */
export const SNAPSHOT_SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  notes INTEGER NOT NULL,
  board BLOB NOT NULL,
  control BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_workshop ON snapshots(workshop_id, created_at);
`;

type Columns = {
  id: string;
  workshop_id: string;
  name: string;
  created_at: number;
  notes: number;
  board: Buffer;
  control: Buffer;
};

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * Snapshots in SQLite. `keep` retains every prepared statement for the life of the process (see
 * `sqliteStore.ts`). `purge` deletes a workshop's snapshots; the store calls it inside its deletion.
 */
export function sqliteSnapshots(
  db: Database.Database,
  keep: <T>(handle: T) => T,
): { store: SnapshotStore; purge: (workshopId: string) => void } {
  db.exec(SNAPSHOT_SCHEMA);
  // Only while the workshop exists, like documents and assets: a snapshot racing its deletion stores nothing.
  const insert = keep(
    db.prepare<SnapshotRow>(
      `INSERT INTO snapshots (id, workshop_id, name, created_at, notes, board, control)
    SELECT @id, @workshopId, @name, @createdAt, @notes, @board, @control
    WHERE EXISTS (SELECT 1 FROM workshops WHERE id = @workshopId)`,
    ),
  );
  const trim = keep(
    db.prepare<{ workshopId: string; keep: number }>(
      `DELETE FROM snapshots WHERE workshop_id = @workshopId AND id NOT IN (
    SELECT id FROM snapshots WHERE workshop_id = @workshopId ORDER BY created_at DESC, rowid DESC LIMIT @keep)`,
    ),
  );
  const list = keep(
    db.prepare<[string], Omit<Columns, 'board' | 'control'>>(
      `SELECT id, workshop_id, name, created_at, notes FROM snapshots WHERE workshop_id = ?
    ORDER BY created_at DESC, rowid DESC`,
    ),
  );
  const select = keep(
    db.prepare<[string, string], Columns>('SELECT * FROM snapshots WHERE workshop_id = ? AND id = ?'),
  );
  const remove = keep(db.prepare<[string]>('DELETE FROM snapshots WHERE workshop_id = ?'));
  const put = db.transaction((row: SnapshotRow, keepNewest: number) => {
    const stored = insert.run(row).changes > 0;
    if (stored) trim.run({ workshopId: row.workshopId, keep: keepNewest });
    return stored;
  });
  return {
    purge: (workshopId) => void remove.run(workshopId),
    store: {
      async putSnapshot(row, keepNewest) {
        return put(row, keepNewest);
      },
      async listSnapshots(workshopId) {
        return list.all(workshopId).map((r) => ({
          id: r.id,
          workshopId: r.workshop_id,
          name: r.name,
          createdAt: r.created_at,
          notes: r.notes,
        }));
      },
      async getSnapshot(workshopId, id) {
        const r = select.get(workshopId, id);
        return (
          r && {
            id: r.id,
            workshopId: r.workshop_id,
            name: r.name,
            createdAt: r.created_at,
            notes: r.notes,
            board: bytes(r.board),
            control: bytes(r.control),
          }
        );
      },
    },
  };
}
