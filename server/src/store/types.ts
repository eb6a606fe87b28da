import type { DocName, WorkshopState } from '@samskapa/shared';

/** A stored workshop. Secrets are kept only as SHA-256 hashes. */
export interface WorkshopRow {
  id: string;
  title: string;
  template: string | null;
  locale: string;
  createdAt: number;
  updatedAt: number;
  /** The workshop and all its data are deleted after this time (ms since epoch). */
  retainUntil: number;
  facilitatorHash: Buffer;
  participantHash: Buffer;
  viewerHash: Buffer;
  joinCode: string;
  state: WorkshopState;
}

/** The update log of Yjs documents, addressed by room name (`<workshopId>/<board|control>`). */
export interface DocStore {
  /** Every stored update of a document, oldest first; empty for a new document. */
  load(doc: DocName): Promise<Uint8Array[]>;
  /**
   * Durably append one update; resolves true only once it is stored. Resolves false, storing nothing,
   * when the document's workshop does not exist (deleted, perhaps by another process a moment ago): no
   * write may outlive its workshop's deletion.
   */
  append(doc: DocName, update: Uint8Array): Promise<boolean>;
  /**
   * Replace the whole log of a document by one update holding its state. `unreadable` are stored
   * updates that could not be applied: they stay in the log, so nothing stored is ever dropped. When the
   * workshop no longer exists nothing is written back.
   */
  compact(doc: DocName, state: Uint8Array, unreadable?: Uint8Array[]): Promise<void>;
}

/** Workshop rows. */
export interface WorkshopStore {
  /** Insert a workshop; resolves false when the join code is already taken. */
  create(row: WorkshopRow): Promise<boolean>;
  get(id: string): Promise<WorkshopRow | undefined>;
  findByJoinCode(code: string): Promise<WorkshopRow | undefined>;
  /** Delete a workshop, both of its documents and all its assets at once; false when it did not exist. */
  delete(id: string): Promise<boolean>;
  /** Ids of workshops whose retention time has passed. */
  expired(now: number): Promise<string[]>;
  /** Every workshop, oldest first (for administrators). */
  list(): Promise<WorkshopRow[]>;
}

/** An uploaded image. The id is its capability: 256 random bits, url-safe. */
export interface AssetRow {
  id: string;
  workshopId: string;
  /** The verified content type, e.g. `image/png`. */
  mime: string;
  bytes: Buffer;
  createdAt: number;
}

/** Uploaded images, kept in the database beside the workshop they belong to. */
export interface AssetStore {
  /** Store an asset; resolves false (and stores nothing) when its workshop does not exist. */
  putAsset(asset: AssetRow): Promise<boolean>;
  getAsset(id: string): Promise<AssetRow | undefined>;
}

/** Everything the server keeps, behind one handle. */
export interface Store extends DocStore, WorkshopStore, AssetStore {
  /** Bytes the store occupies on disk, for metrics. */
  sizeBytes(): number;
  close(): void;
}
