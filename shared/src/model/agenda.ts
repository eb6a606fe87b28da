import { z } from 'zod';

/** What happens in an agenda step; the facilitation tools a step offers follow from it. */
export const STEP_KINDS = ['present', 'brainstorm', 'discuss', 'cluster', 'vote', 'groups'] as const;
export const StepKind = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKind>;

/** One step of a workshop's agenda as the control doc holds it. */
export const AgendaStep = z.strictObject({
  /** Stable within the workshop; the current step and snapshots refer to it. */
  id: z.string().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  /** What participants are asked to do ("Diskutera under 10 min."). */
  instruction: z.string().max(2000),
  /** Minutes on the countdown; null for a step without one. */
  durationMinutes: z.int().min(1).max(600).nullable(),
  kind: StepKind,
  /** Codes of the areas the step concerns (a group's area, a question's area). */
  areas: z.array(z.string().max(12)).max(60),
});
export type AgendaStep = z.infer<typeof AgendaStep>;
