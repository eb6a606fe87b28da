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
   * Delete a workshop, both of its documents, all its assets, participants, ballots and registered
   * connections, owner, co-facilitators and invitations at once; false when it did not exist. None of its content stays readable in the store's
   * files (SQLite: freed pages are zeroed and the WAL is emptied; PostgreSQL: the rows go, dead tuples
   * wait for VACUUM).
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

/** What registering a voter credential did. */
export type AddParticipantResult =
  /** Stored, bound to the session. */
  | 'added'
  /** Nothing stored: the workshop does not exist. */
  | 'noWorkshop'
  /** Nothing stored: the session already holds a credential (one per session). */
  | 'sessionTaken';

/**
 * Voter credentials and ballots: kept where no participant's connection reaches them (never in a
 * document) until a round is counted. Everything here belongs to one workshop and goes with it.
 */
export interface BallotStore {
  /**
   * Register a participant's credential (its secret as a hash), bound to the session (its key as a
   * hash) whose board socket was open when it was issued; a session holds at most one.
   */
  addParticipant(
    workshopId: string,
    participantId: string,
    secretHash: Buffer,
    sessionHash: Buffer,
  ): Promise<AddParticipantResult>;
  /**
   * The participant whose secret has this hash, in this workshop; only credentials bound to a session
   * (those issued before credentials were bound are not found, so their holder asks again).
   */
  participantBySecretHash(workshopId: string, secretHash: Buffer): Promise<string | undefined>;
  /**
   * Replace a participant's whole ballot of a round at once. False, storing nothing, when the round
   * has been counted ({@link countRound}) or the participant (or the workshop) does not exist.
   */
  putBallot(workshopId: string, participantId: string, round: number, ballot: Ballot): Promise<boolean>;
  /** A participant's ballot of a round, if they sent one. */
  getBallot(workshopId: string, participantId: string, round: number): Promise<Ballot | undefined>;
  /** Every ballot of a round whose credential is bound to a session (no voter attached). */
  ballots(workshopId: string, round: number): Promise<Ballot[]>;
  /**
   * Close a round for ballots and return all of them (as {@link ballots}): every ballot stored before is
   * in the answer, and none is stored after it (also across processes sharing the store). Counting
   * again gives the same.
   */
  countRound(workshopId: string, round: number): Promise<Ballot[]>;
}

/** A participant's open board socket, registered by the server process that holds it. */
export interface LiveConnection {
  /** Random for each socket. */
  id: string;
  workshopId: string;
  /** SHA-256 of the session key the browser sent with the socket (`?session=`). */
  sessionHash: Buffer;
  /** The server process holding the socket: random for each start of a process. */
  holder: string;
}

/**
 * Participants' board sockets open now, by session, kept in the store so that every process sharing it
 * sees them (a credential is asked for on one process, the socket may be open on another). A holder
 * renews its rows while it runs; a row not renewed for a while belongs to a process that is gone.
 */
