import { connect as tcpConnect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connect,
  createWorkshop,
  notes,
  setNote,
  synced,
  waitFor,
  writeContinuously,
  type Client,
} from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import { queryStoreFile } from './helpers/sqlite';

/** Rows the server's SQLite file holds for a workshop. */
function storedRows(dataDir: string, workshopId: string): { updates: number; workshops: number } {
  const count = (sql: string, arg: string) => queryStoreFile<{ n: number }>(dataDir, sql, arg).n;
  return {
    updates: count('SELECT count(*) AS n FROM doc_updates WHERE doc LIKE ?', `${workshopId}/%`),
    workshops: count('SELECT count(*) AS n FROM workshops WHERE id = ?', workshopId),
  };
}

describe('every accepted change survives restarts and crashes', () => {
  const clients: Client[] = [];
  const servers: RunningServer[] = [];
  const open = (...args: Parameters<typeof connect>) => {
    const c = connect(...args);
    clients.push(c);
    return c;
  };
  const start = async (...args: Parameters<typeof startServer>) => {
    const s = await startServer(...args);
    servers.push(s);
    return s;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) await s.kill9();
  });

  it('after a graceful restart every document comes back', async () => {
    const first = await start({ env: { COMPACT_AFTER_UPDATES: '25' } });
    const w = await createWorkshop(first);
    const board = open(first, w.id, 'board', w.participantToken);
    const control = open(first, w.id, 'control', w.facilitatorToken);
    await Promise.all([synced(board), synced(control)]);
    for (let i = 0; i < 100; i++) setNote(board.doc, `n${i}`, `idé ${i}`);
    control.doc.getMap('agenda').set('current', 'Gruppdiskussion');
    const check = open(first, w.id, 'board', w.viewerToken);
    await synced(check);
    await waitFor(() => Object.keys(notes(check.doc)).length === 100, 'server has all 100 notes');
    for (const c of clients.splice(0)) c.destroy();

    expect(await first.stop()).toBe(0);
    expect(first.output.join('\n')).toContain('persisting every room');

    const second = await start({ dataDir: first.dataDir, port: first.port });
    const board2 = open(second, w.id, 'board', w.viewerToken);
    const control2 = open(second, w.id, 'control', w.viewerToken);
    await Promise.all([synced(board2), synced(control2)]);
    await waitFor(() => Object.keys(notes(board2.doc)).length === 100, 'all notes are back');
    expect(notes(board2.doc)['n99']).toBe('idé 99');
    await waitFor(() => control2.doc.getMap('agenda').get('current') === 'Gruppdiskussion', 'agenda is back');
    // The tokens handed out before the restart still work.
    const joined = await fetch(`${second.http}/api/join/${w.joinCode}`);
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as { participantToken: string }).participantToken).toBe(w.participantToken);
  });

  it('kill -9 while clients write: after they reconnect every write is on the server and on a fresh client', async () => {
    const first = await start();
    const w = await createWorkshop(first);
    const writers = [0, 1, 2].map(() => open(first, w.id, 'board', w.participantToken));
    await Promise.all(writers.map(synced));

    const writing = writeContinuously(writers);
    await waitFor(() => writing.written() > 50, 'clients have written for a while');
    await first.kill9();
    // Writes go on while the server is down; they must not be lost either.
    await new Promise((r) => setTimeout(r, 300));
    const second = await start({ dataDir: first.dataDir, port: first.port });
    await new Promise((r) => setTimeout(r, 300));
    const expected = (await writing.stop()) * writers.length;

    await waitFor(
      () => writers.every((c) => c.provider.wsconnected && c.provider.synced),
      'writers reconnect to the restarted server',
    );
    const fresh = open(second, w.id, 'board', w.viewerToken);
    await synced(fresh);
    await waitFor(
      () => Object.keys(notes(fresh.doc)).length === expected,
      `a fresh client sees all ${expected} writes`,
    );

    // And they are on disk: a second crash and restart still has them all.
    for (const c of clients.splice(0)) c.destroy();
    await second.kill9();
    const third = await start({ dataDir: first.dataDir, port: first.port });
    const afterCrash = open(third, w.id, 'board', w.viewerToken);
    await synced(afterCrash);
    await waitFor(
      () => Object.keys(notes(afterCrash.doc)).length === expected,
      `after another crash all ${expected} writes are stored`,
    );
  });

  it('kill -9 right after another client saw a note: the note is stored though its writer is gone', async () => {
    const first = await start();
    const w = await createWorkshop(first);
    const writer = open(first, w.id, 'board', w.participantToken);
    const observer = open(first, w.id, 'board', w.viewerToken);
    await Promise.all([synced(writer), synced(observer)]);
    for (let i = 0; i < 20; i++) setNote(writer.doc, `n${i}`, `lapp ${i}`);
    await waitFor(() => Object.keys(notes(observer.doc)).length === 20, 'the observer sees 20 notes');
    // The writer leaves for good: it cannot resend anything after the crash.
    writer.destroy();
    await first.kill9();
    const second = await start({ dataDir: first.dataDir, port: first.port });
    const fresh = open(second, w.id, 'board', w.viewerToken);
    await synced(fresh);
    await waitFor(() => Object.keys(notes(fresh.doc)).length === 20, 'all 20 notes were on disk');
  });

  it('a deleted workshop leaves nothing in the database, even after its sockets have closed', async () => {
    const server = await start({ env: { ROOM_IDLE_UNLOAD_MS: '100' } });
    const w = await createWorkshop(server);
    const c = open(server, w.id, 'board', w.participantToken);
    await synced(c);
    setNote(c.doc, 'personligt', 'uppgifter som ska raderas');
    const viewer = open(server, w.id, 'board', w.viewerToken);
    await synced(viewer);
    await waitFor(() => notes(viewer.doc)['personligt'] !== undefined, 'stored');
    expect(storedRows(server.dataDir, w.id).updates).toBeGreaterThan(0);
    const res = await fetch(`${server.http}/api/workshops/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(res.status).toBe(204);
    await waitFor(() => c.closedFor !== null && viewer.closedFor !== null, 'everyone is told');
    // Longer than the idle unload: nothing may be written back by a closing room.
    await new Promise((r) => setTimeout(r, 1000));
    expect(storedRows(server.dataDir, w.id)).toEqual({ updates: 0, workshops: 0 });
  });

  it('shutting down with a client that never answers still stores everything and exits cleanly', async () => {
    const server = await start();
    const w = await createWorkshop(server);
    const c = open(server, w.id, 'board', w.participantToken);
    await synced(c);
    setNote(c.doc, 'kvar', 'finns kvar');
    // A phone that left the network: it opened a socket and never reads or answers again.
    const phone = tcpConnect(server.port, '127.0.0.1');
    await new Promise((r) => phone.once('connect', r));
    phone.write(
      `GET /sync/${w.id}/board?token=${w.participantToken} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise((r) => setTimeout(r, 300));
    phone.pause();
    const viewer = open(server, w.id, 'board', w.viewerToken);
    await synced(viewer);
    await waitFor(() => notes(viewer.doc)['kvar'] === 'finns kvar', 'stored');
    const started = Date.now();
    expect(await server.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(server.output.join('\n')).not.toContain('shutdown took longer');
    phone.destroy();
    // Each of the two docs (board and control) compacted to one row at shutdown.
    expect(storedRows(server.dataDir, w.id).updates).toBe(2);
  });

  it('an idle room is unloaded and loads again with its content', async () => {
    const server = await start({ env: { ROOM_IDLE_UNLOAD_MS: '200' } });
    const w = await createWorkshop(server);
    const a = open(server, w.id, 'board', w.participantToken);
    await synced(a);
    setNote(a.doc, 'kvar', 'finns kvar');
    const b = open(server, w.id, 'board', w.viewerToken);
    await synced(b);
    await waitFor(() => notes(b.doc)['kvar'] === 'finns kvar', 'stored');
    for (const c of clients.splice(0)) c.destroy();
    const rooms = async () => {
      const text = await (await fetch(`${server.http}/metrics`)).text();
      return Number(/^samskapa_rooms (\d+)$/m.exec(text)?.[1]);
    };
    const deadline = Date.now() + 10_000;
    while ((await rooms()) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await rooms()).toBe(0);
    const c = open(server, w.id, 'board', w.viewerToken);
    await synced(c);
    await waitFor(() => notes(c.doc)['kvar'] === 'finns kvar', 'content is back after unloading');
  });
});
