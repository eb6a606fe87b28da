import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, setNote, createWorkshop, notes, synced, waitFor, type Client } from './helpers/clients';
import { ROOT, startServer, type RunningServer } from './helpers/server';
import { queryStoreFile } from './helpers/sqlite';

/** `pnpm admin …` as an administrator runs it, against the data directory of `server`. */
function admin(server: RunningServer, ...args: string[]): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

let server: RunningServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ env: { DELETION_CHECK_MS: '200' } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

describe('the admin command (pnpm admin)', () => {
  it('lists workshops without secrets, purges one while people are in it, and says when there is none', async () => {
    const doomed = await createWorkshop(server, 'Referensgrupp Nära vård');
    const kept = await createWorkshop(server, 'Strategiworkshop\u001b[2J fokusområde A\nfalsk rad');
    const writer = connect(server, doomed.id, 'board', doomed.participantToken);
    const other = connect(server, kept.id, 'board', kept.participantToken);
    clients.push(writer, other);
    await Promise.all([synced(writer), synced(other)]);
    setNote(writer.doc, 'n1', 'Mötesplatser i länet');
    setNote(other.doc, 'n1', 'Kvar efter rensningen');
    await waitFor(
      () => queryStoreFile<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM doc_updates').n >= 2,
      'both notes are stored',
    );

    const listed = admin(server, 'list');
    expect(listed.code).toBe(0);
    for (const w of [doomed, kept]) expect(listed.out).toContain(w.id);
    expect(listed.out).toContain(doomed.title);
    // A title cannot clear the administrator's screen or forge a line of the listing.
    expect(listed.out).toContain('Strategiworkshop�[2J fokusområde A�falsk rad');
    expect(listed.out.trim().split('\n')).toHaveLength(3);
    for (const secret of [doomed.facilitatorToken, doomed.participantToken, doomed.joinCode]) {
      expect(listed.out).not.toContain(secret);
    }
    const json = admin(server, 'list', '--json');
    expect(
      json.out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string }),
    ).toMatchObject([
      { id: doomed.id, title: doomed.title, state: 'open' },
      { id: kept.id, title: kept.title },
    ]);

    const purged = admin(server, 'purge', doomed.id);
    expect(purged).toEqual({ code: 0, out: `purged ${doomed.id}\n` });
    // The running server notices and sends the people in it away with "no such workshop".
    await waitFor(() => writer.closedFor?.code === 4404, 'the participant is told the workshop is gone');
    const stored = queryStoreFile<{ n: number }>(
      server.dataDir,
      'SELECT count(*) AS n FROM doc_updates WHERE doc LIKE ?',
      `${doomed.id}/%`,
    );
    expect(stored.n).toBe(0);
    expect((await fetch(`${server.http}/api/join/${doomed.joinCode}`)).status).toBe(404);

    // The other workshop goes on as before.
    setNote(other.doc, 'n2', 'Ny idé');
    const fresh = connect(server, kept.id, 'board', kept.participantToken);
    clients.push(fresh);
    await waitFor(() => notes(fresh.doc).n2 === 'Ny idé', 'the other workshop still syncs');
    expect(other.closedFor).toBeNull();

    expect(admin(server, 'purge', doomed.id)).toEqual({ code: 1, out: `no workshop ${doomed.id}\n` });
    expect(admin(server, 'list').out).not.toContain(doomed.id);
  });

  it('purges every workshop past its retention date, and explains its usage', async () => {
    const expiring = await startServer({ env: { RETENTION_DAYS: '0' } });
    try {
      const w = await createWorkshop(expiring, 'Framtidsverkstad');
      const result = admin(expiring, 'purge', '--expired');
      expect(result.code).toBe(0);
      expect(result.out).toContain(`purged ${w.id}`);
      expect(admin(expiring, 'list').out).toBe('No workshops.\n');
    } finally {
      await expiring.stop();
    }
    const usage = admin(server, 'remove', 'everything');
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('Usage: pnpm admin');
    // A mistyped DATA_DIR is an error, not an empty list (and no empty database is created there).
    const mistyped = admin({ ...server, dataDir: join(server.dataDir, 'finns-inte') }, 'list');
    expect(mistyped.code).toBe(2);
    expect(mistyped.out).toContain('no Samskapa database in');
    expect(existsSync(join(server.dataDir, 'finns-inte'))).toBe(false);
  });
});
