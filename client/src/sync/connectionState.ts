import { closeReasonKey } from '@samskapa/shared';

/** What the person sees about the link to the server. */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  | { kind: 'offline' }
  | { kind: 'rejected'; code: number; reasonKey: string };

/** Raw facts from the browser and the provider. */
export interface ConnectionFacts {
  online: boolean;
  status: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
  /** Whether this board was ever synced with the server in this session. */
  everSynced: boolean;
  /** A final close from the server (44xx): the provider no longer reconnects. */
  closed: { code: number } | null;
}

/** Derives the visible connection state from the raw facts. */
export function connectionStateOf(facts: ConnectionFacts): ConnectionState {
  if (facts.closed) {
    return { kind: 'rejected', code: facts.closed.code, reasonKey: closeReasonKey(facts.closed.code) };
  }
  if (!facts.online) return { kind: 'offline' };
  if (facts.status === 'connected' && facts.synced) return { kind: 'connected' };
  return facts.everSynced ? { kind: 'reconnecting' } : { kind: 'connecting' };
}
