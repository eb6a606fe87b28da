import type { ControlState } from '@samskapa/shared';

/** The area of a participant's group, if they are in a group that has one. */
export function groupAreaCode(control: ControlState | null, participantId: string | null): string | null {
  if (!control || !participantId) return null;
  const groupId = control.members[participantId];
  return control.groups.find((g) => g.id === groupId)?.areaCode ?? null;
}
