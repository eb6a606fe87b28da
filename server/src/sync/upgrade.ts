import {
  CloseCode,
  DOC_KINDS,
  docName,
  SESSION_PARAM,
  SessionKey,
  SIGNED_IN_TOKEN,
  type DocKind,
  type Role,
  WorkshopId,
} from '@samskapa/shared';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientAddress } from '../security/clientAddress';
import { LINKS_ONLY, roleFor, type Access } from '../security/access';
import type { WorkshopStore } from '../store/types';
import { serveConnection, type ConnectionContext, type EarlyMessage } from './connection';
import type { ParticipantSessions } from './participantSessions';

const SYNC_PATH = /^\/sync\/([^/]+)\/([^/]+)$/;

export interface SyncServerOptions extends ConnectionContext {
  workshops: WorkshopStore;
  maxConnectionsPerWorkshop: number;
  maxConnectionsPerAddress: number;
  /** Sockets that miss a ping for this long are terminated. */
  heartbeatMs: number;
  /** Reverse proxies whose X-Forwarded-For is trusted for the per-address limit. */
  trustProxyHops: number;
  /** Where a participant's board socket is registered under its session key while it is open. */
  sessions: Pick<ParticipantSessions, 'open'>;
  /** What an upgrade request may claim beyond its token (its sign-in cookie); links only when absent. */
  accessOf?: (req: IncomingMessage) => Access;
}

