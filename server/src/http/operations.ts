import type { ClientConfig } from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types';
import type { Rooms } from '../sync/rooms';

/** What the metrics read of the sync server: open sockets and closes by code. */
export interface SyncCounters {
  readonly connections: number;
  readonly closes: ReadonlyMap<number, number>;
}

export interface OperationsOptions {
  store: Store;
  rooms: Rooms;
  sync: SyncCounters;
  tldrawLicenseKey: string | undefined;
  /** Whether facilitators can sign in, and must to create a workshop (told to the client). */
  signIn?: boolean;
  requireSignInToCreate?: boolean;
  droppedMessages: () => number;
}

/** Updates per second over a sliding window of ten one-second buckets. */
class RateMeter {
  private readonly buckets = new Array<number>(10).fill(0);
  private lastTotal = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(total: () => number) {
    this.timer = setInterval(() => {
      const now = total();
      this.buckets.shift();
      this.buckets.push(now - this.lastTotal);
      this.lastTotal = now;
    }, 1000);
    this.timer.unref();
  }

  get perSecond(): number {
    return this.buckets.reduce((a, b) => a + b, 0) / this.buckets.length;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Health, Prometheus metrics and the public client configuration. */
export function operationRoutes(app: FastifyInstance, opts: OperationsOptions): void {
  const meter = new RateMeter(() => opts.rooms.acceptedUpdates);
  app.addHook('onClose', async () => meter.stop());

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/api/config', async (): Promise<ClientConfig> => ({
    tldrawLicenseKey: opts.tldrawLicenseKey ?? null,
    signIn: opts.signIn ?? false,
    requireSignInToCreate: opts.requireSignInToCreate ?? false,
  }));

  app.get('/metrics', async (_req, reply) => {
    const lines = [
      '# HELP samskapa_rooms Yjs documents loaded in memory.',
      '# TYPE samskapa_rooms gauge',
      `samskapa_rooms ${opts.rooms.size}`,
      '# HELP samskapa_connections Open sync WebSockets.',
      '# TYPE samskapa_connections gauge',
      `samskapa_connections ${opts.sync.connections}`,
      '# HELP samskapa_updates_total Document updates accepted and stored.',
      '# TYPE samskapa_updates_total counter',
      `samskapa_updates_total ${opts.rooms.acceptedUpdates}`,
      '# HELP samskapa_updates_per_second Accepted updates per second, averaged over 10 s.',
      '# TYPE samskapa_updates_per_second gauge',
      `samskapa_updates_per_second ${opts.rooms.acceptedUpdates === 0 ? 0 : meter.perSecond}`,
      '# HELP samskapa_dropped_messages_total Writes from read-only connections that were dropped.',
      '# TYPE samskapa_dropped_messages_total counter',
      `samskapa_dropped_messages_total ${opts.droppedMessages()}`,
      '# HELP samskapa_store_bytes Size of the store on disk.',
      '# TYPE samskapa_store_bytes gauge',
      `samskapa_store_bytes ${opts.store.sizeBytes()}`,
      '# HELP samskapa_closed_connections_total Sync connections closed, by close code.',
      '# TYPE samskapa_closed_connections_total counter',
      ...[...opts.sync.closes].map(([code, n]) => `samskapa_closed_connections_total{code="${code}"} ${n}`),
    ];
    return reply.type('text/plain; version=0.0.4').send(lines.join('\n') + '\n');
  });
}
