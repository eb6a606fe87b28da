import * as Y from 'yjs';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import {
  boardRecords,
  canWrite,
  CloseCode,
  docName,
  carryLegacyEdits,
  needsLayoutMigration,
  settleOwnPlacements,
  type DocKind,
  type Role,
} from '@samskapa/shared';
import { sendOwnPresenceOnly } from './ownPresence';
import { sessionParams } from './sessionKey';
import { connectionStateOf, type ConnectionFacts, type ConnectionState } from './connectionState';

/** How long a first visit waits for the server before showing the (empty or cached) board anyway. */
const READY_TIMEOUT_MS = 8000;

/** The `/sync` endpoint of the page's own origin. */
export function syncUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * One of a workshop's documents (board or control): cached in IndexedDB, synced over y-websocket,
 * with a visible connection state. The doc is the source of truth; views bind to it once ready.
 */
export class DocConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly cache: IndexeddbPersistence;
  readonly readOnly: boolean;
  private facts: ConnectionFacts;
  private state: ConnectionState;
  private readonly listeners = new Set<() => void>();
  private readonly ready: Promise<void>;
  private readonly stopSettling: () => void;
  private readonly refusedListeners = new Set<() => void>();
  private destroyed = false;

  constructor(
    readonly workshopId: string,
    readonly kind: DocKind,
    readonly role: Role,
    /** The capability this browser holds; it also authorises image uploads. */
    readonly token: string,
  ) {
    const name = docName(workshopId, kind);
    this.readOnly = !canWrite(role, kind);
    // Create the key-value view before any update arrives, so it indexes every record once.
    if (kind === 'board') boardRecords(this.doc);
    // Notes this browser puts into slots move on if someone else's landed in the same slot meanwhile.
    this.stopSettling = kind === 'board' && !this.readOnly ? settleOwnPlacements(this.doc) : () => undefined;
    this.cache = new IndexeddbPersistence(`samskapa:${name}`, this.doc);
    this.provider = new WebsocketProvider(syncUrl(), name, this.doc, {
      params: { token, ...sessionParams(workshopId) },
      // A read-only tab must not hand its (dropped) edits to an editing tab over BroadcastChannel.
      disableBc: this.readOnly,
      // Connected once the offline copy is read: a copy in the old layout is converted first.
      connect: false,
    });
    void this.cache.whenSynced.then(async () => {
      if (kind === 'board' && needsLayoutMigration(this.doc)) await carryOldLayout(this.doc, name, token);
      if (!this.destroyed) this.provider.connect();
    });
    sendOwnPresenceOnly(this.provider);
    this.facts = {
      online: navigator.onLine,
      status: 'connecting',
      synced: false,
      everSynced: false,
      closed: null,
    };
    this.state = connectionStateOf(this.facts);

    this.provider.on('status', ({ status }) => this.update({ status }));
    this.provider.on('sync', (synced: boolean) =>
      this.update({ synced, everSynced: this.facts.everSynced || synced }),
    );
    this.provider.on('closed', ({ code }: { code: number }) => {
      if (code === CloseCode.refused) for (const listener of [...this.refusedListeners]) listener();
      else this.update({ closed: { code } });
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);

    this.ready = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, READY_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.provider.once('sync', done);
      this.provider.once('closed', done);
      // A document seen before opens from the cache at once, even without a network.
      void this.cache.whenSynced.then(() => {
        if (this.doc.store.clients.size > 0) done();
      });
    });
  }

  /** Resolves when the document can be shown: synced with the server, loaded from cache, or timed out. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  getState(): ConnectionState {
    return this.state;
  }

  /** Subscribes to connection state changes (for `useSyncExternalStore`). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Deletes this document's offline copy from the browser (the workshop no longer exists). */
  clearCache(): Promise<void> {
    return this.cache.clearData();
  }

  /**
   * Calls `listener` when the server refused a change of this browser's: this copy of the document holds
   * something the server will never have, so it must be thrown away (with {@link clearCache}) and the
   * document opened again from the server's state.
   */
  onRefused(listener: () => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    this.refusedListeners.clear();
    this.stopSettling();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.provider.destroy();
    void this.cache.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private onOnline = () => {
    this.update({ online: true });
    // Come back at once instead of waiting for the provider's back-off.
    if (!this.facts.closed && this.facts.status !== 'connected') this.provider.connect();
  };

  private onOffline = () => this.update({ online: false });

  private update(change: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...change };
    const next = connectionStateOf(this.facts);
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/**
 * Deletes the offline copy of one of a workshop's documents, open or not (the workshop was deleted): an
 * open copy is deleted once the page lets go of it.
 */
export function clearOfflineCopy(workshopId: string, kind: DocKind): Promise<void> {
  return clearDocument(`samskapa:${docName(workshopId, kind)}`);
}

/**
 * An offline copy written by the version before layout 2 (a browser that was offline across the
 * upgrade): the server's state is fetched into a separate document first and applied to the copy; what
 * is still left in the old array after that is exactly what the server never had (the server emptied the
 * array when it converted the board), and it is carried into layout 2 property by property, on top of
 * the server's records. Only then does the copy connect, so it never sends the old layout. Waits for as
 * long as the server cannot be reached.
 */
async function carryOldLayout(doc: Y.Doc, name: string, token: string): Promise<void> {
  const fresh = new Y.Doc();
  const probe = new WebsocketProvider(syncUrl(), name, fresh, { params: { token }, disableBc: true });
  probe.awareness.setLocalState(null);
  try {
    await new Promise<void>((resolve) => {
      if (probe.synced) resolve();
      else probe.once('sync', () => resolve());
      probe.once('closed', () => resolve());
    });
    if (!probe.synced) return;
    carryLegacyEdits(doc, Y.encodeStateAsUpdate(fresh));
  } finally {
    probe.destroy();
    fresh.destroy();
  }
}
