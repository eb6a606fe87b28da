import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, setNote, createWorkshop, notes, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

describe('two official y-websocket clients on one board', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('see each other’s notes, and a participant joining late receives everything', async () => {
    const w = await createWorkshop(server);
    const facilitator = connect(server, w.id, 'board', w.facilitatorToken);
    const participant = connect(server, w.id, 'board', w.participantToken);
    clients.push(facilitator, participant);
    await Promise.all([synced(facilitator), synced(participant)]);

    setNote(facilitator.doc, 'n1', 'Vad har fungerat bra?');
    setNote(participant.doc, 'n2', 'Tydliga mål');
    // Concurrent edits of the same key must converge to one value on both sides.
    setNote(facilitator.doc, 'n3', 'från facilitatorn');
    setNote(participant.doc, 'n3', 'från deltagaren');

    await waitFor(
      () =>
        JSON.stringify(notes(facilitator.doc)) === JSON.stringify(notes(participant.doc)) &&
        Object.keys(notes(facilitator.doc)).length === 3,
      'both clients show the same three notes',
    );

    const late = connect(server, w.id, 'board', w.participantToken);
    clients.push(late);
    await synced(late);
    await waitFor(() => Object.keys(notes(late.doc)).length === 3, 'late joiner has three notes');
    expect(notes(late.doc)).toEqual(notes(facilitator.doc));
    expect(notes(late.doc)['n1']).toBe('Vad har fungerat bra?');
  });

  it('shares presence (awareness) between clients and removes it when a client leaves', async () => {
    const w = await createWorkshop(server);
    const a = connect(server, w.id, 'board', w.participantToken);
    const b = connect(server, w.id, 'board', w.participantToken);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Anna', color: '#d00' });
    await waitFor(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Anna',
        ),
      'b sees Anna',
    );
    a.provider.disconnect();
    await waitFor(
      () => !b.provider.awareness.getStates().has(a.doc.clientID),
      'Anna disappears from b once she leaves',
    );
  });
});
