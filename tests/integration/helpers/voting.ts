import {
  addNote,
  readControlField,
  storedRecord,
  writeControlField,
  type Ballot,
  type BallotResponse,
  type CreateWorkshopResponse,
  SESSION_HEADER,
  SESSION_PARAM,
  type ParticipantCredential,
  type VoteSettings,
} from '@samskapa/shared';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { connect, synced, waitFor, type Client } from './clients';
import type { RunningServer } from './server';

type Server = Pick<RunningServer, 'http' | 'ws'>;

/** An HTTP answer: its status and its parsed JSON body (undefined when there is none). */
export interface Answer<T> {
  status: number;
  body: T;
}

/** Call the API with a bearer token and an optional JSON body. */
export async function call<T = unknown>(
  server: Pick<RunningServer, 'http'>,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(`${server.http}${path}`, {
    method,
    headers: {
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A session key as a browser makes one: 256 random bits, url-safe. */
export function newSessionKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Participants' board sockets opened here, closed by {@link disconnectParticipants}. */
const participantBoards = new Set<Client>();

/**
 * A participant's board socket with a session key, as the browser opens it (official y-websocket
 * client); resolves once it has synced, which the server answers only after registering the session.
 */
export async function connectParticipant(
  server: Server,
  workshopId: string,
  token: string,
  session = newSessionKey(),
): Promise<{ board: Client; session: string }> {
  const board = connect(server, workshopId, 'board', token, new Y.Doc(), { [SESSION_PARAM]: session });
  participantBoards.add(board);
  await synced(board);
  return { board, session };
}

/** Close every participant's board socket opened by this file's tests. */
export function disconnectParticipants(): void {
  for (const board of participantBoards) board.destroy();
  participantBoards.clear();
}

/** `POST …/participants` with the link's `token`, naming the session `session` (none: no header). */
export async function askCredential(
  server: Pick<RunningServer, 'http'>,
  workshopId: string,
  token: string,
  session?: string,
): Promise<Answer<ParticipantCredential & { error?: string; message?: string }>> {
  const res = await fetch(`${server.http}/api/workshops/${workshopId}/participants`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(session !== undefined && { [SESSION_HEADER]: session }),
    },
  });
  return { status: res.status, body: (await res.json()) as ParticipantCredential };
}

/** A participant who joined as a browser does: their open board socket, their session and credential. */
export interface Voter extends ParticipantCredential {
  session: string;
  board: Client;
}

/**
 * A voter as the browser makes one with the holder of `token` (the participant link's token): the
 * board's socket opened with a new session key, then a credential bound to that session.
 */
export async function newVoter(server: Server, workshopId: string, token: string): Promise<Voter> {
  const { board, session } = await connectParticipant(server, workshopId, token);
  const answer = await askCredential(server, workshopId, token, session);
  if (answer.status !== 201)
    throw new Error(`no credential: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { participantId: answer.body.participantId, secret: answer.body.secret, session, board };
}

/** Send a whole ballot as a participant. */
export function putBallot(
  server: Pick<RunningServer, 'http'>,
  workshopId: string,
  secret: string,
  round: number,
  ballot: Ballot,
) {
  return call<BallotResponse & { error?: string }>(
    server,
    'PUT',
    `/api/workshops/${workshopId}/ballot`,
    secret,
    {
      round,
      ballot,
    },
  );
}

/** The participant's own ballot and the voting state. */
export function getBallot(server: Pick<RunningServer, 'http'>, workshopId: string, secret: string) {
  return call<BallotResponse>(server, 'GET', `/api/workshops/${workshopId}/ballot`, secret);
}

/** The facilitator's two documents, connected with official y-websocket clients. */
export interface Facilitator {
  board: Client;
  control: Client;
  destroy(): void;
}

export async function connectFacilitator(server: Server, w: CreateWorkshopResponse): Promise<Facilitator> {
  const board = connect(server, w.id, 'board', w.facilitatorToken);
  const control = connect(server, w.id, 'control', w.facilitatorToken);
  await Promise.all([synced(board), synced(control)]);
  return {
    board,
    control,
    destroy() {
      board.destroy();
      control.destroy();
    },
  };
}

/** Put `count` participant notes on the board as the facilitator; resolves with their ids once stored. */
export async function addNotes(
  server: Server,
  w: CreateWorkshopResponse,
  facilitator: Facilitator,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      addNote(facilitator.board.doc, {
        text: `Idé ${i + 1}`,
        areaId: null,
        authorId: 'facilitator',
        author: 'Samordnare',
        now: Date.now(),
        pageName: 'Tavla',
      }),
    );
  }
  await whenServerHas(server, w, ids);
  return ids;
}

/** Wait until the server's board has every note: a fresh client synced from it sees them all. */
async function whenServerHas(server: Server, w: CreateWorkshopResponse, ids: string[]): Promise<void> {
  const fresh = connect(server, w.id, 'board', w.viewerToken);
  try {
    await synced(fresh);
    await waitFor(
      () => ids.every((id) => storedRecord(fresh.doc, id) !== undefined),
      'the server has the notes',
    );
  } finally {
    fresh.destroy();
  }
}

/** Wait until the server's control doc satisfies `done`: a viewer's client synced from it sees it. */
export async function serverControlShows(
  server: Server,
  w: CreateWorkshopResponse,
  done: (doc: Y.Doc) => boolean,
  what = 'the server has the control doc change',
): Promise<void> {
  const viewer = connect(server, w.id, 'control', w.viewerToken);
  try {
    await synced(viewer);
    await waitFor(() => done(viewer.doc), what);
  } finally {
    viewer.destroy();
  }
}

/** Open a voting round as the facilitator does (writing the control doc); resolves once the server has it. */
export async function openVoting(
  server: Server,
  w: CreateWorkshopResponse,
  facilitator: Facilitator,
  settings: VoteSettings = { budget: 5, perNoteCap: 2 },
): Promise<number> {
  const doc = facilitator.control.doc;
  const round = readControlField(doc, 'voting').round + 1;
  writeControlField(doc, 'voting', { phase: 'open', settings, round });
  await serverControlShows(server, w, (d) => readControlField(d, 'voting').round === round);
  return round;
}

/** Stop voting without a reveal; resolves once the server has it. */
export async function closeVoting(server: Server, w: CreateWorkshopResponse, facilitator: Facilitator) {
  const doc = facilitator.control.doc;
  const voting = readControlField(doc, 'voting');
  writeControlField(doc, 'voting', { ...voting, phase: 'closed' });
  await serverControlShows(server, w, (d) => readControlField(d, 'voting').phase === 'closed');
}
