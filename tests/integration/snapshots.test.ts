import {
  addNote,
  CreateWorkshopResponse,
  deleteNote,
  goToStep,
  readBoardDoc,
  readControl,
  SnapshotList,
  SnapshotSummary,
  WorkshopExport,
} from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import { queryStoreFile } from './helpers/sqlite';

describe('snapshots of a workshop', () => {
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

  const api = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.http}/api/workshops/${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const list = async (w: CreateWorkshopResponse) =>
    SnapshotList.parse(await (await api(`${w.id}/snapshots`, w.facilitatorToken)).json()).snapshots;
  const texts = (c: Client) =>
    readBoardDoc(c.doc)
      .notes.filter((n) => !n.reference)
      .map((n) => n.text)
      .sort();
  const note = (text: string) => ({
    text,
    areaId: null,
    authorId: 'p_someone0001',
    author: 'Åsa',
    now: Date.now(),
    pageName: 'Tavla',
  });

  /**
   * Waits until the server has a note (a fresh client receives it): the board and the control doc travel
   * on separate sockets, so a step change can reach the server before a note written just before it.
   */
  const stored = async (w: { id: string; viewerToken: string }, text: string) => {
    const check = open(server, w.id, 'board', w.viewerToken);
    await synced(check);
    await waitFor(() => texts(check).includes(text), `the server has "${text}"`);
  };

  it('a facilitator moving to the next step leaves a snapshot named after that step', async () => {
    const w = await createWorkshop(server, 'Stegbyte', 'referensgrupp');
    const board = open(server, w.id, 'board', w.facilitatorToken);
    const control = open(server, w.id, 'control', w.facilitatorToken);
    await Promise.all([synced(board), synced(control)]);
    addNote(board.doc, note('Före gruppdiskussionen'));
    await stored(w, 'Före gruppdiskussionen');
    goToStep(control.doc, 'step-1', Date.now());
    await expect.poll(() => list(w), { timeout: 20_000 }).toHaveLength(1);
    goToStep(control.doc, 'step-2', Date.now());
    await expect.poll(() => list(w), { timeout: 20_000 }).toHaveLength(2);
    const [newest] = await list(w);
    expect(newest!.name).toBe('Före steg 2: Gruppdiskussion');
    expect(newest!.notes).toBe(1);
    // A change that is not a step change takes none.
    addNote(board.doc, note('Efter'));
    control.doc.getMap('control').set('locked', true);
    await new Promise((r) => setTimeout(r, 500));
    expect(await list(w)).toHaveLength(2);
  });

  it('the facilitator takes one by name and exports it; nobody else may list or take them', async () => {
    const w = await createWorkshop(server, 'På begäran', 'referensgrupp');
    const board = open(server, w.id, 'board', w.facilitatorToken);
    await synced(board);
    addNote(board.doc, note('En lapp som ska med'));
    await stored(w, 'En lapp som ska med');
    const res = await api(`${w.id}/snapshots`, w.facilitatorToken, {
      method: 'POST',
      body: { name: 'Före paus' },
    });
    expect(res.status).toBe(201);
    const taken = SnapshotSummary.parse(await res.json());
    expect(taken).toMatchObject({ name: 'Före paus', notes: 1 });
    expect((await list(w)).map((s) => s.name)).toEqual(['Före paus']);

    const exported = await api(`${w.id}/snapshots/${taken.id}/export`, w.facilitatorToken);
    expect(exported.status).toBe(200);
    const data = WorkshopExport.parse(await exported.json());
    expect(data.unassigned.map((n) => n.text)).toEqual(['En lapp som ska med']);

    expect((await api(`${w.id}/snapshots`, w.participantToken)).status).toBe(403);
    expect(
      (await api(`${w.id}/snapshots`, w.participantToken, { method: 'POST', body: { name: 'x' } })).status,
    ).toBe(403);
    const blank = await api(`${w.id}/snapshots`, w.facilitatorToken, { method: 'POST', body: { name: ' ' } });
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as { message: string }).message).toMatch(/^name: /);
    expect(await list(w)).toHaveLength(1);
  });

  it('restoring in place brings the deleted notes back for everyone connected', async () => {
    const w = await createWorkshop(server, 'Återställ', 'referensgrupp');
    const facilitator = open(server, w.id, 'board', w.facilitatorToken);
    const participant = open(server, w.id, 'board', w.participantToken);
    await Promise.all([synced(facilitator), synced(participant)]);
    const ids = ['Ett', 'Två', 'Tre'].map((text) => addNote(participant.doc, note(text)));
    await waitFor(() => texts(facilitator).length === 3, 'facilitator sees the notes');
    const res = await api(`${w.id}/snapshots`, w.facilitatorToken, {
      method: 'POST',
      body: { name: 'Tre lappar' },
    });
    const snapshot = SnapshotSummary.parse(await res.json());

    deleteNote(participant.doc, ids[0]!);
    deleteNote(participant.doc, ids[1]!);
    addNote(participant.doc, note('Ny efter bilden'));
    await waitFor(() => texts(facilitator).join() === 'Ny efter bilden,Tre', 'facilitator sees the deletion');

    const restored = await api(`${w.id}/snapshots/${snapshot.id}/restore`, w.facilitatorToken, {
      method: 'POST',
      body: { mode: 'inPlace' },
    });
    expect(restored.status).toBe(200);
    for (const client of [facilitator, participant]) {
      await expect.poll(() => texts(client), { timeout: 20_000 }).toEqual(['Ett', 'Tre', 'Två']);
    }
    // The same notes, not copies: their ids are back.
    expect(
      readBoardDoc(participant.doc)
        .notes.filter((n) => !n.reference)
        .map((n) => n.id)
        .sort(),
    ).toEqual([...ids].sort());
    // Stored, not only sent: a client that comes later sees the restored board.
    const late = open(server, w.id, 'board', w.viewerToken);
    await synced(late);
    expect(texts(late)).toEqual(['Ett', 'Tre', 'Två']);

    const wrongMode = await api(`${w.id}/snapshots/${snapshot.id}/restore`, w.facilitatorToken, {
      method: 'POST',
      body: { mode: 'sideways' },
    });
    expect(wrongMode.status).toBe(400);
    expect(((await wrongMode.json()) as { message: string }).message).toMatch(/^mode: /);
  });

  it('restoring as a new workshop gives its links; the new board holds the snapshot, the old one is untouched', async () => {
    const w = await createWorkshop(server, 'Original', 'referensgrupp');
    const board = open(server, w.id, 'board', w.facilitatorToken);
    const control = open(server, w.id, 'control', w.facilitatorToken);
    await Promise.all([synced(board), synced(control)]);
    addNote(board.doc, note('Med i bilden'));
    await stored(w, 'Med i bilden');
    goToStep(control.doc, 'step-1', Date.now());
    control.doc.getMap('control').set('locked', true);
    await expect.poll(() => list(w), { timeout: 20_000 }).toHaveLength(1);
    const [snapshot] = await list(w);
    addNote(board.doc, note('Efter bilden'));

    const res = await api(`${w.id}/snapshots/${snapshot!.id}/restore`, w.facilitatorToken, {
      method: 'POST',
      body: { mode: 'new' },
    });
    expect(res.status).toBe(201);
    const created = CreateWorkshopResponse.parse(await res.json());
    expect(created.id).not.toBe(w.id);
    expect(created.title).toBe('Original – Före steg 1: Sammanfattning av arbetet så här långt och framåt');
    const copy = open(server, created.id, 'board', created.participantToken);
    const copyControl = open(server, created.id, 'control', created.facilitatorToken);
    await Promise.all([synced(copy), synced(copyControl)]);
    expect(texts(copy)).toEqual(['Med i bilden']);
    const state = readControl(copyControl.doc);
    expect(state.agenda).toHaveLength(3);
    expect(state.currentStepId).toBeNull();
    await waitFor(() => texts(board).length === 2, 'the original keeps its notes');
  });

  it('deleting the workshop deletes its snapshots', async () => {
    const w = await createWorkshop(server, 'Raderas', 'referensgrupp');
    await api(`${w.id}/snapshots`, w.facilitatorToken, { method: 'POST', body: { name: 'Innan' } });
    const count = () =>
      queryStoreFile<{ n: number }>(
        server.dataDir,
        'SELECT COUNT(*) AS n FROM snapshots WHERE workshop_id = ?',
        w.id,
      ).n;
    expect(count()).toBe(1);
    expect((await api(w.id, w.facilitatorToken, { method: 'DELETE' })).status).toBe(204);
    expect(count()).toBe(0);
  });
});
