import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect, setNote, createWorkshop, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

type Cursor = { cursor?: { x: number } };

describe('presence is merged per room and not sent to those who do not use it', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { AWARENESS_FLUSH_MS: '100' } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('a burst of cursor moves reaches the others as a few merged messages ending at the last position', async () => {
    const w = await createWorkshop(server);
    const mover = connect(server, w.id, 'board', w.participantToken);
    const watcher = connect(server, w.id, 'board', w.participantToken);
    clients.push(mover, watcher);
    await Promise.all([synced(mover), synced(watcher)]);
    watcher.provider.awareness.setLocalStateField('user', { name: 'Watcher' });
    await waitFor(() => mover.provider.awareness.getStates().has(watcher.doc.clientID), 'mover sees watcher');

    let changes = 0;
    watcher.provider.awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(mover.doc.clientID)) changes++;
    });
    for (let x = 1; x <= 100; x++) {
      mover.provider.awareness.setLocalStateField('cursor', { x });
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitFor(
      () => (watcher.provider.awareness.getStates().get(mover.doc.clientID) as Cursor)?.cursor?.x === 100,
      'watcher sees the last cursor position',
    );
    // 100 moves in well under a second, flushed every 100 ms.
    expect(changes).toBeLessThan(30);
  });

  it('a client that never sends presence (a phone) gets notes but no presence traffic', async () => {
    const w = await createWorkshop(server);
    const laptop = connect(server, w.id, 'board', w.participantToken);
    clients.push(laptop);
    await synced(laptop);
    const phone = new WebSocket(`${server.ws}/${w.id}/board?token=${w.participantToken}`);
    const received: number[] = [];
    phone.on('message', (data: Buffer) => received.push(data[0]!));
    await new Promise((r) => phone.once('open', r));
    for (let x = 0; x < 20; x++) {
      laptop.provider.awareness.setLocalStateField('cursor', { x });
      await new Promise((r) => setTimeout(r, 20));
    }
    setNote(laptop.doc, 'n', 'en lapp');
    await waitFor(
      () => received.filter((t) => t === 0).length >= 2,
      'the phone receives sync step 1 and the note',
    );
    expect(received.filter((t) => t === 1)).toEqual([]);
    phone.close();
  });
});
