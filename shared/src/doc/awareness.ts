/**
 * Fields of a client's awareness state. Presence is awareness only: it is never written into a doc.
 */
export const AWARENESS_FIELDS = {
  /** The tldraw instance presence record of this client (cursor, viewport, selection, name, colour). */
  presence: 'presence',
  /** Who this client is: `{ id, name, color, role }`. */
  user: 'user',
} as const;
