import type { WebsocketProvider } from 'y-websocket';

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };
type AwarenessHandler = (changes: AwarenessChanges, origin: unknown) => void;

/**
 * y-websocket sends every presence change it learns of back to the server, its peers' included, so in a
 * room of N people each server flush comes back N times. Send only this client's own changes (origin
 * `'local'`: `setLocalState` and its 15 s renewal); the server ignores echoes anyway.
 * Relies on the provider's `_awarenessUpdateHandler` (y-websocket 3.x); without it nothing changes.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const send = (provider as unknown as { _awarenessUpdateHandler?: AwarenessHandler })
    ._awarenessUpdateHandler;
  if (typeof send !== 'function') return;
  provider.awareness.off('update', send);
  provider.awareness.on('update', (changes: AwarenessChanges, origin: unknown) => {
    if (origin === 'local') send(changes, origin);
  });
}
