import { z } from 'zod';

/** Most groups one agenda step has. */
export const MAX_GROUPS_PER_STEP = 50;

/** A group of participants with its own area and question (Grupp 1, Grupp 2). */
export const Group = z.strictObject({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(80),
  /** The code of the group's area on the board, if it has one. */
  areaCode: z.string().max(12).nullable(),
  /** What the group discusses. */
  question: z.string().max(2000),
});
export type Group = z.infer<typeof Group>;

/** A participant's workshop-scoped id, issued by the server with their voter credential. */
export const ParticipantId = z.string().regex(/^p_[A-Za-z0-9_-]{8,32}$/, 'not a participant id');
