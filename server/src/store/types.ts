import type { Ballot, DocName, WorkshopState } from '@samskapa/shared';

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
  /**
   * Delete a workshop, both of its documents, all its assets, participants and ballots at once; false
   * when it did not exist. None of its content stays readable in the store's files (SQLite: freed pages
   * are zeroed and the WAL is emptied; PostgreSQL: the rows go, dead tuples wait for VACUUM).
   */
  delete(id: string): Promise<boolean>;
  /** Ids of workshops whose retention time has passed. */
  expired(now: number): Promise<string[]>;
  /** Set a workshop's deletion time (ms since epoch); false when it does not exist. */
  setRetention(id: string, retainUntil: number): Promise<boolean>;
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

/**
 * Voter credentials and ballots: kept where no participant's connection reaches them (never in a
 * document) until a round is counted. Everything here belongs to one workshop and goes with it.
 */
export interface BallotStore {
  /** Register a participant's credential (its secret as a hash); false when the workshop does not exist. */
  addParticipant(workshopId: string, participantId: string, secretHash: Buffer): Promise<boolean>;
  /** The participant whose secret has this hash, in this workshop. */
  participantBySecretHash(workshopId: string, secretHash: Buffer): Promise<string | undefined>;
  /**
   * Replace a participant's whole ballot of a round at once. False, storing nothing, when the round
   * has been counted ({@link countRound}) or the participant (or the workshop) does not exist.
   */
  putBallot(workshopId: string, participantId: string, round: number, ballot: Ballot): Promise<boolean>;
  /** A participant's ballot of a round, if they sent one. */
  getBallot(workshopId: string, participantId: string, round: number): Promise<Ballot | undefined>;
  /** Every ballot of a round (no voter attached). */
  ballots(workshopId: string, round: number): Promise<Ballot[]>;
  /**
   * Close a round for ballots and return all of them: every ballot stored before is in the answer, and
   * none is stored after it (also across processes sharing the store). Counting again gives the same.
   */
  countRound(workshopId: string, round: number): Promise<Ballot[]>;
}

/** A named copy of both documents of a workshop at one moment (each `Y.encodeStateAsUpdate`). */
export interface SnapshotRow {
  /** 128 random bits, url-safe. */
  id: string;
  workshopId: string;
  name: string;
  createdAt: number;
  /** Notes on the board (reference content not counted), for the list. */
  notes: number;
  board: Uint8Array;
  control: Uint8Array;
}

/** Snapshots of workshops; they go with their workshop ({@link WorkshopStore.delete}). */
export interface SnapshotStore {
  /**
   * Keep a snapshot, and of its workshop's snapshots only the newest `keep`; resolves false (storing
   * nothing) when the workshop does not exist.
   */
  putSnapshot(snapshot: SnapshotRow, keep: number): Promise<boolean>;
  /** A workshop's snapshots without their documents, newest first. */
  listSnapshots(workshopId: string): Promise<Omit<SnapshotRow, 'board' | 'control'>[]>;
  /** One snapshot with its documents, if it belongs to the workshop. */
  getSnapshot(workshopId: string, id: string): Promise<SnapshotRow | undefined>;
}

/** Everything the server keeps, behind one handle. */
export interface Store extends DocStore, WorkshopStore, AssetStore, BallotStore, SnapshotStore {
  /** Bytes the store occupies on disk, for metrics. */
  sizeBytes(): number;
  close(): void;
}
