import { docName, ExportQuery, inCurrentLayout, workshopExport, WorkshopId } from '@samskapa/shared';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import * as Y from 'yjs';
import { loadConfig, type Config } from './config';
import { factsOf, renderExport, UnknownAreaError } from './export/render';
import { openConfiguredStore } from './store/openStore';
import { SQLITE_FILE } from './store/sqlite/sqliteStore';
import type { Store, UserRow, WorkshopRow } from './store/types';

const USAGE = `Usage: pnpm admin <command>

  list                 every workshop: id, created, deleted on, title
  list --json          the same as JSON, one object per workshop (no secrets)
  owners               every workshop a signed-in facilitator owns: id, owner's e-mail and name, title
  owners --json        the same as JSON, one object per workshop
  transfer <id> <e-mail or user id>
                       make another user the owner of a workshop (they must have signed in once); the
                       former owner no longer has it, co-facilitators stay
  purge <id> [<id>…]   delete workshops now, with both documents and every image
  purge --expired      delete every workshop whose retention date has passed
  export <id> --format json|xlsx|csv|csv-excel|md|svg|png [--area <code>] [--out <file>]
                       a workshop (or one area of it) as a file; to standard output without --out
                       (csv-excel: semicolons, for Excel in Sweden; times in TIME_ZONE)

Uses the server's configuration (DATA_DIR or DATABASE_URL, TIME_ZONE). A running server disconnects
the people in a purged workshop within DELETION_CHECK_MS (30 s), or at their next change.`;

/**
 * Exit codes: 0 done, 1 a workshop to purge or export (or the area to export) did not exist, 2 wrong
 * usage or configuration.
 */
const EXIT = { ok: 0, notFound: 1, usage: 2 } as const;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A title as one safe line: anyone who can reach the server may name a workshop, and control
 * characters (terminal escapes, line breaks) must not reach an administrator's terminal.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const printable = (title: string) => title.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');

function listing(rows: WorkshopRow[], json: boolean): string {
  if (json) {
    return rows
      .map((r) =>
        JSON.stringify({
          id: r.id,
          title: r.title,
          createdAt: new Date(r.createdAt).toISOString(),
          retainUntil: new Date(r.retainUntil).toISOString(),
          state: r.state,
        }),
      )
      .join('\n');
  }
  if (rows.length === 0) return 'No workshops.';
  const lines = rows.map((r) => `${r.id}  ${day(r.createdAt)}  ${day(r.retainUntil)}  ${printable(r.title)}`);
  return [`${'id'.padEnd(16)}  created     deleted on  title`, ...lines].join('\n');
}

function ownerListing(rows: { workshop: WorkshopRow; owner: UserRow }[], json: boolean): string {
  if (json) {
    return rows
      .map(({ workshop, owner }) =>
        JSON.stringify({
          id: workshop.id,
          title: workshop.title,
          owner: { id: owner.id, email: owner.email, name: owner.name },
        }),
      )
      .join('\n');
  }
  if (rows.length === 0) return 'No workshop has an owner (nobody signed in has created one).';
  const lines = rows.map(
    ({ workshop, owner }) =>
      `${workshop.id}  ${printable(owner.email || owner.id)}  ${printable(owner.name)}  ${printable(workshop.title)}`,
  );
  return [`${'id'.padEnd(16)}  owner`, ...lines].join('\n');
}

/** `transfer <workshop id> <e-mail or user id>`. */
async function transferCommand(store: Store, args: string[], out: (line: string) => void): Promise<number> {
  const [id = '', who = ''] = args;
  const workshop = WorkshopId.safeParse(id).success ? await store.get(id) : undefined;
  if (!workshop) {
    out(`no workshop ${printable(id)}`);
    return EXIT.notFound;
  }
  const byId = who.startsWith('u_') ? await store.getUser(who) : undefined;
  const users = byId ? [byId] : await store.usersByEmail(who.trim().toLowerCase());
  if (users.length === 0) {
    out(`no user ${printable(who)} (a user exists once they have signed in)`);
    return EXIT.notFound;
  }
  if (users.length > 1) {
    out(`${users.length} users have the address ${printable(who)}; name one by its id:`);
    for (const user of users) out(`  ${user.id}  ${printable(user.name)}  (${printable(user.issuer)})`);
    return EXIT.usage;
  }
  const user = users[0]!;
  if (!(await store.setOwner(workshop.id, user.id, Date.now()))) {
    out(`no workshop ${printable(id)}`);
    return EXIT.notFound;
  }
  out(`${workshop.id} (${printable(workshop.title)}) is now owned by ${printable(user.email || user.id)}`);
  return EXIT.ok;
}

