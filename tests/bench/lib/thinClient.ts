import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * A load-generator client: speaks the y-websocket protocol with its own Y.Doc but never applies what it
 * receives (a real browser would; here the generator must stay cheap). Observers decode what they
 * receive to measure delivery latency and loss.
 */
export class ThinClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  updatesReceived = 0;
  awarenessReceived = 0;
  /** `<clientId>:<clock>` of every update an observer received. */
  readonly seen = new Set<string>();
  private constructor(
    readonly ws: WebSocket,
    private readonly clock: DeliveryClock,
    private readonly observer: boolean,
  ) {
    ws.on('message', (data: Buffer) => this.receive(data));
  }

  /**
   * Connect and send sync step 1 as a browser does on open. Every client records when it sent each
   * update in `clock`; only observers decode what they receive to measure latency and loss.
   */
  static async open(url: string, clock: DeliveryClock, observer: boolean): Promise<ThinClient> {
    const ws = new WebSocket(url);
    const client = new ThinClient(ws, clock, observer);
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    ws.send(message(0, 0, Y.encodeStateVector(client.doc)));
    return client;
  }

  /** Change the own doc and send the change as the browser does; returns the sent update's key. */
  write(change: (doc: Y.Doc) => void): string {
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.on('update', capture);
    change(this.doc);
    this.doc.off('update', capture);
    if (!update) return '';
    const key = updateKey(this.doc.clientID, update);
    this.clock.sent.set(key, performance.now());
    this.ws.send(message(0, 2, update));
    return key;
  }

  /** Set presence fields and send them. */
  present(fields: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(fields)) this.awareness.setLocalStateField(k, v);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
    );
    this.ws.send(encoding.toUint8Array(e));
  }

  close(): void {
    this.awareness.destroy();
    this.ws.close();
  }

  private receive(data: Buffer): void {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === 1) {
      this.awarenessReceived++;
      if (this.observer) this.clock.awarenessLatencies(decoding.readVarUint8Array(d));
      return;
    }
    if (type !== 0 || decoding.readVarUint(d) !== 2) return;
    this.updatesReceived++;
    if (!this.observer) return;
    const now = performance.now();
    const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(d));
    for (const [clientId, clock] of meta.to) {
      const key = `${clientId}:${clock}`;
      this.seen.add(key);
      const t = this.clock.sent.get(key);
      if (t !== undefined) this.clock.updateLatencies.push(now - t);
    }
  }
}

/** Send times of updates and the latencies observers measured, shared by the clients of one run. */
export class DeliveryClock {
  readonly sent = new Map<string, number>();
  readonly updateLatencies: number[] = [];
  readonly cursorLatencies: number[] = [];

  /** Presence states carry `t` (send time); record how long each took to arrive. */
  awarenessLatencies(update: Uint8Array): void {
    const now = performance.now();
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    for (let i = 0; i < n; i++) {
      decoding.readVarUint(d); // client id
      decoding.readVarUint(d); // clock
      const state = JSON.parse(decoding.readVarString(d)) as { t?: number } | null;
      if (state?.t !== undefined) this.cursorLatencies.push(now - state.t);
    }
  }
}

function updateKey(clientId: number, update: Uint8Array): string {
  return `${clientId}:${Y.parseUpdateMeta(update).to.get(clientId)}`;
}

function message(type: number, sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
