import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { endGroups, groupsForAreas, setGroupsSelfSelect, startGroups } from '../facilitation/groups';
import { goToStep, stepDurations } from '../facilitation/steps';
import {
  assignToGroup,
  CONTROL_DOC_VERSION,
  CONTROL_MIGRATIONS,
  controlDocVersion,
  initControlDoc,
  migrateControlDoc,
  readControl,
  replaceGroups,
  writeControlField,
  writeGroupsOfStep,
} from './controlDoc';

const step = {
  id: 'step-2',
  title: 'Gruppdiskussion',
  instruction: 'Diskutera under 10 min.',
  durationMinutes: 10,
  kind: 'discuss' as const,
  areas: ['G1', 'G2'],
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the control doc', () => {
  it('a new workshop has its agenda, no step, the timer idle, voting closed, the board open', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step]);
    const state = readControl(doc);
    expect(controlDocVersion(doc)).toBe(CONTROL_DOC_VERSION);
    expect(state.agenda).toEqual([step]);
    expect(state.currentStepId).toBeNull();
    expect(state.timer).toEqual({ status: 'idle', durationMs: 0 });
    expect(state.voting).toEqual({ phase: 'closed', settings: { budget: 5, perNoteCap: 2 }, round: 0 });
    expect(state.locked).toBe(false);
    expect(state.members).toEqual({});
  });

  it('going to a step sets the countdown to its duration', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step]);
    goToStep(doc, 'step-2', 5_000);
    expect(readControl(doc).currentStepId).toBe('step-2');
    expect(readControl(doc).timer).toEqual({ status: 'idle', durationMs: 600_000 });
    goToStep(doc, null, 65_000);
    expect(readControl(doc).history).toEqual([
      { stepId: 'step-2', at: 5_000 },
      { stepId: null, at: 65_000 },
    ]);
    expect(stepDurations(readControl(doc).history, 99_000)).toEqual([
      { stepId: 'step-2', startedAt: 5_000, endedAt: 65_000 },
    ]);
  });

  it('reads a malformed field as its initial value instead of failing', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step]);
    doc.getMap('control').set('timer', { status: 'running' });
    doc.getMap('control').set('agenda', 'nonsense');
    doc.getMap('members').set('p_x', 42);
    const state = readControl(doc);
    expect(state.timer).toEqual({ status: 'idle', durationMs: 0 });
    expect(state.agenda).toEqual([]);
    expect(state.members).toEqual({});
  });

  it('refuses to write a malformed value', () => {
    const doc = new Y.Doc();
    expect(() => writeControlField(doc, 'locked', 'yes' as unknown as boolean)).toThrow();
  });

  it('two facilitators assigning different people at once both count', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    initControlDoc(a, [step]);
    goToStep(a, 'step-2', 1);
    writeGroupsOfStep(a, 'step-2', { groups: groups, selfSelect: false, ended: false });
    sync(a, b);
    assignToGroup(a, 'step-2', 'p_aaaaaaaa', 'g1');
    assignToGroup(b, 'step-2', 'p_bbbbbbbb', 'g2');
    sync(a, b);
    expect(readControl(a).members).toEqual({ p_aaaaaaaa: 'g1', p_bbbbbbbb: 'g2' });
  });
});

const groups = [
  { id: 'g1', name: 'Grupp 1', areaCode: 'G1', question: 'Hur bidrar vi?' },
  { id: 'g2', name: 'Grupp 2', areaCode: 'G2', question: 'Hur bidrar vi?' },
];
const nextStep = { ...step, id: 'step-3', title: 'Nästa steg', kind: 'brainstorm' as const, areas: [] };

