import type { Logger } from 'pino';
import type { Config } from '../config';
import { openPostgresStore } from './postgres/postgresStore';
import { openSqliteStore } from './sqlite/sqliteStore';
import type { Store } from './types';

/** The store the configuration names: PostgreSQL with `DATABASE_URL`, otherwise SQLite in `DATA_DIR`. */
export function openConfiguredStore(config: Config, log: Logger): Store {
  return config.DATABASE_URL
    ? openPostgresStore(config.DATABASE_URL, log)
    : openSqliteStore(config.DATA_DIR, {
        synchronous: config.SQLITE_SYNCHRONOUS,
        maxMiB: config.SQLITE_MAX_MIB,
      });
}
