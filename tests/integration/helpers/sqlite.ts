import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

interface ReadonlyDb {
  prepare(sql: string): { get(...args: unknown[]): unknown };
  exec(sql: string): void;
  close(): void;
}

/**
 * Handles are kept until the process exits: on Node 24 better-sqlite3 12 aborts when a statement or
 * database is garbage collected outside JavaScript (see docs/decisions.md).
 */
const kept: unknown[] = [];

type Opener = new (file: string, opts: { readonly: boolean }) => ReadonlyDb;

/** better-sqlite3, the server's dependency. */
function opener(): Opener {
  const requireFromServer = createRequire(resolve(import.meta.dirname, '../../../server/package.json'));
  return requireFromServer('better-sqlite3') as Opener;
}

/** Run statements that write on a store's SQLite file (creating it): a store as an older version left it. */
export function writeStoreFile(dataDir: string, sql: string): void {
  const Database = opener();
  const db = new Database(join(dataDir, 'samskapa.sqlite'), { readonly: false });
  kept.push(db);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Run one read-only query on the server's SQLite file (better-sqlite3 is the server's dependency). */
export function queryStoreFile<T>(dataDir: string, sql: string, ...args: unknown[]): T {
  const Database = opener();
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