describe('groups belong to their step', () => {
  it('a step without groups shows none; going back to the step brings its groups and members back', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step, nextStep]);
    goToStep(doc, 'step-2', 1);
    startGroups(doc, 'step-2', groups, ['p_aaaaaaaa', 'p_bbbbbbbb']);
    expect(readControl(doc).groups).toEqual(groups);
    expect(readControl(doc).members).toEqual({ p_aaaaaaaa: 'g1', p_bbbbbbbb: 'g2' });

    goToStep(doc, 'step-3', 2);
    expect(readControl(doc).groups).toEqual([]);
    expect(readControl(doc).members).toEqual({});
    expect(readControl(doc).groupsSelfSelect).toBe(false);
    // What ran is kept, for the minutes.
    expect(readControl(doc).stepGroups['step-2']?.groups).toEqual(groups);

    goToStep(doc, 'step-2', 3);
    expect(readControl(doc).groups).toEqual(groups);
    expect(readControl(doc).members).toEqual({ p_aaaaaaaa: 'g1', p_bbbbbbbb: 'g2' });
  });

  it('each step has its own groups and members; making new groups for a step starts its members afresh', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step, nextStep]);
    startGroups(doc, 'step-2', groups, ['p_aaaaaaaa']);
    startGroups(doc, 'step-3', [groups[1]!], ['p_aaaaaaaa', 'p_bbbbbbbb']);
    goToStep(doc, 'step-3', 1);
    expect(readControl(doc).members).toEqual({ p_aaaaaaaa: 'g2', p_bbbbbbbb: 'g2' });
    startGroups(doc, 'step-3', groups, []);
    expect(readControl(doc).members).toEqual({});
    expect(readControl(doc).stepMembers['step-2']).toEqual({ p_aaaaaaaa: 'g1' });
  });

  it('ended groups leave every screen but stay recorded with their members; letting people choose keeps them', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step]);
    goToStep(doc, 'step-2', 1);
    startGroups(doc, 'step-2', groups, ['p_aaaaaaaa']);
    setGroupsSelfSelect(doc, 'step-2', true);
    expect(readControl(doc).groupsSelfSelect).toBe(true);
    expect(readControl(doc).members).toEqual({ p_aaaaaaaa: 'g1' });
    endGroups(doc, 'step-2');
    expect(readControl(doc).groups).toEqual([]);
    expect(readControl(doc).groupsSelfSelect).toBe(false);
    expect(readControl(doc).members).toEqual({});
    expect(readControl(doc).stepGroups['step-2']).toMatchObject({ groups, ended: true });
    expect(readControl(doc).stepMembers['step-2']).toEqual({ p_aaaaaaaa: 'g1' });
  });

  it('a snapshot restored in place brings back every step’s groups and who was in them, and nothing else', () => {
    const then = new Y.Doc();
    initControlDoc(then, [step, nextStep]);
    startGroups(then, 'step-2', groups, ['p_aaaaaaaa', 'p_bbbbbbbb']);
    const now = new Y.Doc();
    Y.applyUpdate(now, Y.encodeStateAsUpdate(then));
    endGroups(now, 'step-2');
    startGroups(now, 'step-3', [groups[0]!], ['p_cccccccc']);
    replaceGroups(now, readControl(then));
    expect(readControl(now).stepGroups).toEqual(readControl(then).stepGroups);
    expect(readControl(now).stepMembers).toEqual({ 'step-2': { p_aaaaaaaa: 'g1', p_bbbbbbbb: 'g2' } });
    let changes = 0;
    now.on('update', () => changes++);
    replaceGroups(now, readControl(then));
    expect(changes).toBe(0);
  });

  it('groups made from a step’s areas carry its question and ids no other step’s groups have', () => {
    const areas = [
      { code: 'G1', title: 'Grupp 1' },
      { code: 'G2', title: 'G'.repeat(300) },
    ];
    const made = groupsForAreas(step, areas);
    expect(made.map((g) => [g.name, g.areaCode, g.question])).toEqual([
      ['Grupp 1', 'G1', 'Diskutera under 10 min.'],
      ['G'.repeat(80), 'G2', 'Diskutera under 10 min.'],
    ]);
    expect(groupsForAreas(step, areas).map((g) => g.id)).not.toEqual(made.map((g) => g.id));
  });
});

