import type * as Y from 'yjs';
import type { AgendaStep } from '../model/agenda';
import { readControlField, writeControlField } from '../doc/controlDoc';
import { idleTimer } from '../timer/timer';

/** Most step changes the history keeps (the oldest go first). */
const MAX_HISTORY = 1000;

/**
 * Make `stepId` the current step at server instant `now`: its countdown is set to the step's duration,
 * not started, and the change is recorded in the history.
 */
export function goToStep(doc: Y.Doc, stepId: string | null, now: number): void {
  const step = readControlField(doc, 'agenda').find((s) => s.id === stepId);
  const history = readControlField(doc, 'history');
  doc.transact(() => {
    writeControlField(doc, 'currentStepId', step ? step.id : null);
    writeControlField(
      doc,
      'history',
      [...history, { stepId: step ? step.id : null, at: now }].slice(-MAX_HISTORY),
    );
    writeControlField(doc, 'timer', idleTimer((step?.durationMinutes ?? 0) * 60_000));
    writeControlField(doc, 'summon', null);
  });
}

/** The current step, if one is chosen and still on the agenda. */
export function currentStep(
  agenda: readonly AgendaStep[],
  currentStepId: string | null,
): AgendaStep | undefined {
  return agenda.find((s) => s.id === currentStepId);
}

/** A template's agenda with the ids the control doc needs. */
export function agendaWithIds(steps: readonly Omit<AgendaStep, 'id'>[]): AgendaStep[] {
  return steps.map((step, i) => ({ ...step, id: `step-${i + 1}` }));
}

/** How long each step of the history ran, in order (the current one until `now`). */
export function stepDurations(
  history: readonly { stepId: string | null; at: number }[],
  now: number,
): { stepId: string; startedAt: number; endedAt: number }[] {
  return history.flatMap((entry, i) => {
    if (entry.stepId === null) return [];
    const endedAt = history[i + 1]?.at ?? now;
    return [{ stepId: entry.stepId, startedAt: entry.at, endedAt }];
  });
}
