import type { VoteProgress, VotingState } from '@samskapa/shared';
import { useEffect, useState } from 'react';
import { fetchVoteProgress } from '../session/facilitationApi';

/** How often the facilitator's page asks how far an open round has got. */
const POLL_MS = 2000;

/**
 * How far the open round has got (voters, dots, participants here), asked of the server every two
 * seconds while it is open and `enabled` (a facilitator's page); null until known, and for another round.
 */
export function useVoteProgress(
  workshopId: string,
  token: string,
  voting: Pick<VotingState, 'phase' | 'round'>,
  enabled: boolean,
): VoteProgress | null {
  const { phase, round } = voting;
  const [progress, setProgress] = useState<VoteProgress | null>(null);
  useEffect(() => {
    if (!enabled || phase !== 'open') return;
    let cancelled = false;
    const poll = () =>
      fetchVoteProgress(workshopId, token)
        .then((p) => !cancelled && setProgress(p))
        .catch(() => undefined);
    void poll();
    const interval = setInterval(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(interval);
    };
  }, [enabled, phase, round, workshopId, token]);
  return progress?.round === round ? progress : null;
}
