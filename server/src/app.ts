import { CloseCode } from '@samskapa/shared';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { signInEnabled, type Config } from './config';
import { memberRoutes } from './http/members';
import { LINKS_ONLY, type Access } from './security/access';
import { refuseCrossSite, upgradeFromOwnOrigin } from './signIn/crossSite';
import { OidcProvider } from './signIn/oidc';
import { signInRoutes } from './signIn/routes';
import { registerSessions, sessionOf, sessionOfUpgrade, type SessionContent } from './signIn/session';
import { assetRoutes } from './http/assets';
import { exportRoutes } from './http/export';
import { outlineRoutes } from './http/outline';
import { importRoutes } from './http/import';
import { operationRoutes } from './http/operations';
import { retentionRoutes } from './http/retention';
import { snapshotRoutes } from './http/snapshots';
import { staticClient } from './http/staticClient';
import { templateRoutes } from './http/templates';
import { ballotRoutes } from './http/ballots';
import { credentialRoutes } from './http/credentials';
import { groupRoutes } from './http/groups';
import { revealRoutes } from './http/reveal';
import { timeRoutes } from './http/time';
import { purgeWorkshop } from './http/storedWorkshop';
import { workshopRoutes } from './http/workshops';
import { loadServerKey, loadSessionKey } from './security/secrets';
import { openConfiguredStore } from './store/openStore';
import { localFanout } from './fanout/local';
import { createRedisFanout } from './fanout/redis/redisFanout';
import { boardLayout } from './sync/boardLayout';
import { boardLock } from './sync/boardLock';
import { ParticipantSessions } from './sync/participantSessions';
import { Rooms } from './sync/rooms';
import { recordRules } from './sync/recordRules';
import { snapshotHook } from './sync/snapshotHook';
import { SyncServer } from './sync/upgrade';

export interface App {
  /** Start listening; resolves with the port. */
  listen(): Promise<number>;
  /** Stop accepting, close every socket, persist every room and close the store. */
  close(): Promise<void>;
}

/**
 * Sent with every response. Nothing may load from another origin; styles allow inline attributes
 * because the canvas positions shapes with them.
 */
const SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const CLIENT_DIR_DEFAULT = resolve(import.meta.dirname, '../../client/dist');

