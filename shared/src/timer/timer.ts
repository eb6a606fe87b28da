import { z } from 'zod';

/**
 * The shared countdown. Times are instants on the server's clock (ms since the epoch): every client
 * computes what is left from the same end instant, so screens agree however far their own clocks are
 * off (see `clock.ts`).
 */
export const TimerState = z.discriminatedUnion('status', [
  /** Not started: shows the full duration. */
  z.strictObject({ status: z.literal('idle'), durationMs: z.int().min(0) }),
  /** Counting down to `endsAt`; at or after it, the time is up. */
  z.strictObject({ status: z.literal('running'), durationMs: z.int().min(0), endsAt: z.number() }),
  /** Stopped with `remainingMs` left. */
  z.strictObject({ status: z.literal('paused'), durationMs: z.int().min(0), remainingMs: z.int().min(0) }),
]);
export type TimerState = z.infer<typeof TimerState>;

/** Longest countdown (and the most an extension can bring it to): a whole workshop day. */
export const MAX_TIMER_MS = 12 * 60 * 60 * 1000;

const clamp = (ms: number) => Math.max(0, Math.min(MAX_TIMER_MS, Math.round(ms)));

/** A countdown of `durationMs`, not started. */
export function idleTimer(durationMs: number): TimerState {
  return { status: 'idle', durationMs: clamp(durationMs) };
}

/** Time left at server instant `now`, never negative. */
export function remainingMs(timer: TimerState, now: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs;
    case 'paused':
      return timer.remainingMs;
    case 'running':
      return Math.max(0, timer.endsAt - now);
  }
}

/** Whether the countdown ran out (it is running and its end instant has passed). */
export function isExpired(timer: TimerState, now: number): boolean {
  return timer.status === 'running' && now >= timer.endsAt;
}

/** Start (from idle) or resume (from paused); a running or expired timer is left as it is. */
export function startTimer(timer: TimerState, now: number): TimerState {
  if (timer.status === 'running') return timer;
  return { status: 'running', durationMs: timer.durationMs, endsAt: now + remainingMs(timer, now) };
}

/** Stop the countdown where it is. */
export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'running') return timer;
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, now) };
}

/**
 * Add `ms` (a minute, usually). An expired timer starts again from now with the extra time, which is
 * what "one more minute" means when the time is already up.
 */
export function extendTimer(timer: TimerState, ms: number, now: number): TimerState {
  switch (timer.status) {
    case 'idle':
      return idleTimer(timer.durationMs + ms);
    case 'paused':
      return { ...timer, remainingMs: clamp(timer.remainingMs + ms) };
    case 'running':
      return { ...timer, endsAt: Math.max(timer.endsAt, now) + clamp(ms) };
  }
}

/** Back to the full duration (or a new one), not running. */
export function resetTimer(timer: TimerState, durationMs: number = timer.durationMs): TimerState {
  return idleTimer(durationMs);
}