/** A document as stored: every update of its log applied to a new Y.Doc. */
async function loadDoc(store: Store, id: string, kind: 'board' | 'control'): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await store.load(docName(id, kind))) Y.applyUpdate(doc, update);
  return kind === 'board' ? inCurrentLayout(doc) : doc;
}

/** `export <id> --format … [--area …] [--out …]`, read from the store (no server needed). */
async function exportCommand(
  store: Store,
  timeZone: string,
  args: string[],
  out: (line: string) => void,
  write: (bytes: Buffer) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, area: { type: 'string' }, out: { type: 'string' } },
    });
  } catch (err) {
    out(`${(err as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { positionals, values } = parsed;
  const query = ExportQuery.safeParse({ format: values.format, area: values.area });
  if (positionals.length !== 1 || !query.success) {
    const issue = query.error?.issues[0];
    out(`${issue ? `--${issue.path.join('.')}: ${issue.message}\n\n` : ''}${USAGE}`);
    return EXIT.usage;
  }
  const id = positionals[0]!;
  const row = WorkshopId.safeParse(id).success ? await store.get(id) : undefined;
  if (!row) {
    out(`no workshop ${printable(id)}`);
    return EXIT.notFound;
  }
  const data = workshopExport(
    await loadDoc(store, id, 'board'),
    await loadDoc(store, id, 'control'),
    factsOf(row, timeZone),
    Date.now(),
  );
  try {
    const file = await renderExport(data, query.data.format, query.data.area);
    if (values.out) {
      writeFileSync(values.out, file.body);
      out(`wrote ${values.out} (${file.body.length} bytes)`);
    } else write(file.body);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof UnknownAreaError)) throw err;
    out(printable(err.message));
    return EXIT.notFound;
  }
}

async function run(
  store: Store,
  timeZone: string,
  args: string[],
  out: (line: string) => void,
  write: (bytes: Buffer) => void,
): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'export') return exportCommand(store, timeZone, rest, out, write);
  if (command === 'list' && rest.every((a) => a === '--json')) {
    out(listing(await store.list(), rest.includes('--json')));
    return EXIT.ok;
  }
  if (command === 'owners' && rest.every((a) => a === '--json')) {
    out(ownerListing(await store.owners(), rest.includes('--json')));
    return EXIT.ok;
  }
  if (command === 'transfer' && rest.length === 2) return transferCommand(store, rest, out);
  if (command === 'purge' && rest.length === 1 && rest[0] === '--expired') {
    const expired = await store.expired(Date.now());
    for (const id of expired) if (await store.delete(id)) out(`purged ${id}`);
    out(`${expired.length} expired workshop(s) purged.`);
    return EXIT.ok;
  }
  if (command === 'purge' && rest.length > 0 && !rest.some((a) => a.startsWith('-'))) {
    let missing = 0;
    for (const id of rest) {
      if (await store.delete(id)) out(`purged ${id}`);
      else {
        out(`no workshop ${id}`);
        missing++;
      }
    }
    return missing > 0 ? EXIT.notFound : EXIT.ok;
  }
  out(USAGE);
  return EXIT.usage;
}

/** The store the server uses; never a new, empty SQLite file because DATA_DIR was mistyped. */
function openStore(config: Config): Store {
  if (!config.DATABASE_URL && !existsSync(join(config.DATA_DIR, SQLITE_FILE))) {
    throw new Error(`no Samskapa database in ${resolve(config.DATA_DIR)} (set DATA_DIR or DATABASE_URL)`);
  }
  // Only errors are worth a line on an administrator's terminal.
  return openConfiguredStore(config, pino({ level: 'error' }));
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(EXIT.usage);
}
let store: Store;
try {
  store = openStore(config);
} catch (err) {
  console.error((err as Error).message);
  process.exit(EXIT.usage);
}
try {
  const args = process.argv.slice(2);
  // An export without --out is the file itself on standard output: messages go to standard error then.
  const toStdout =
    args[0] === 'export' && !args.includes('--out') && !args.some((a) => a.startsWith('--out='));
  process.exitCode = await run(
    store,
    config.TIME_ZONE,
    args,
    (line) => (toStdout ? process.stderr : process.stdout).write(`${line}\n`),
    (bytes) => process.stdout.write(bytes),
  );
} catch (err) {
  console.error(`failed: ${(err as Error).message}`);
  process.exitCode = EXIT.usage;
} finally {
  store.close();
}