export interface ConnectionStore {
  /** Register an open socket as renewed at `now`; false (nothing stored) when the workshop does not exist. */
  openConnection(connection: LiveConnection, now: number): Promise<boolean>;
  /** Forget a socket that closed. */
  closeConnection(id: string): Promise<void>;
  /** Mark every socket of `holder` renewed at `now`, and forget every socket not renewed since `staleBefore`. */
  renewConnections(holder: string, now: number, staleBefore: number): Promise<void>;
  /** Forget every socket of `holder` (it is shutting down). */
  closeConnectionsOf(holder: string): Promise<void>;
  /** Whether a session has a socket open in the workshop, renewed since `since`. */
  sessionLive(workshopId: string, sessionHash: Buffer, since: number): Promise<boolean>;
  /** How many sessions have a socket open in the workshop, renewed since `since`. */
  liveSessions(workshopId: string, since: number): Promise<number>;
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

/** A person who signed in with the OpenID Connect provider; `id` is ours, `issuer` + `subject` theirs. */
export interface UserRow {
  /** 96 random bits, url-safe, prefixed `u_`. */
  id: string;
  issuer: string;
  subject: string;
  /** As the provider last said (claim `email`); lower case; empty when it sends none. */
  email: string;
  /** As the provider last said (claim `name`). */
  name: string;
  createdAt: number;
}

/** What a signed-in user is in a workshop: its owner or a co-facilitator. */
export type MemberRole = 'owner' | 'coFacilitator';

/** A user with their place in one workshop. */
export interface MemberRow {
  user: UserRow;
  role: MemberRole;
  addedAt: number;
}

/** A co-facilitator invitation not yet taken up: for one e-mail address, or a one-time link. */
export interface InvitationRow {
  /** 128 random bits, url-safe: names the invitation in the owner's list (not the link's secret). */
  id: string;
  workshopId: string;
  /** The invited address (lower case), or null for a one-time link. */
  email: string | null;
  /** SHA-256 of the link's secret, or null for an e-mail invitation. */
  tokenHash: Buffer | null;
  createdAt: number;
  expiresAt: number;
}

/**
 * Users, who owns which workshop, co-facilitators and their invitations. Everything of a workshop goes
 * with it ({@link WorkshopStore.delete}).
 */
export interface AccountStore {
  /** Insert the user `issuer` + `subject` names, or update their e-mail and name; returns the stored row. */
  upsertUser(user: Omit<UserRow, 'id' | 'createdAt'>, now: number): Promise<UserRow>;
  getUser(id: string): Promise<UserRow | undefined>;
  /** Users with this e-mail address (lower case), oldest first. */
  usersByEmail(email: string): Promise<UserRow[]>;
  /**
   * Make `userId` a workshop's only owner (a co-facilitator row of theirs becomes the owner row; a former
   * owner loses the workshop); false when the workshop or the user does not exist.
   */
  setOwner(workshopId: string, userId: string, now: number): Promise<boolean>;
  /**
   * Make `userId` the owner of a workshop that has none (created without signing in); true when they
   * own it now (also when they did already), false when someone else does or the workshop does not exist.
   */
  claimOwnership(workshopId: string, userId: string, now: number): Promise<boolean>;
  /** Add a co-facilitator; false when the workshop or user does not exist or they are already a member. */
  addCoFacilitator(workshopId: string, userId: string, now: number): Promise<boolean>;
  /** Remove a co-facilitator (never the owner); false when they were not one. */
  removeCoFacilitator(workshopId: string, userId: string): Promise<boolean>;
  /** What the user is in the workshop, if anything. */
  memberRole(workshopId: string, userId: string): Promise<MemberRole | undefined>;
  /** The owner and co-facilitators of a workshop, owner first. */
  members(workshopId: string): Promise<MemberRow[]>;
  /** The workshops a user owns or co-facilitates, newest first. */
  workshopsOf(userId: string): Promise<{ workshop: WorkshopRow; role: MemberRole }[]>;
  /** Every workshop with an owner, with that owner (for administrators), oldest first. */
  owners(): Promise<{ workshop: WorkshopRow; owner: UserRow }[]>;
  /** Store an invitation; false (nothing stored) when the workshop does not exist. */
  addInvitation(invitation: InvitationRow): Promise<boolean>;
  /** A workshop's open invitations, oldest first (expired ones are not listed). */
  invitations(workshopId: string, now: number): Promise<InvitationRow[]>;
  /** Withdraw an invitation; false when the workshop has none with this id. */
  removeInvitation(workshopId: string, id: string): Promise<boolean>;
  /**
   * Take up the one-time link whose secret has this hash: the user becomes a co-facilitator (unless
   * already a member) and the link is used up. The workshop's id, or undefined for an unknown, used or
   * expired link.
   */
  acceptInvitation(tokenHash: Buffer, userId: string, now: number): Promise<string | undefined>;
  /** Take up every open invitation for this e-mail address; the workshops' ids. */
  acceptEmailInvitations(email: string, userId: string, now: number): Promise<string[]>;
}

/** Everything the server keeps, behind one handle. */
export interface Store
  extends DocStore, WorkshopStore, AssetStore, BallotStore, ConnectionStore, SnapshotStore, AccountStore {
  /** Bytes the store occupies on disk, for metrics. */
  sizeBytes(): number;
  close(): void;
}
