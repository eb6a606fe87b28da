import { CloseCode } from '@samskapa/shared';
import { readAwarenessEntries, type AwarenessEntry } from './messages';

/** A presence (awareness) update broke a rule; the connection is closed with `code`. */
export class PresenceRejectedError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Limits on what one peer may publish as presence. */
export const PRESENCE_LIMITS = {
  /** Largest JSON state of one client (a selection of many shapes is the big case). */
  maxStateBytes: 64 * 1024,
  /** Awareness client ids one socket may speak for (one doc per socket; a few for reloads). */
  maxClientsPerPeer: 4,
  /**
   * Token bucket: sustained messages per second, and the burst allowed. A client sends its own cursor
   * (about 8/s) and echoes every presence message it receives (one per flush, 20/s).
   */
  perSecond: 60,
  burst: 120,
};

/** What the policy remembers about one peer. */
export interface PresenceAllowance {
  /** Awareness client ids this peer controls. */
  readonly controlled: Set<number>;
  /** Presence messages this peer may still send now (token bucket). */
  tokens: number;
  refilledAt: number;
}

export function newPresenceAllowance(now = Date.now()): PresenceAllowance {
  return { controlled: new Set(), tokens: PRESENCE_LIMITS.burst, refilledAt: now };
}

/**
 * The entries of a peer's awareness update it may publish, or a {@link PresenceRejectedError}: too
 * frequent, a state too large, or speaking for too many clients. `ownerOf` says which peer speaks for a
 * client id, `known` whether the id was ever used in the room.
 *
 * The y-websocket client echoes every presence change it receives back to the server, so entries for
 * other clients are normal: they are ignored, never applied. A peer speaks only for the ids it
 * introduced, and may introduce only ids nobody in the room has used.
 */
export function admitPresence<P>(
  update: Uint8Array,
  from: P,
  allowance: PresenceAllowance,
  ownerOf: (clientId: number) => P | undefined,
  known: (clientId: number) => boolean,
  now = Date.now(),
): AwarenessEntry[] {
  allowance.tokens = Math.min(
    PRESENCE_LIMITS.burst,
    allowance.tokens + ((now - allowance.refilledAt) / 1000) * PRESENCE_LIMITS.perSecond,
  );
  allowance.refilledAt = now;
  if (allowance.tokens < 1) {
    throw new PresenceRejectedError(CloseCode.tooManyConnections, 'presence too frequent');
  }
  allowance.tokens--;
  const own: AwarenessEntry[] = [];
  for (const entry of readAwarenessEntries(update)) {
    if (entry.state.byteLength > PRESENCE_LIMITS.maxStateBytes) {
      throw new PresenceRejectedError(CloseCode.tooLarge, 'presence state too large');
    }
    const owner = ownerOf(entry.clientId);
    if (owner === from || (owner === undefined && !known(entry.clientId))) own.push(entry);
  }
  const introduced = own.filter((e) => !allowance.controlled.has(e.clientId)).length;
  if (allowance.controlled.size + introduced > PRESENCE_LIMITS.maxClientsPerPeer) {
    throw new PresenceRejectedError(CloseCode.forbidden, 'presence for too many clients');
  }
  return own;
}