/** Wire the store, the rooms, the sync server and the HTTP routes together. */
export function createApp(config: Config, log: Logger): App {
  const store = openConfiguredStore(config, log);
  const serverKey = loadServerKey(config.DATA_DIR, config.SECRET_KEY);
  const fanout = config.REDIS_URL ? createRedisFanout(config.REDIS_URL, log) : localFanout;
  const rooms = new Rooms(
    store,
    fanout,
    {
      maxDocBytes: config.MAX_DOC_BYTES,
      compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
      idleUnloadMs: config.ROOM_IDLE_UNLOAD_MS,
      awarenessFlushMs: config.AWARENESS_FLUSH_MS,
      keepaliveMs: 15_000,
    },
    log,
  );
  rooms.use(boardLayout(store, log));
  rooms.use(boardLock(rooms));
  rooms.use(snapshotHook(rooms, store, log));
  // Last: an update other rules drop is never applied to its shadow board.
  rooms.use(recordRules(log));
  const sessions = new ParticipantSessions(store, config.SESSION_RENEW_MS, log);
  let dropped = 0;
  const signIn = signInEnabled(config);
  const facilitatorLinks = config.FACILITATOR_LINKS === 'on';
  /** What a request with this session (or none) may claim beyond its token. */
  const accessWith = (session: SessionContent | undefined): Access =>
    session || !facilitatorLinks
      ? {
          facilitatorLinks,
          userId: session?.user.id,
          isMember: async (workshopId) =>
            session ? (await store.memberRole(workshopId, session.user.id)) !== undefined : false,
        }
      : LINKS_ONLY;
  const sync = new SyncServer({
    rooms,
    log,
    workshops: store,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    maxConnectionsPerWorkshop: config.MAX_CONNECTIONS_PER_WORKSHOP,
    maxConnectionsPerAddress: config.MAX_CONNECTIONS_PER_ADDRESS,
    heartbeatMs: 30_000,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    sessions,
    onDropped: () => dropped++,
    // A socket counts as signed in only when a page of this origin opened it (cross-site WebSocket
    // hijacking: browsers send cookies with any site's upgrade request).
    accessOf: (req) =>
      accessWith(
        signIn && upgradeFromOwnOrigin(req, config.PUBLIC_URL) ? sessionOfUpgrade(app, req) : undefined,
      ),
  });

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // Requests are logged below by route pattern: raw URLs can carry join codes.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    // Trust the nearest TRUST_PROXY_HOPS proxies (none by default), as clientAddress does for sockets.
    trustProxy: (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS,
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'static',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  if (signIn) {
    registerSessions(app, loadSessionKey(config.DATA_DIR, config.SESSION_SECRET), {
      sessionSeconds: Math.round(config.SESSION_HOURS * 3600),
      signInSeconds: config.SIGN_IN_TIMEOUT_SECONDS,
    });
    refuseCrossSite(app, config.PUBLIC_URL);
  }
  // Set for every request by the hook below (a decorator's default may not be an object).
  app.decorateRequest('access', null as unknown as Access);
  // After every onRequest hook, so the session cookie has been read.
  app.addHook('preHandler', async (req) => {
    req.access = accessWith(sessionOf(req));
  });
  app.addHook('onSend', async (_req, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  });
  // Another process deleted a workshop: its sockets and rooms here go too (its data is already gone).
  rooms.onDeletedElsewhere((id) => {
    sync.closeWorkshop(id, CloseCode.notFound, 'workshop deleted');
    void rooms.discardWorkshop(id);
  });
  app.server.on('upgrade', (req, socket, head) => {
    try {
      if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
    } catch (err) {
      log.warn({ err }, 'refused a malformed upgrade request');
      socket.destroy();
    }
  });

  const creation = {
    requireSignInToCreate: config.REQUIRE_SIGN_IN_TO_CREATE,
    facilitatorLinks,
  };
  if (signIn) {
    signInRoutes(app, {
      provider: new OidcProvider(
        {
          issuer: config.OIDC_ISSUER!,
          clientId: config.OIDC_CLIENT_ID!,
          clientSecret: config.OIDC_CLIENT_SECRET!,
        },
        log,
      ),
      store,
      publicUrl: config.PUBLIC_URL,
      sessionSeconds: Math.round(config.SESSION_HOURS * 3600),
    });
  }
  memberRoutes(app, {
    store,
    rooms,
    sync,
    publicUrl: config.PUBLIC_URL,
    invitationDays: config.INVITATION_DAYS,
  });
  workshopRoutes(app, {
    ...creation,
    store,
    serverKey,
    rooms,
    sync,
    publicUrl: config.PUBLIC_URL,
    retentionDays: config.RETENTION_DAYS,
    joinLookupsPerMinute: config.JOIN_LOOKUPS_PER_MINUTE,
    joinMissesPer10Minutes: config.JOIN_MISSES_PER_10_MINUTES,
    createsPerHour: config.CREATES_PER_HOUR,
  });
  operationRoutes(app, {
    store,
    rooms,
    sync,
    tldrawLicenseKey: config.TLDRAW_LICENSE_KEY,
    signIn,
    requireSignInToCreate: config.REQUIRE_SIGN_IN_TO_CREATE,
    droppedMessages: () => dropped,
  });
  templateRoutes(app);
  importRoutes(app, {
    ...creation,
    store,
    serverKey,
    publicUrl: config.PUBLIC_URL,
    retentionDays: config.RETENTION_DAYS,
    createsPerHour: config.CREATES_PER_HOUR,
    maxDocBytes: config.MAX_DOC_BYTES,
  });
  snapshotRoutes(app, {
    ...creation,
    store,
    rooms,
    serverKey,
    publicUrl: config.PUBLIC_URL,
    retentionDays: config.RETENTION_DAYS,
    log,
    timeZone: config.TIME_ZONE,
  });
  credentialRoutes(app, { store, sessions });
  ballotRoutes(app, { store, rooms });
  revealRoutes(app, { store, rooms, sessions });
  groupRoutes(app, { store, rooms });
  timeRoutes(app);
  exportRoutes(app, { store, rooms, timeZone: config.TIME_ZONE });
  outlineRoutes(app, { store, rooms });
  retentionRoutes(app, { store, maxRetentionDays: config.MAX_RETENTION_DAYS });
  assetRoutes(app, store, config);
  const clientDir = resolve(config.CLIENT_DIR ?? CLIENT_DIR_DEFAULT);
  if (!existsSync(clientDir)) log.warn({ clientDir }, 'no built client; serving the API only');
  staticClient(app, clientDir, { serviceWorker: config.SERVICE_WORKER === 'on' });

  // Retention: expired workshops are purged at start and every hour.
  const purgeExpired = async () => {
    for (const id of await store.expired(Date.now())) {
      await purgeWorkshop({ store, rooms, sync }, id);
      log.info({ workshopId: id }, 'workshop purged after its retention date');
    }
  };
  const retention = setInterval(() => void purgeExpired().catch((err) => log.error({ err })), 3600_000);
  retention.unref();
  // A workshop deleted where this process did not hear of it (the admin command; another process while
  // Redis was down) loses its sockets and rooms here too. A store that cannot answer deletes nothing.
  const dropDeleted = async () => {
    for (const id of rooms.loadedWorkshops()) {
      if (!(await store.get(id))) rooms.deletedElsewhere(id);
    }
    // Likewise a co-facilitator removed, or a workshop transferred, where this process did not hear of it.
    if (signIn) {
      await sync.closeFormerMembers(
        async (workshopId, userId) => (await store.memberRole(workshopId, userId)) !== undefined,
      );
    }
  };
  const deletionCheck = setInterval(
    () => void dropDeleted().catch((err) => log.warn({ err }, 'could not check for deleted workshops')),
    Math.max(config.DELETION_CHECK_MS, 100),
  );
  deletionCheck.unref();

  return {
    async listen() {
      await purgeExpired();
      await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : config.PORT;
    },
    async close() {
      clearInterval(retention);
      clearInterval(deletionCheck);
      await sync.close();
      await sessions.close();
      await rooms.persistAll();
      await app.close();
      await fanout.close();
      store.close();
    },
  };
}
