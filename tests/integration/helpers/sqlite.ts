import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

interface ReadonlyDb {
  prepare(sql: string): { get(...args: unknown[]): unknown };
  close(): void;
}

/**
 * Handles are kept until the process exits: on Node 24 better-sqlite3 12 aborts when a statement or
 * database is garbage collected outside JavaScript (see docs/decisions.md).
 */
const kept: unknown[] = [];

/** Run one read-only query on the server's SQLite file (better-sqlite3 is the server's dependency). */
export function queryStoreFile<T>(dataDir: string, sql: string, ...args: unknown[]): T {
  const requireFromServer = createRequire(resolve(import.meta.dirname, '../../../server/package.json'));
  const Database = requireFromServer('better-sqlite3') as new (
    file: string,
    opts: { readonly: boolean },
  ) => ReadonlyDb;
  const db = new Database(join(dataDir, 'samskapa.sqlite'), { readonly: true });
  kept.push(db);
  try {
    const statement = db.prepare(sql);
    kept.push(statement);
    return statement.get(...args) as T;
  } finally {
    db.close();
  }
}
