import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { goToStep, stepDurations } from '../facilitation/steps';
import {
  assignToGroup,
  CONTROL_DOC_VERSION,
  CONTROL_MIGRATIONS,
  controlDocVersion,
  initControlDoc,
  migrateControlDoc,
  readControl,
  writeControlField,
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
    assignToGroup(a, 'p_aaaaaaaa', 'g1');
    assignToGroup(b, 'p_bbbbbbbb', 'g2');
    sync(a, b);
    expect(readControl(a).members).toEqual({ p_aaaaaaaa: 'g1', p_bbbbbbbb: 'g2' });
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
    expect(controlDocVersion(doc)).toBe(2);
    expect(readControl(doc).history).toEqual([]);
    expect(readControl(doc).currentStepId).toBe('step-2');
    expect(readControl(doc).agenda).toEqual([step]);
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
    migrateControlDoc(a);
    migrateControlDoc(b);
    sync(a, b);
    expect(readControl(a)).toEqual(readControl(b));
    expect(controlDocVersion(a)).toBe(CONTROL_DOC_VERSION);
  });
});
