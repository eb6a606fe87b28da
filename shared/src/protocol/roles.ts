/** Who holds a capability token. */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The two Yjs documents of a workshop. */
export const DOC_KINDS = ['board', 'control'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** Whether a role may change a document; everyone may read both. */
export function canWrite(role: Role, doc: DocKind): boolean {
  if (role === 'facilitator') return true;
  if (role === 'participant') return doc === 'board';
  return false;
}
