import { isExpired, remainingMs, type TimerState } from '@samskapa/shared';
import { useEffect, useRef, useState } from 'react';
import { useT, type MessageKey } from '../i18n/i18n';
import { serverNow, useServerClockOffset } from '../sync/serverClock';
import { playChime } from './chime';
import { formatCountdown } from './formatTime';

/** Only an end this recent chimes: a page opened long after the time ran out stays quiet. */
const CHIME_WITHIN_MS = 5000;

/**
 * The shared countdown, computed from the timer's end instant on the server's clock. At one minute
 * left and at zero it tells screen readers (`announce`); at zero it also chimes and changes colour.
 */
export function Countdown({
  timer,
  announce,
  large = false,
}: {
  timer: TimerState;
  announce: (key: MessageKey) => void;
  large?: boolean;
}) {
  const t = useT();
  useServerClockOffset();
  const [now, setNow] = useState(serverNow);
  const previous = useRef<number | null>(null);

  useEffect(() => {
    if (timer.status !== 'running') return;
    // Each tick comes as the shown second changes on the server's clock, so every screen turns to the
    // next second together (as far as their clock estimates agree), not up to a tick apart.
    let next: ReturnType<typeof setTimeout>;
    const tick = () => {
      const at = serverNow();
      setNow(at);
      const left = timer.endsAt - at;
      if (left > 0) next = setTimeout(tick, (left % 1000 || 1000) + 5);
    };
    next = setTimeout(tick, 0);
    return () => clearTimeout(next);
  }, [timer]);

  const left = remainingMs(timer, now);
  const expired = isExpired(timer, now);

  useEffect(() => {
    const before = previous.current;
    previous.current = timer.status === 'running' ? left : null;
    if (before === null || timer.status !== 'running') return;
    if (before > 60_000 && left <= 60_000 && left > 0) announce('timer.oneMinute');
    if (before > 0 && left === 0 && now - timer.endsAt < CHIME_WITHIN_MS) {
      announce('timer.expired');
      playChime();
    }
  }, [left, now, timer, announce]);

  const status =
    timer.status === 'paused'
      ? t('timer.paused')
      : expired
        ? t('timer.expiredShort')
        : timer.status === 'idle'
          ? t('timer.notStarted')
          : null;
  return (
    <div
      className={`countdown${large ? ' countdown-large' : ''}${expired ? ' countdown-expired' : ''}`}
      data-testid="countdown"
      data-status={expired ? 'expired' : timer.status}
      data-remaining-ms={left}
    >
      <span role="timer" aria-label={t('timer.label')} className="countdown-time">
        {formatCountdown(left)}
      </span>
      {status && <span className="countdown-status">{status}</span>}
    </div>
  );
}
