import { z } from 'zod';
import { AreaCode } from '../model/focusArea';
import { StepKind } from '../model/agenda';

/** An agenda step as a template carries it; `text` is a plain string or a text in both languages. */
export function AgendaStepFields<T extends z.ZodType>(text: T) {
  return z.strictObject({
    title: text,
    /** What participants are asked to do, as the facilitator would say it ("Diskutera under 10 min."). */
    instruction: text,
    /** Minutes on the countdown; null for a step without one. */
    durationMinutes: z.int().min(1).max(600).nullable(),
    kind: StepKind,
    /** Codes of the areas the step concerns (a group's area, a question's area). */
    areas: z.array(AreaCode).max(60),
  });
}
