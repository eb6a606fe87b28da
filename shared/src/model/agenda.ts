import { z } from 'zod';

/** What happens in an agenda step; the facilitation tools a step offers follow from it. */
export const STEP_KINDS = ['present', 'brainstorm', 'discuss', 'cluster', 'vote', 'groups'] as const;
export const StepKind = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKind>;
