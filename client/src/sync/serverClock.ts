import { estimateOffset, ServerTime, type ClockSample } from '@samskapa/shared';
import { useSyncExternalStore } from 'react';

/** Round trips per estimate: the median of several is robust to one slow answer. */
const SAMPLES = 5;
/** A laptop that slept this long may have a clock that jumped: measure again. */
const WAKE_GAP_MS = 10_000;

declare global {
  interface Window {
    /** The server-clock estimate, for the timer benchmark and debugging from the console. */
    samskapaClock?: { serverNow: typeof serverNow; serverClockOffset: typeof serverClockOffset };
  }
}

let offsetMs = 0;
let measured = false;
let measuring: Promise<void> | null = null;
const listeners = new Set<() => void>();

async function sample(): Promise<ClockSample> {
  const sentAt = Date.now();
  const response = await fetch('/api/time', { cache: 'no-store' });
  const receivedAt = Date.now();
  const { now } = ServerTime.parse(await response.json());
  return { sentAt, serverNow: now, receivedAt };
}

/** Measure the server clock's offset again (at start, after a reconnect, after the laptop slept). */
export function measureServerClock(): Promise<void> {
  measuring ??= (async () => {
    try {
      const samples: ClockSample[] = [];
      for (let i = 0; i < SAMPLES; i++) samples.push(await sample());
      const estimate = estimateOffset(samples);
      if (estimate !== undefined) {
        offsetMs = estimate;
        measured = true;
        for (const listener of listeners) listener();
      }
    } catch {
      // Offline: keep the last estimate; the next reconnect measures again.
    } finally {
      measuring = null;
    }
  })();
  return measuring;
}

/** The server's time now, as well as this browser knows it. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The current offset estimate (for tests and the benchmark). */
export function serverClockOffset(): { offsetMs: number; measured: boolean } {
  return { offsetMs, measured };
}

let watching = false;
/** Measure now and whenever the clock may have drifted: back online, woken up, tab shown again. */
export function watchServerClock(): void {
  if (watching) return;
  watching = true;
  window.samskapaClock = { serverNow, serverClockOffset };
  void measureServerClock();
  window.addEventListener('online', () => void measureServerClock());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void measureServerClock();
  });
  let last = Date.now();
  setInterval(() => {
    const now = Date.now();
    if (now - last > WAKE_GAP_MS) void measureServerClock();
    last = now;
  }, 2000);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Re-renders when the offset estimate changes; returns it. */
export function useServerClockOffset(): number {
  return useSyncExternalStore(subscribe, () => offsetMs);
}
