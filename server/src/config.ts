import { DEFAULT_LIMITS, DEFAULT_TIME_ZONE, isKnownTimeZone } from '@samskapa/shared';
import { z } from 'zod';

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

/** Every setting the server reads from the environment, with the embedded defaults. */
export const ConfigSchema = z.object({
  PORT: int(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Base of the links handed out; by default the origin the request came to. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TLDRAW_LICENSE_KEY: z.string().optional(),
  /** Key from which participant links are derived; by default generated into DATA_DIR/secret.key. */
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /** Scale-out: PostgreSQL shared by every process (`postgres://…`) instead of the embedded SQLite. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Scale-out: Redis (`redis://…`) carrying updates and presence between processes. */
  REDIS_URL: z.string().min(1).optional(),
  /** Quota of the SQLite file in MiB (0: none); beyond it changes are refused as on a full disk. */
  SQLITE_MAX_MIB: int(0),
  RETENTION_DAYS: int(90),
  /** The latest deletion date a facilitator may choose, in days from now. */
  MAX_RETENTION_DAYS: z.coerce.number().int().positive().default(730),
  MAX_MESSAGE_BYTES: int(DEFAULT_LIMITS.maxMessageBytes),
  MAX_DOC_BYTES: int(DEFAULT_LIMITS.maxDocBytes),
  MAX_CONNECTIONS_PER_WORKSHOP: int(DEFAULT_LIMITS.maxConnectionsPerWorkshop),
  MAX_CONNECTIONS_PER_ADDRESS: int(DEFAULT_LIMITS.maxConnectionsPerAddress),
  ROOM_IDLE_UNLOAD_MS: int(30_000),
  /** How often live workshops are checked for having been deleted elsewhere (the admin command). */
  DELETION_CHECK_MS: int(30_000),
  COMPACT_AFTER_UPDATES: int(1000),
  /**
   * How often a process renews its participants' open connections in the store; one not renewed for
   * three periods (its process crashed) no longer counts as present.
   */
  SESSION_RENEW_MS: z.coerce.number().int().positive().default(15_000),
  /** Awareness (cursors, names) is merged per room and sent at most once per this many ms. */
  AWARENESS_FLUSH_MS: int(50),
  // A whole venue often shares one address: lookups are generous, wrong guesses are what is limited.
  JOIN_LOOKUPS_PER_MINUTE: int(1000),
  JOIN_MISSES_PER_10_MINUTES: int(100),
  /** Reverse proxies in front of the server whose X-Forwarded-For is trusted (0: none). */
  TRUST_PROXY_HOPS: int(0),
  CREATES_PER_HOUR: int(60),
  /** Largest uploaded image (bytes); larger uploads are refused with 413. */
  MAX_ASSET_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Image uploads per address and minute. */
  ASSET_UPLOADS_PER_MINUTE: int(120),
  /** The IANA time zone workshops are held in: minutes and spreadsheets show times in it. */
  TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Stockholm'),
  /** Directory of the built client; served when it exists. */
  CLIENT_DIR: z.string().optional(),
  /** `off`: the app's service worker is replaced by one that keeps nothing and handles no request. */
  SERVICE_WORKER: z.enum(['on', 'off']).default('on'),
  /** Sign-in for facilitators (optional): the OpenID Connect provider's issuer URL (discovery). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Only signed-in facilitators may create (and import) workshops. */
  REQUIRE_SIGN_IN_TO_CREATE: z.stringbool().default(false),
  /** `off`: a facilitator link opens nothing; only signed-in owners and co-facilitators facilitate. */
  FACILITATOR_LINKS: z.enum(['on', 'off']).default('on'),
  /** Key of the sign-in cookie; by default generated into DATA_DIR/session.key. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a sign-in lasts, in hours. */
  SESSION_HOURS: z.coerce.number().positive().default(12),
  /** How long a person has to sign in at the provider before the attempt expires, in seconds. */
  SIGN_IN_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(600),
  /** How long a co-facilitator invitation stays open, in days. */
  INVITATION_DAYS: z.coerce.number().int().positive().default(14),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Read the configuration; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  if (parsed.data.DATABASE_URL && !parsed.data.SECRET_KEY) {
    // Each process would generate its own key, and participant links from one would fail on another.
    throw new Error(
      'Invalid configuration: SECRET_KEY: must be set, the same on every process, with DATABASE_URL',
    );
  }
  const config = parsed.data;
  const oidc = [config.OIDC_ISSUER, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new Error(
      'Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three for sign-in, or none',
    );
  }
  if (!signInEnabled(config) && (config.REQUIRE_SIGN_IN_TO_CREATE || config.FACILITATOR_LINKS === 'off')) {
    // Nobody could create or facilitate a workshop.
    throw new Error(
      'Invalid configuration: REQUIRE_SIGN_IN_TO_CREATE=true and FACILITATOR_LINKS=off need sign-in (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
    );
  }
  if (signInEnabled(config) && config.DATABASE_URL && !config.SESSION_SECRET) {
    // Each process would generate its own key, and a sign-in on one would not count on another.
    throw new Error(
      'Invalid configuration: SESSION_SECRET: must be set, the same on every process, with DATABASE_URL and sign-in',
    );
  }
  return config;
}

/** Whether facilitators can sign in with OpenID Connect. */
export function signInEnabled(config: Config): boolean {
  return Boolean(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}
