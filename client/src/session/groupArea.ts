import { groupOf, type ControlState } from '@samskapa/shared';

/** The area of a participant's group, if they are in a group that has one. */
export function groupAreaCode(control: ControlState | null, participantId: string | null): string | null {
  return (control && groupOf(control, participantId)?.areaCode) ?? null;
}