describe('control doc migrations', () => {
  it('bring a version-0 doc (a workshop from before facilitation) to the current version, keeping what it had', () => {
    const doc = new Y.Doc();
    doc.getMap('control').set('locked', true);
    doc.getMap('control').set('timer', 'broken');
    expect(controlDocVersion(doc)).toBe(0);
    expect(migrateControlDoc(doc)).toBe(true);
    expect(controlDocVersion(doc)).toBe(CONTROL_DOC_VERSION);
    expect(doc.getMap('control').get('locked')).toBe(true);
    expect(doc.getMap('control').get('timer')).toEqual({ status: 'idle', durationMs: 0 });
    expect(doc.getMap('control').get('agenda')).toEqual([]);
    expect(doc.getMap('control').get('history')).toEqual([]);
    expect(migrateControlDoc(doc)).toBe(false);
  });

  it('bring a version-1 doc to version 2 with an empty step history, keeping its agenda and state', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step]);
    const control = doc.getMap('control');
    control.set('version', 1);
    control.delete('history');
    control.set('currentStepId', 'step-2');
    expect(migrateControlDoc(doc)).toBe(true);
    expect(controlDocVersion(doc)).toBe(CONTROL_DOC_VERSION);
    expect(readControl(doc).history).toEqual([]);
    expect(readControl(doc).currentStepId).toBe('step-2');
    expect(readControl(doc).agenda).toEqual([step]);
  });

  it('bring a version-2 doc’s groups and members to the step running then, where they go on as before', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step, nextStep]);
    const control = doc.getMap('control');
    control.set('version', 2);
    control.set('currentStepId', 'step-2');
    control.set('groups', groups);
    control.set('groupsSelfSelect', true);
    doc.getMap('members').set('p_aaaaaaaa', 'g1');
    doc.getMap('members').set('p_bbbbbbbb', 'g2');
    expect(migrateControlDoc(doc)).toBe(true);
    const state = readControl(doc);
    expect(state.groups).toEqual(groups);
    expect(state.groupsSelfSelect).toBe(true);
    expect(state.members).toEqual({ p_aaaaaaaa: 'g1', p_bbbbbbbb: 'g2' });
    expect(doc.getMap('members').size).toBe(0);
    expect(control.has('groups')).toBe(false);
    goToStep(doc, 'step-3', 1);
    expect(readControl(doc).groups).toEqual([]);
  });

  it('bring a version-2 doc with groups and no step running to groups of no step', () => {
    const doc = new Y.Doc();
    initControlDoc(doc, [step]);
    doc.getMap('control').set('version', 2);
    doc.getMap('control').set('groups', groups);
    doc.getMap('members').set('p_aaaaaaaa', 'g2');
    migrateControlDoc(doc);
    expect(readControl(doc).groups).toEqual(groups);
    expect(readControl(doc).members).toEqual({ p_aaaaaaaa: 'g2' });
    goToStep(doc, 'step-2', 1);
    expect(readControl(doc).groups).toEqual([]);
  });

  it('are numbered one after another up to the current version', () => {
    expect(CONTROL_MIGRATIONS.map((m) => m.to)).toEqual(
      Array.from({ length: CONTROL_DOC_VERSION }, (_, i) => i + 1),
    );
  });

  it('leave a doc written by a newer version alone', () => {
    const doc = new Y.Doc();
    doc.getMap('control').set('version', CONTROL_DOC_VERSION + 1);
    doc.getMap('control').set('futureField', 1);
    expect(migrateControlDoc(doc)).toBe(false);
    expect(doc.getMap('control').get('futureField')).toBe(1);
  });

  it('run once when two servers migrate the same doc at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('control').set('version', 2);
    a.getMap('control').set('groups', groups);
    a.getMap('members').set('p_aaaaaaaa', 'g1');
    sync(a, b);
    migrateControlDoc(a);
    migrateControlDoc(b);
    sync(a, b);
    expect(readControl(a).members).toEqual({ p_aaaaaaaa: 'g1' });
    expect(readControl(a)).toEqual(readControl(b));
    expect(controlDocVersion(a)).toBe(CONTROL_DOC_VERSION);
  });
});
