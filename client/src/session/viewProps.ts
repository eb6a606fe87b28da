import type { ControlState } from '@samskapa/shared';
import type { MessageKey } from '../i18n/i18n';
import type { DocConnection } from '../sync/docConnection';
import type { Access } from './identity';
import type { ReadOnlyReason } from './writePolicy';

/** What the workshop page hands each of its views (canvas, list board, phone). */
export interface ViewProps {
  workshopId: string;
  access: Access;
  /** The board doc, synced (or loaded from the cache, or timed out). */
  connection: DocConnection;
  person: { id: string; name: string; color: string };
  licenseKey: string | undefined;
  /** Whether this person may change the board now (role, lock, refused connection, newer board). */
  mayWrite: boolean;
  /** Why not, when `mayWrite` is false (see `writePolicy`). */
  readOnlyReason: ReadOnlyReason | null;
  /** The session's state (agenda, timer, votes, groups, lock); null until the control doc is open. */
  control: ControlState | null;
  /** The code of the area of this participant's group, when they are in one that has an area. */
  groupAreaCode: string | null;
  /** The board was written by a newer Samskapa: nothing more may be written. */
  outdated: boolean;
  /** Says something to screen readers only. */
  announce: (key: MessageKey) => void;
  /** Shows (and announces) a short notice. */
  notify: (key: MessageKey) => void;
  onOutdated: () => void;
}
