import { z } from 'zod';

/** How many dots each participant has, and how many of them may go on one note. */
export const VoteSettings = z.strictObject({
  budget: z.int().min(1).max(50),
  perNoteCap: z.int().min(1).max(50),
});
export type VoteSettings = z.infer<typeof VoteSettings>;

export const DEFAULT_VOTE_SETTINGS: VoteSettings = { budget: 5, perNoteCap: 2 };

/** A note's id as a ballot names it (a tldraw shape id). */
export const BallotNoteId = z.string().regex(/^shape:[A-Za-z0-9_-]{1,64}$/, 'not a note id');

/** One participant's dots: note id → dots on it. The whole ballot is sent and replaced at once. */
export const Ballot = z.record(BallotNoteId, z.int().min(0).max(50));
export type Ballot = z.infer<typeof Ballot>;

/** Why a ballot is refused; each is an i18n key's last part on the client. */
export type BallotProblem = 'overBudget' | 'overCap' | 'unknownNote' | 'tooManyNotes';

/** Dots a ballot spends. */
export function dotsIn(ballot: Ballot): number {
  return Object.values(ballot).reduce((sum, dots) => sum + dots, 0);
}

/**
 * What is wrong with a ballot under `settings`, or undefined when it may be counted. `isNote` says
 * whether an id names a note that can be voted on (on the board, not reference content).
 */
export function ballotProblem(
  ballot: Ballot,
  settings: VoteSettings,
  isNote: (noteId: string) => boolean,
): BallotProblem | undefined {
  const entries = Object.entries(ballot).filter(([, dots]) => dots > 0);
  if (entries.length > settings.budget) return 'tooManyNotes';
  if (dotsIn(ballot) > settings.budget) return 'overBudget';
  if (entries.some(([, dots]) => dots > settings.perNoteCap)) return 'overCap';
  if (entries.some(([id]) => !isNote(id))) return 'unknownNote';
  return undefined;
}

/** The ballot without notes that have no dots. */
export function compactBallot(ballot: Ballot): Ballot {
  return Object.fromEntries(Object.entries(ballot).filter(([, dots]) => dots > 0));
}

/** Dots per note over many ballots. */
export function tally(ballots: Iterable<Ballot>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const ballot of ballots) {
    for (const [id, dots] of Object.entries(ballot)) if (dots > 0) totals[id] = (totals[id] ?? 0) + dots;
  }
  return totals;
}
