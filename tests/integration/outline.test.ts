import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, parseWorkshopOutline, readBoardDoc, type CreateWorkshopResponse } from '@samskapa/shared';
import { connect, createWorkshop, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

// GET /api/workshops/:id/outline: what a cold phone's first form is built from (issue 15).

let server: RunningServer;
let workshop: CreateWorkshopResponse;
let participant: Client;

const outline = (token: string, id = workshop.id) =>
  fetch(`${server.http}/api/workshops/${id}/outline`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  server = await startServer();
  workshop = await createWorkshop(server, 'Referensgruppsmöte', 'referensgrupp');
  participant = connect(server, workshop.id, 'board', workshop.participantToken);
  await synced(participant);
});
afterAll(async () => {
  participant.destroy();
  await server.stop();
});

describe('the outline of a workshop', () => {
  it('lists the areas open for notes in reading order with their counts, never reference areas', async () => {
    const board = readBoardDoc(participant.doc);
    const open = board.areas.filter((area) => area.kind !== 'reference');
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(board.areas.length); // the template has reference areas too
    const target = open[0]!;
    const author = { authorId: 'p1', author: 'Pia', now: Date.now(), pageName: 'Tavla' };
    addNote(participant.doc, { ...author, text: 'I ett område', areaId: target.id });
    addNote(participant.doc, { ...author, text: 'Utan område', areaId: null });
    addNote(participant.doc, { ...author, text: 'Också utan', areaId: null });

    // Once the server has them (a second official client sees them), the outline counts them.
    const check = connect(server, workshop.id, 'board', workshop.viewerToken);
    await synced(check);
    await waitFor(
      () => readBoardDoc(check.doc).notes.length === board.notes.length + 3,
      'the server has the notes',
    );
    check.destroy();

    const res = await outline(workshop.participantToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const latest = parseWorkshopOutline(await res.json());
    expect(latest).not.toBeNull();
    expect(latest!.title).toBe('Referensgruppsmöte');
    expect(latest!.areas.map((a) => a.code)).toEqual(open.map((a) => a.code));
    expect(latest!.unplaced).toEqual({ notes: 2, reference: 0 });
    expect(latest!.areas.find((a) => a.id === target.id)).toMatchObject({
      code: target.code,
      title: target.title,
      description: target.description,
      notes: 1,
    });
  });

  it('answers every role, and refuses a wrong token or an unknown workshop', async () => {
    for (const token of [workshop.facilitatorToken, workshop.viewerToken]) {
      expect((await outline(token)).status).toBe(200);
    }
    expect((await outline('not-a-token')).status).toBe(401);
    const other = await createWorkshop(server, 'Annan');
    expect((await outline(other.participantToken)).status).toBe(401);
    expect((await outline(workshop.participantToken, 'unknown-workshop')).status).toBe(404);
  });
});
