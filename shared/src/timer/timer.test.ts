import { describe, expect, it } from 'vitest';
import { estimateOffset } from './clock';
import {
  extendTimer,
  idleTimer,
  isExpired,
  pauseTimer,
  remainingMs,
  resetTimer,
  startTimer,
  TimerState,
} from './timer';

const MIN = 60_000;

describe('the countdown', () => {
  it('shows its full duration until started, then counts down from the start instant', () => {
    const t = idleTimer(10 * MIN);
    expect(remainingMs(t, 5_000)).toBe(10 * MIN);
    const running = startTimer(t, 1_000);
    expect(running).toEqual({ status: 'running', durationMs: 10 * MIN, endsAt: 1_000 + 10 * MIN });
    expect(remainingMs(running, 1_000 + 3 * MIN)).toBe(7 * MIN);
  });

  it('pauses where it is and resumes with what was left', () => {
    const running = startTimer(idleTimer(10 * MIN), 0);
    const paused = pauseTimer(running, 4 * MIN);
    expect(remainingMs(paused, 9 * MIN)).toBe(6 * MIN);
    const resumed = startTimer(paused, 20 * MIN);
    expect(remainingMs(resumed, 21 * MIN)).toBe(5 * MIN);
    expect(startTimer(resumed, 22 * MIN)).toBe(resumed);
    expect(pauseTimer(paused, 30 * MIN)).toBe(paused);
  });

  it('runs out at its end instant and never shows less than zero', () => {
    const running = startTimer(idleTimer(MIN), 0);
    expect(isExpired(running, MIN - 1)).toBe(false);
    expect(isExpired(running, MIN)).toBe(true);
    expect(remainingMs(running, 5 * MIN)).toBe(0);
    expect(isExpired(idleTimer(0), 10)).toBe(false);
  });

  it('extending by a minute adds to what is left; an expired countdown gets a minute from now', () => {
    expect(remainingMs(extendTimer(idleTimer(10 * MIN), MIN, 0), 0)).toBe(11 * MIN);
    const running = startTimer(idleTimer(10 * MIN), 0);
    expect(remainingMs(extendTimer(running, MIN, 2 * MIN), 2 * MIN)).toBe(9 * MIN);
    const paused = pauseTimer(running, 9 * MIN);
    expect(remainingMs(extendTimer(paused, MIN, 20 * MIN), 30 * MIN)).toBe(2 * MIN);
    const expired = extendTimer(running, MIN, 15 * MIN);
    expect(isExpired(expired, 15 * MIN)).toBe(false);
    expect(remainingMs(expired, 15 * MIN)).toBe(MIN);
  });

  it('resets to the full duration, or a new one, not running', () => {
    const running = startTimer(idleTimer(10 * MIN), 0);
    expect(resetTimer(pauseTimer(running, 3 * MIN))).toEqual(idleTimer(10 * MIN));
    expect(resetTimer(running, 5 * MIN)).toEqual({ status: 'idle', durationMs: 5 * MIN });
  });

  it('accepts only well-formed states from the doc', () => {
    expect(TimerState.safeParse({ status: 'running', durationMs: 1, endsAt: 5 }).success).toBe(true);
    expect(TimerState.safeParse({ status: 'running', durationMs: 1 }).success).toBe(false);
    expect(TimerState.safeParse({ status: 'over', durationMs: 1 }).success).toBe(false);
  });
});

describe('the server clock offset', () => {
  it('is the median offset at the middle of the fastest round trips', () => {
    // The server is 180 s ahead; the round trips take 40–60 ms, one outlier 2 s.
    const ahead = 180_000;
    const samples = [40, 60, 50, 2000, 44].map((rtt, i) => {
      const sentAt = 1_000_000 + i * 5000;
      return { sentAt, serverNow: sentAt + rtt / 2 + ahead, receivedAt: sentAt + rtt };
    });
    expect(estimateOffset(samples)).toBe(ahead);
    expect(estimateOffset([])).toBeUndefined();
  });

  it('lets two clocks minutes apart compute the same remaining time', () => {
    const serverNow = 10_000_000;
    const timer = startTimer(idleTimer(10 * 60_000), serverNow - 30_000);
    const offsets = [-240_000, 0, 95_000];
    const shown = offsets.map((skew) => {
      const local = serverNow - skew;
      const offset = estimateOffset([{ sentAt: local - 20, serverNow: serverNow - 10, receivedAt: local }])!;
      return remainingMs(timer, local + offset);
    });
    expect(new Set(shown).size).toBe(1);
    expect(shown[0]).toBe(9.5 * 60_000);
  });
});
