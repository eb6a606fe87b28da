import type { WorkshopState } from '@samskapa/shared';
import type { WorkshopRow } from './types';

/** A `workshops` row as SQL drivers return it; PostgreSQL returns BIGINT columns as strings. */
export interface WorkshopColumns {
  id: string;
  title: string;
  template: string | null;
  locale: string;
  created_at: number | string;
  updated_at: number | string;
  retain_until: number | string;
  facilitator_hash: Buffer;
  participant_hash: Buffer;
  viewer_hash: Buffer;
  join_code: string;
  state: WorkshopState;
}

/** The workshop a `workshops` row describes; the same table layout in SQLite and PostgreSQL. */
export function workshopFromColumns(r: WorkshopColumns): WorkshopRow {
  return {
    id: r.id,
    title: r.title,
    template: r.template,
    locale: r.locale,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    retainUntil: Number(r.retain_until),
    facilitatorHash: r.facilitator_hash,
    participantHash: r.participant_hash,
    viewerHash: r.viewer_hash,
    joinCode: r.join_code,
    state: r.state,
  };
}
