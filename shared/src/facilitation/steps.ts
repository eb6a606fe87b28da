import type * as Y from 'yjs';
import type { AgendaStep } from '../model/agenda';
import { readControlField, writeControlField } from '../doc/controlDoc';
import { idleTimer } from '../timer/timer';

/** Make `stepId` the current step: its countdown is set to the step's duration, not started. */
export function goToStep(doc: Y.Doc, stepId: string | null): void {
  const step = readControlField(doc, 'agenda').find((s) => s.id === stepId);
  doc.transact(() => {
    writeControlField(doc, 'currentStepId', step ? step.id : null);
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
