import type * as Y from 'yjs';
import { assignToGroup, readGroupsOfStep, writeGroupsOfStep, type ControlState } from '../doc/controlDoc';
import type { AgendaStep } from '../model/agenda';
import type { Group } from '../model/group';
import { randomBytes } from '../records/ids';

/** Longest group name the control doc keeps (`Group.name`). */
const MAX_GROUP_NAME = 80;

/**
 * One group per area of a step, named after the area and asked the step's question. Ids are random,
 * so a choice made for one step's "Grupp 1" never lands in another step's.
 */
export function groupsForAreas(
  step: Pick<AgendaStep, 'instruction'> | undefined,
  areas: readonly { code: string; title: string }[],
): Group[] {
  return areas.map((area, i) => {
    const suffix = Array.from(randomBytes(4), (b) => (b % 36).toString(36)).join('');
    return {
      id: `g${i + 1}-${suffix}`,
      name: area.title.slice(0, MAX_GROUP_NAME).trim() || area.code,
      areaCode: area.code,
      question: step?.instruction ?? '',
    };
  });
}

/**
 * Make `groups` the groups of step `stepId` (replacing any it had) and split `participantIds` evenly
 * between them, in one change. Other steps keep theirs.
 */
export function startGroups(
  doc: Y.Doc,
  stepId: string | null,
  groups: readonly Group[],
  participantIds: readonly string[],
): void {
  doc.transact(() => {
    writeGroupsOfStep(doc, stepId, { groups: [...groups], selfSelect: false, ended: false });
    if (groups.length === 0) return;
    participantIds.forEach((id, i) => assignToGroup(doc, stepId, id, groups[i % groups.length]!.id));
  });
}

/** End the groups of a step: no screen shows them any more; the minutes keep them and who was in them. */
export function endGroups(doc: Y.Doc, stepId: string | null): void {
  const now = readGroupsOfStep(doc, stepId);
  if (now) writeGroupsOfStep(doc, stepId, { ...now, ended: true });
}

/** Let participants choose among the groups of a step themselves, or not. */
export function setGroupsSelfSelect(doc: Y.Doc, stepId: string | null, selfSelect: boolean): void {
  const now = readGroupsOfStep(doc, stepId);
  if (now) writeGroupsOfStep(doc, stepId, { ...now, selfSelect });
}

/** The group a participant is in during the current step, if any (what every screen shows of it). */
export function groupOf(
  control: Pick<ControlState, 'groups' | 'members'>,
  participantId: string | null | undefined,
): Group | undefined {
  if (!participantId) return undefined;
  const groupId = control.members[participantId];
  return control.groups.find((g) => g.id === groupId);
}
