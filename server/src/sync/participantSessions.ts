import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { hashSecret } from '../security/secrets';
import type { ConnectionStore } from '../store/types';

/** Renewals a registration may miss before it counts as gone: its process died without closing it. */
const MISSED_RENEWALS = 3;

/**
 * Participants' open board sockets, by the session key their browser sent with the socket (kept as a
 * hash), registered in the store so that every process sharing it sees them: a voter credential is
 * issued only to a session with an open socket, and "present" is how many sessions have one.
 *
 * Each process renews its registrations every `renewMs` and, in the same breath, deletes everyone's
 * registrations not renewed for `MISSED_RENEWALS` periods: those of a process that crashed (or lost its
 * database) stop counting after at most that long, whether or not any process ever starts again.
 */
export class ParticipantSessions {
  /** This process, for its registrations: random for each start. */
  private readonly holder = randomBytes(12).toString('base64url');
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: ConnectionStore,
    private readonly renewMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.renew(), renewMs);
    this.timer.unref();
  }

  /**
   * Register a participant's open board socket under its session key; resolves with the function that
   * forgets it (call it when the socket closes), or undefined when it could not be registered.
   */
  async open(workshopId: string, sessionKey: string): Promise<(() => void) | undefined> {
    const id = randomUUID();
    const connection = { id, workshopId, sessionHash: hashSecret(sessionKey), holder: this.holder };
    try {
      if (!(await this.store.openConnection(connection, Date.now()))) return undefined;
    } catch (err) {
      // The board still works; this browser cannot be issued a voter credential until it reconnects.
      this.log.warn({ err, workshopId }, 'could not register a participant connection');
      return undefined;
    }
    return () =>
      void this.store
        .closeConnection(id)
        .catch((err: unknown) => this.log.warn({ err }, 'could not forget a participant connection'));
  }

  /** Whether the session has a participant's board socket open now, on any process. */
  isLive(workshopId: string, sessionKey: string): Promise<boolean> {
    return this.store.sessionLive(workshopId, hashSecret(sessionKey), this.oldestLive());
  }

  /** How many sessions (browsers) have a participant's board socket open now, on any process. */
  present(workshopId: string): Promise<number> {
    return this.store.liveSessions(workshopId, this.oldestLive());
  }

  /** Stop renewing and forget this process's registrations (its sockets are closed). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.store
      .closeConnectionsOf(this.holder)
      .catch((err: unknown) => this.log.warn({ err }, 'could not forget participant connections'));
  }

  /** The oldest renewal that still counts as live. */
  private oldestLive(now = Date.now()): number {
    return now - this.renewMs * MISSED_RENEWALS;
  }

  private async renew(): Promise<void> {
    const now = Date.now();
    await this.store
      .renewConnections(this.holder, now, this.oldestLive(now))
      .catch((err: unknown) => this.log.warn({ err }, 'could not renew participant connections'));
  }
}
