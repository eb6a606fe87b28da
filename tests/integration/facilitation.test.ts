import {
  addNote,
  boardRecords,
  BOARD_PAGE_NAMES,
  goToStep,
  groupsForAreas,
  readBoardDoc,
  readControl,
  publishDrafts,
  setGroupsSelfSelect,
  settleOwnPlacements,
  startGroups,
  startTimer,
  workshopExport,
  writeControlField,
} from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, synced, waitFor, type Client } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import { call, disconnectParticipants, newVoter } from './helpers/voting';

describe('facilitation through the control doc', () => {
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
    disconnectParticipants();
    await server.stop();
  });

  const note = (text: string, author: string, now: number) => ({
    text,
    areaId: null,
    authorId: author,
    author,
    now,
    pageName: 'Tavla',
  });
  const noteTexts = (c: Client) =>
    readBoardDoc(c.doc)
      .notes.map((n) => n.text)
      .sort();

  it('a workshop from referensgrupp opens with its agenda of three steps, none started', async () => {
    const w = await createWorkshop(server, 'Referensgruppsmöte', 'referensgrupp');
    const reader = open(server, w.id, 'control', w.participantToken);
    await synced(reader);
    const control = readControl(reader.doc);
    expect(control.agenda.map((s) => [s.title, s.durationMinutes, s.kind])).toEqual([
      ['Sammanfattning av arbetet så här långt och framåt', 10, 'present'],
      ['Gruppdiskussion', 10, 'discuss'],
      ['Nästa steg', 10, 'brainstorm'],
    ]);
    expect(control.agenda[1]!.instruction).toContain('Diskutera under 10 min.');
    expect(control.currentStepId).toBeNull();
  });

  it('while the board is locked a participant’s notes are dropped; the facilitator still writes; unlocked, the participant writes again', async () => {
    const w = await createWorkshop(server, 'Låst tavla', 'referensgrupp');
    const control = open(server, w.id, 'control', w.facilitatorToken);
    const facilitator = open(server, w.id, 'board', w.facilitatorToken);
    const participant = open(server, w.id, 'board', w.participantToken);
    await Promise.all([synced(control), synced(facilitator), synced(participant)]);
    expect(boardRecords(participant.doc).size).toBeGreaterThan(0);

    writeControlField(control.doc, 'locked', true);
    // The lock is in force once the server has it: a fresh reader of the control doc sees it.
    const check = open(server, w.id, 'control', w.participantToken);
    await synced(check);
    await waitFor(() => readControl(check.doc).locked, 'the lock reached the server');

    addNote(participant.doc, note('skrivet under låset', 'Deltagare', 1));
    addNote(facilitator.doc, note('facilitatorns lapp', 'Facilitator', 2));
    const fresh = open(server, w.id, 'board', w.facilitatorToken);
    await synced(fresh);
    await waitFor(() => noteTexts(fresh).includes('facilitatorns lapp'), 'the facilitator’s note arrives');
    expect(noteTexts(fresh)).not.toContain('skrivet under låset');
    expect(noteTexts(facilitator)).not.toContain('skrivet under låset');

    writeControlField(control.doc, 'locked', false);
    await waitFor(() => !readControl(check.doc).locked, 'the unlock reached the server');
    // What was dropped is still in the participant's browser: the app reconnects at the unlock, and
    // the sync that follows brings it (nothing typed is lost; nothing changed while locked).
    participant.provider.disconnect();
    participant.provider.connect();
    await synced(participant);
    addNote(participant.doc, note('efter upplåsningen', 'Deltagare', 3));
    await waitFor(
      () =>
        noteTexts(fresh).includes('efter upplåsningen') && noteTexts(fresh).includes('skrivet under låset'),
      'the participant’s notes arrive after the unlock',
    );
  });

  it('a participant’s change to the timer or the lock is dropped; the facilitator’s reaches everyone', async () => {
    const w = await createWorkshop(server, 'Timer', 'referensgrupp');
    const facilitator = open(server, w.id, 'control', w.facilitatorToken);
    const participant = open(server, w.id, 'control', w.participantToken);
    await Promise.all([synced(facilitator), synced(participant)]);

    writeControlField(participant.doc, 'timer', { status: 'running', durationMs: 1, endsAt: 1 });
    writeControlField(participant.doc, 'locked', true);
    goToStep(facilitator.doc, 'step-2', Date.now());
    writeControlField(facilitator.doc, 'timer', startTimer(readControl(facilitator.doc).timer, 1_000_000));
    const fresh = open(server, w.id, 'control', w.participantToken);
    await synced(fresh);
    await waitFor(() => readControl(fresh.doc).currentStepId === 'step-2', 'the facilitator’s step arrives');
    expect(readControl(fresh.doc).timer).toEqual({
      status: 'running',
      durationMs: 600_000,
      endsAt: 1_600_000,
    });
    expect(readControl(fresh.doc).locked).toBe(false);
    await waitFor(
      () =>
        readControl(participant.doc).timer.status === 'running' &&
        readControl(participant.doc).currentStepId === 'step-2',
      'the participant sees the facilitator’s timer',
    );
  });

  it('groups belong to their step: the next step shows none on any client, a choice of an old group is refused, going back brings them back', async () => {
    const w = await createWorkshop(server, 'Grupper per steg', 'referensgrupp');
    const facilitator = open(server, w.id, 'control', w.facilitatorToken);
    const participant = open(server, w.id, 'control', w.participantToken);
    const board = open(server, w.id, 'board', w.facilitatorToken);
    await Promise.all([synced(facilitator), synced(participant), synced(board)]);
    const anna = await newVoter(server, w.id, w.participantToken);
    const per = await newVoter(server, w.id, w.participantToken);
    const choose = (secret: string, groupId: string | null) =>
      call<{ error?: string }>(server, 'PUT', `/api/workshops/${w.id}/group`, secret, { groupId });

    // "Gruppdiskussion" has two areas, G1 and G2: a group for each, Anna put in the first.
    goToStep(facilitator.doc, 'step-2', Date.now());
    const step = readControl(facilitator.doc).agenda[1]!;
    const areas = readBoardDoc(board.doc).areas.filter((a) => step.areas.includes(a.code));
    const groups = groupsForAreas(step, areas);
    startGroups(facilitator.doc, 'step-2', groups, [anna.participantId]);
    setGroupsSelfSelect(facilitator.doc, 'step-2', true);
    await waitFor(
      () =>
        readControl(participant.doc).members[anna.participantId] === groups[0]!.id &&
        readControl(participant.doc).groupsSelfSelect,
      'the participant sees Anna in the first group, and may choose',
    );
    expect(readControl(participant.doc).groups.map((g) => g.name)).toEqual(['Grupp 1', 'Grupp 2']);
    expect((await choose(per.secret, groups[1]!.id)).status).toBe(200);

    // "Nästa steg" has no groups: every client stops showing them, and the old groups cannot be chosen.
    goToStep(facilitator.doc, 'step-3', Date.now());
    await waitFor(() => readControl(participant.doc).currentStepId === 'step-3', 'the next step arrives');
    expect(readControl(participant.doc).groups).toEqual([]);
    expect(readControl(participant.doc).members).toEqual({});
    expect(await choose(anna.secret, groups[1]!.id)).toMatchObject({
      status: 403,
      body: { error: 'selfSelectOff' },
    });

    // Back to "Gruppdiskussion": the groups and who was in them come back.
    goToStep(facilitator.doc, 'step-2', Date.now());
    await waitFor(() => readControl(participant.doc).currentStepId === 'step-2', 'the step again');
    expect(readControl(participant.doc).groups).toEqual(groups);
    expect(readControl(participant.doc).members).toEqual({
      [anna.participantId]: groups[0]!.id,
      [per.participantId]: groups[1]!.id,
    });

    // The minutes' data says which groups ran in which step.
    const fresh = open(server, w.id, 'control', w.facilitatorToken);
    await synced(fresh);
    const data = workshopExport(
      board.doc,
      fresh.doc,
      { id: w.id, title: 'Grupper per steg', locale: 'sv', createdAt: 0, template: 'referensgrupp' },
      Date.now(),
    );
    expect(data.groups.map((g) => [g.stepId, g.name, g.members])).toEqual([
      ['step-2', 'Grupp 1', 1],
      ['step-2', 'Grupp 2', 1],
    ]);
  });

  it('at a reveal, five participants publish their drafts into one area at the same moment and no note covers another', async () => {
    const w = await createWorkshop(server, 'Avslöjande', 'referensgrupp');
    const participants = Array.from({ length: 5 }, () => open(server, w.id, 'board', w.participantToken));
    await Promise.all(participants.map((p) => synced(p)));
    const stops = participants.map((p) => settleOwnPlacements(p.doc));
    const f1 = readBoardDoc(participants[0]!.doc).areas.find((a) => a.code === 'F1')!.id;

    // The reveal reaches everyone at once: each browser publishes before it has seen anyone else's notes.
    participants.forEach((p, n) =>
      publishDrafts(
        p.doc,
        [1, 2, 3].map((k) => ({
          id: `${n}-${k}`,
          text: `Idé ${k} från ${n}`,
          areaId: f1,
          round: 1,
          createdAt: k,
        })),
        { id: `p_participant${n}`, name: `Deltagare ${n}` },
        BOARD_PAGE_NAMES.sv,
      ),
    );

    const inF1 = (c: Client) =>
      readBoardDoc(c.doc).notes.filter((note) => note.areaId === f1 && !note.reference);
    const covered = (c: Client) => {
      const notes = inF1(c);
      return notes.flatMap((a, i) =>
        notes
          .slice(i + 1)
          .filter((b) => Math.abs(a.x - b.x) < 200 && Math.abs(a.y - b.y) < 200)
          .map((b) => `${a.text} / ${b.text}`),
      );
    };
    const reader = open(server, w.id, 'board', w.viewerToken);
    await synced(reader);
    await waitFor(
      () => [...participants, reader].every((c) => inF1(c).length === 15 && covered(c).length === 0),
      'every browser and the server have all fifteen notes, none covering another',
    );
    // The server's copy, read afresh, agrees: every note in a slot of its own, inside F1.
    const fresh = open(server, w.id, 'board', w.viewerToken);
    await synced(fresh);
    await waitFor(() => inF1(fresh).length === 15, 'the fresh reader has every note');
    expect(covered(fresh)).toEqual([]);
    const area = readBoardDoc(fresh.doc).areas.find((a) => a.id === f1)!;
    for (const note of inF1(fresh)) expect(note.y + 200).toBeLessThanOrEqual(area.h);
    stops.forEach((stop) => stop());
  });
});
