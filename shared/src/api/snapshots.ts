import { z } from 'zod';

/** A snapshot's id: 128 random bits, url-safe. */
export const SnapshotId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a snapshot id');
export type SnapshotId = z.infer<typeof SnapshotId>;

/** Most snapshots a workshop keeps; taking one more deletes the oldest. */
export const MAX_SNAPSHOTS_PER_WORKSHOP = 50;

/** Body of `POST /api/workshops/:id/snapshots`: a snapshot taken on the facilitator's request. */
export const CreateSnapshotRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
});
export type CreateSnapshotRequest = z.infer<typeof CreateSnapshotRequest>;

/** A snapshot as listed: when it was taken, its name and how many notes the board had. */
export const SnapshotSummary = z.object({
  id: SnapshotId,
  name: z.string(),
  /** ISO 8601. */
  createdAt: z.string(),
  /** Notes on the board when it was taken (reference content not counted). */
  notes: z.int().min(0),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

/** Answer of `GET /api/workshops/:id/snapshots` (newest first) and of taking one (`snapshot`). */
export const SnapshotList = z.object({ snapshots: z.array(SnapshotSummary) });
export type SnapshotList = z.infer<typeof SnapshotList>;

/**
 * Body of `POST /api/workshops/:id/snapshots/:sid/restore`: `new` makes a new workshop of it (answered
 * like creating one); `inPlace` makes the live workshop what the snapshot holds, for everyone connected.
 */
export const RestoreSnapshotRequest = z.strictObject({
  mode: z.enum(['new', 'inPlace']),
});
export type RestoreSnapshotRequest = z.infer<typeof RestoreSnapshotRequest>;

/** Answer of an in-place restore: how many board records it wrote and removed. */
export const RestoreInPlaceResponse = z.object({
  restored: z.literal(true),
  changed: z.int().min(0),
  removed: z.int().min(0),
});
export type RestoreInPlaceResponse = z.infer<typeof RestoreInPlaceResponse>;

/**
 * The name of the snapshot taken when a workshop moves to a step (1-based `number` on its agenda), in the
 * workshop's language: "Före steg 2: Gruppdiskussion".
 */
export function stepSnapshotName(locale: 'sv' | 'en', number: number, title: string): string {
  const name = locale === 'en' ? `Before step ${number}: ${title}` : `Före steg ${number}: ${title}`;
  return name.slice(0, 200);
}
