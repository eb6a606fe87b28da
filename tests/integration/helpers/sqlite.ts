import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

interface ReadonlyDb {
  prepare(sql: string): { get(...args: unknown[]): unknown };
  close(): void;
}

/** Run one read-only query on the server's SQLite file (better-sqlite3 is the server's dependency). */
export function queryStoreFile<T>(dataDir: string, sql: string, ...args: unknown[]): T {
  const requireFromServer = createRequire(resolve(import.meta.dirname, '../../../server/package.json'));
  const Database = requireFromServer('better-sqlite3') as new (
    file: string,
    opts: { readonly: boolean },
  ) => ReadonlyDb;
  const db = new Database(join(dataDir, 'samskapa.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}