/**
 * Accepts WebSocket upgrades on `/sync/<workshopId>/<board|control>?token=…[&session=…]` and serves
 * them. A participant's board socket with a session key is registered under it while it is open.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly perWorkshop = new Map<string, Set<WebSocket>>();
  private readonly perAddress = new Map<string, number>();
  private readonly alive = new WeakSet<WebSocket>();
  /** The signed-in user a socket facilitates as (it sent the signed-in token), to close when removed. */
  private readonly signedIn = new WeakMap<WebSocket, string>();
  private readonly heartbeat: NodeJS.Timeout;
  /** Connections closed, by close code, for metrics. */
  readonly closes = new Map<number, number>();

  constructor(private readonly options: SyncServerOptions) {
    // ws enforces a hard cap of four times the protocol limit; between the two the server answers 4413.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 4 });
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        if (!this.alive.has(ws)) {
          ws.terminate();
          continue;
        }
        this.alive.delete(ws);
        ws.ping();
      }
    }, options.heartbeatMs);
  }

  /** Open sockets now. */
  get connections(): number {
    return this.wss.clients.size;
  }

  /** Handle an HTTP upgrade request; returns false when the path is not a sync path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return false; // not a URL at all (e.g. `GET http://[`)
    }
    const match = SYNC_PATH.exec(url.pathname);
    if (!match) return false;
    const [, id = '', kind = ''] = match;
    const token = url.searchParams.get('token') ?? '';
    // Not a key at all (a client that sends none, or garbage): the board works, nothing is registered.
    const session = SessionKey.safeParse(url.searchParams.get(SESSION_PARAM));
    const address = clientAddress(req, this.options.trustProxyHops);
    const access = this.options.accessOf?.(req) ?? LINKS_ONLY;
    // Accept first, then close with a 44xx code: y-websocket stops reconnecting on those.
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.alive.add(ws);
      ws.on('pong', () => this.alive.add(ws));
      ws.on('error', (err) => this.options.log.debug({ err: err.message }, 'socket error'));
      ws.on('close', (code) => this.closes.set(code, (this.closes.get(code) ?? 0) + 1));
      // A client speaks as soon as the socket opens; keep what it says while its token is checked.
      const early: EarlyMessage[] = [];
      let earlyBytes = 0;
      const keep = (data: Buffer, isBinary: boolean) => {
        earlyBytes += data.byteLength;
        if (earlyBytes > this.options.maxMessageBytes * 2) ws.close(CloseCode.tooLarge, 'too much too early');
        else early.push([data, isBinary]);
      };
      ws.on('message', keep);
      void this.admit(ws, id, kind, token, address, session.data, access).then((admitted) => {
        ws.off('message', keep);
        if (admitted) serveConnection(ws, docName(id, admitted.kind), admitted.role, this.options, early);
      });
    });
    return true;
  }

  private async admit(
    ws: WebSocket,
    id: string,
    kind: string,
    token: string,
    address: string,
    session: string | undefined,
    access: Access,
  ): Promise<{ kind: DocKind; role: Role } | undefined> {
    const refuse = (code: number, reason: string) => {
      this.options.log.info({ workshopId: id, kind, code, reason }, 'refused connection');
      ws.close(code, reason);
      return undefined;
    };
    if (!WorkshopId.safeParse(id).success || !(DOC_KINDS as readonly string[]).includes(kind)) {
      return refuse(CloseCode.notFound, 'no such workshop');
    }
    const workshop = await this.options.workshops.get(id);
    if (!workshop) return refuse(CloseCode.notFound, 'no such workshop');
    const role = await roleFor(workshop, token, access);
    if (!role) return refuse(CloseCode.unauthorized, 'unknown token');
    if (token === SIGNED_IN_TOKEN && access.userId) this.signedIn.set(ws, access.userId);
    const sockets = this.perWorkshop.get(id) ?? new Set<WebSocket>();
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (sockets.size >= this.options.maxConnectionsPerWorkshop) {
      return refuse(CloseCode.tooManyConnections, 'too many connections to this workshop');
    }
    if (fromAddress >= this.options.maxConnectionsPerAddress) {
      return refuse(CloseCode.tooManyConnections, 'too many connections from this address');
    }
    if (ws.readyState !== ws.OPEN) return;
    sockets.add(ws);
    this.perWorkshop.set(id, sockets);
    this.perAddress.set(address, fromAddress + 1);
    ws.on('close', () => {
      sockets.delete(ws);
      if (sockets.size === 0) this.perWorkshop.delete(id);
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
    });
    // Registered before the socket is served, so a client that has synced may ask for its credential.
    if (session && role === 'participant' && kind === 'board') {
      const forget = await this.options.sessions.open(id, session);
      if (forget && ws.readyState === ws.OPEN) ws.once('close', forget);
      else forget?.();
      if (ws.readyState !== ws.OPEN) return;
    }
    this.options.log.info({ workshopId: id, kind, role }, 'connection opened');
    return { kind: kind as DocKind, role };
  }

  /** Close the sockets a signed-in user opened in a workshop as its co-facilitator (they were removed). */
  closeMember(workshopId: string, userId: string): void {
    for (const ws of this.perWorkshop.get(workshopId) ?? []) {
      if (this.signedIn.get(ws) === userId) ws.close(CloseCode.unauthorized, 'no longer a facilitator');
    }
  }

  /**
   * Close the sockets of signed-in people who no longer facilitate their workshop: removed or the
   * workshop transferred by another process (the admin command, another server). Asked periodically.
   */
  async closeFormerMembers(
    isMember: (workshopId: string, userId: string) => Promise<boolean>,
  ): Promise<void> {
    for (const [workshopId, sockets] of [...this.perWorkshop]) {
      for (const ws of [...sockets]) {
        const userId = this.signedIn.get(ws);
        if (userId && !(await isMember(workshopId, userId))) {
          ws.close(CloseCode.unauthorized, 'no longer a facilitator');
        }
      }
    }
  }

  /** Close every socket of a workshop (it was deleted). */
  closeWorkshop(id: string, code: number, reason: string): void {
    for (const ws of this.perWorkshop.get(id) ?? []) ws.close(code, reason);
  }

  /**
   * Close every socket (clients reconnect to the next server); sockets whose peer does not answer the
   * close within `graceMs` (a phone that left the network) are cut.
   */
  async close(graceMs = 1000): Promise<void> {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.close(1012, 'server restarting');
    const deadline = Date.now() + graceMs;
    while (this.wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
