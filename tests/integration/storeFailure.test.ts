import { CloseCode, MAX_NOTE_TEXT } from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, notes, setNote, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

/** Notes of the one large update: 1.2 MB of text (in one message, below its 2 MiB limit). */
const HUGE_NOTES = 600;
const hugeNotes = (c: Client) => Object.entries(notes(c.doc)).filter(([key]) => key.startsWith('huge-'));

describe('when the store refuses a write (database full)', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    // A 1 MiB quota makes SQLite fail exactly as on a full disk (SQLITE_FULL).
    server = await startServer({ env: { SQLITE_MAX_MIB: '1' } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('the writer is told, the others never see the change, the server stays up and keeps what it had', async () => {
    const w = await createWorkshop(server);
    const writer = connect(server, w.id, 'board', w.participantToken);
    const other = connect(server, w.id, 'board', w.participantToken);
    clients.push(writer, other);
    await Promise.all([synced(writer), synced(other)]);
    setNote(writer.doc, 'first', 'sparad');
    await waitFor(() => notes(other.doc)['first'] === 'sparad', 'the first note is shared');

    // 1.2 MB of notes, each as long as a note may be, cannot fit in a 1 MiB database.
    writer.doc.transact(() => {
      for (let i = 0; i < HUGE_NOTES; i++) setNote(writer.doc, `huge-${i}`, 'x'.repeat(MAX_NOTE_TEXT));
    });
    await waitFor(() => writer.closes.includes(CloseCode.storeFailed), 'the writer is told with 4500');
    await new Promise((r) => setTimeout(r, 500));
    expect(hugeNotes(other)).toEqual([]);
    expect(other.provider.wsconnected).toBe(true);
    // The writer keeps its change locally and keeps trying (4500 is not final).
    expect(writer.closedFor).toBeNull();
    expect(hugeNotes(writer)).toHaveLength(HUGE_NOTES);
    expect(hugeNotes(writer).every(([, text]) => text.length === MAX_NOTE_TEXT)).toBe(true);

    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);
    const fresh = connect(server, w.id, 'board', w.viewerToken);
    clients.push(fresh);
    await synced(fresh);
    await waitFor(() => notes(fresh.doc)['first'] === 'sparad', 'what was stored is still served');
    expect(hugeNotes(fresh)).toEqual([]);
    expect(server.output.join('\n')).toContain('could not store an update');
  });
});
