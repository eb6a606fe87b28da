import { useCallback, useEffect, useState } from 'react';
import type { WorkshopSummary } from '@samskapa/shared';
import { loadWorkshopSummary } from '../session/api';
import type { Access } from '../session/identity';
import { rememberMyWorkshop } from './myWorkshops';

/** The summary as the cockpit needs it: loading, failed (with a retry), or loaded. */
export type SummaryState =
  | { status: 'loading' }
  | { status: 'failed'; retry: () => void }
  | { status: 'loaded'; summary: WorkshopSummary };

/**
 * The workshop's summary for this capability (join code, participant secret for those who share it).
 * A facilitator's accepted summary also puts the workshop on this browser's "Mina workshoppar".
 */
export function useWorkshopSummary(workshopId: string, access: Access): SummaryState {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<
    { attempt: number; summary: WorkshopSummary } | { attempt: number; failed: true } | null
  >(null);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    loadWorkshopSummary(workshopId, access.token)
      .then((summary) => {
        if (cancelled) return;
        setResult({ attempt, summary });
        if (summary.role === 'facilitator') {
          rememberMyWorkshop({
            id: workshopId,
            title: summary.title,
            token: access.token,
            createdAt: summary.createdAt,
          });
        }
      })
      .catch(() => !cancelled && setResult({ attempt, failed: true }));
    return () => {
      cancelled = true;
    };
  }, [workshopId, access.token, attempt]);

  if (!result || result.attempt !== attempt) return { status: 'loading' };
  if ('failed' in result) return { status: 'failed', retry };
  return { status: 'loaded', summary: result.summary };
}
