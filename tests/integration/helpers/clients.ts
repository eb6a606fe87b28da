import {
  boardRecords,
  buildNote,
  docName,
  readNote,
  type CreateWorkshopResponse,
  type NoteInput,
  type StoredRecord,
  type TemplateId,
} from '@samskapa/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RunningServer } from './server';

/** Create a workshop through the REST API, as the start page does (from a built-in template if named). */
export async function createWorkshop(
  server: Pick<RunningServer, 'http'>,
  title = 'Referensgruppsmöte',
  template?: TemplateId,
) {
  const res = await fetch(`${server.http}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateWorkshopResponse;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  closes: number[];
  /** Set when the provider gave up reconnecting. */
  closedFor: { code: number; reason: string } | null;
  destroy(): void;
}

/**
 * An official y-websocket client, as the browser uses it (BroadcastChannel off so only the server
 * syncs); `params` go beside the token (the browser's `session` key).
 */
export function connect(
  server: Pick<RunningServer, 'ws'>,
  workshopId: string,
  kind: 'board' | 'control',
  token: string,
  doc = new Y.Doc(),
  params: Record<string, string> = {},
): Client {
  const provider = new WebsocketProvider(server.ws, docName(workshopId, kind), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ...params, token },
    disableBc: true,
    maxBackoffTime: 500,
  });
  return clientOf(provider, doc);
}

/** A {@link Client} of a provider made elsewhere (another WebSocket class, e.g. one that sends a cookie). */
export function clientOf(provider: WebsocketProvider, doc: Y.Doc): Client {
  const client: Client = {
    doc,
    provider,
    closes: [],
    closedFor: null,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('connection-close', (event) => {
    if (event) client.closes.push(event.code);
  });
  provider.on('closed', (event) => {
    client.closedFor = event;
  });
  return client;
}

/** Wait until `condition` holds, checking every 20 ms; fails with `message` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, message: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const synced = (c: Client) => waitFor(() => c.provider.synced, 'client synced');

const NOTE_ID_PREFIX = 'shape:';

/** Where the note under `key` sits: a grid cell picked by the key, so notes spread over the board. */
function notePosition(key: string): { x: number; y: number } {
  let hash = 0;
  for (const char of key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return { x: (hash % 40) * 220, y: (Math.floor(hash / 40) % 40) * 220 };
}

/** Write a valid tldraw note `shape:<key>` holding `text` (only its text changes if it exists). */
export function setNote(doc: Y.Doc, key: string, text: string): void {
  const note = buildNote({
    id: `${NOTE_ID_PREFIX}${key}` as NoteInput['id'],
    ...notePosition(key),
    text,
    index: 'a1' as NoteInput['index'],
  });
  boardRecords(doc).set(note.id, note as unknown as StoredRecord);
}

/** Notes as a user sees them: the text of every note on the board, by id without `shape:`. */
export function notes(doc: Y.Doc): Record<string, string> {
  const entries: [string, string][] = [];
  for (const record of boardRecords(doc).all()) {
    const note = readNote(record, null);
    if (note) entries.push([note.id.replace(NOTE_ID_PREFIX, ''), note.text]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Every writer adds one note every 5 ms until `stop()`; `stop` resolves with the number of notes each
 * wrote. Used to crash or cut servers while people are typing.
 */
export function writeContinuously(writers: Client[]): { written: () => number; stop: () => Promise<number> } {
  let written = 0;
  let writing = true;
  const loop = (async () => {
    while (writing) {
      for (const [i, c] of writers.entries()) setNote(c.doc, `w${i}-${written}`, `skrivet ${written}`);
      written++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    written: () => written,
    stop: async () => {
      writing = false;
      await loop;
      return written;
    },
  };
}
