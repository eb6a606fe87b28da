import { CloseCode } from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, setNote, createWorkshop, notes, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('roles are enforced by the server', () => {
  let server: RunningServer;
  const clients: Client[] = [];
  const open = (...args: Parameters<typeof connect>) => {
    const c = connect(...args);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('a viewer’s local edit never reaches the others, even after it reconnects', async () => {
    const w = await createWorkshop(server);
    const facilitator = open(server, w.id, 'board', w.facilitatorToken);
    const viewer = open(server, w.id, 'board', w.viewerToken);
    await Promise.all([synced(facilitator), synced(viewer)]);

    setNote(facilitator.doc, 'n1', 'synlig för alla');
    await waitFor(
      () => notes(viewer.doc)['n1'] === 'synlig för alla',
      'viewer receives the facilitator note',
    );

    setNote(viewer.doc, 'hack', 'från åskådaren');
    viewer.provider.disconnect();
    viewer.provider.connect();
    await synced(viewer);
    // A marker written after the viewer's reconnect proves the facilitator has seen everything sent before it.
    setNote(facilitator.doc, 'marker', 'efter');
    await waitFor(() => notes(viewer.doc)['marker'] === 'efter', 'viewer still receives updates');
    const fresh = open(server, w.id, 'board', w.facilitatorToken);
    await synced(fresh);
    await waitFor(() => notes(fresh.doc)['marker'] === 'efter', 'fresh client is up to date');
    expect(notes(facilitator.doc)['hack']).toBeUndefined();
    expect(notes(fresh.doc)['hack']).toBeUndefined();
  });

  it('a participant cannot change the control document but reads it', async () => {
    const w = await createWorkshop(server);
    const facilitator = open(server, w.id, 'control', w.facilitatorToken);
    const participant = open(server, w.id, 'control', w.participantToken);
    await Promise.all([synced(facilitator), synced(participant)]);

    participant.doc.getMap('timer').set('paused', true);
    facilitator.doc.getMap('timer').set('endsAt', 600);
    await waitFor(
      () => participant.doc.getMap('timer').get('endsAt') === 600,
      'the participant sees the facilitator’s timer',
    );
    const fresh = open(server, w.id, 'control', w.viewerToken);
    await synced(fresh);
    await waitFor(() => fresh.doc.getMap('timer').get('endsAt') === 600, 'a fresh client sees the timer');
    expect(fresh.doc.getMap('timer').get('paused')).toBeUndefined();
    expect(facilitator.doc.getMap('timer').get('paused')).toBeUndefined();
  });

  it('a participant can write the board', async () => {
    const w = await createWorkshop(server);
    const participant = open(server, w.id, 'board', w.participantToken);
    const viewer = open(server, w.id, 'board', w.viewerToken);
    await Promise.all([synced(participant), synced(viewer)]);
    setNote(participant.doc, 'idea', 'Fler möten');
    await waitFor(() => notes(viewer.doc)['idea'] === 'Fler möten', 'the viewer sees the participant note');
  });

  it('a wrong token gets 4401 and the client stops reconnecting', async () => {
    const w = await createWorkshop(server);
    const intruder = open(server, w.id, 'board', 'not-a-token');
    await waitFor(() => intruder.closedFor !== null, 'the client gives up');
    expect(intruder.closedFor?.code).toBe(CloseCode.unauthorized);
    await sleep(1500);
    expect(intruder.closes).toEqual([CloseCode.unauthorized]);
    expect(intruder.provider.wsconnected).toBe(false);
  });

  it('a token of another workshop gets 4401, an unknown workshop 4404', async () => {
    const a = await createWorkshop(server);
    const b = await createWorkshop(server);
    const crossed = open(server, b.id, 'board', a.facilitatorToken);
    const missing = open(server, 'AAAAAAAAAAAAAAAA', 'board', a.facilitatorToken);
    await waitFor(() => crossed.closedFor !== null && missing.closedFor !== null, 'both give up');
    expect(crossed.closedFor?.code).toBe(CloseCode.unauthorized);
    expect(missing.closedFor?.code).toBe(CloseCode.notFound);
  });
});
