import type { WorkshopRow } from '../../../server/src/store/types';

/** A workshop row as the REST API would store it, for tests that talk to a store directly. */
export function workshopRow(id: string, joinCode: string): WorkshopRow {
  return {
    id,
    title: 'Länsövergripande workshop',
    template: null,
    locale: 'sv',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    retainUntil: 1_800_000_000_000,
    facilitatorHash: Buffer.alloc(32, 1),
    participantHash: Buffer.alloc(32, 2),
    viewerHash: Buffer.alloc(32, 3),
    joinCode,
    state: 'open',
  };
}
