/**
 * Fields of a client's awareness state. Presence is awareness only: it is never written into a doc.
 */
export const AWARENESS_FIELDS = {
  /** The tldraw instance presence record of this client (cursor, viewport, selection, name, colour). */
  presence: 'presence',
  /** Who this client is: `{ id, name, color, role }`. */
  user: 'user',
  /**
   * A participant's workshop-scoped id and how many private drafts they hold in silent brainstorming:
   * `{ id, drafts }` (a count, never a text), for the facilitator's groups and draft counts.
   */
  participant: 'participant',
} as const;
