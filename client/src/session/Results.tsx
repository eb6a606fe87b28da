import type { VoteResults, WorkshopBoard } from '@samskapa/shared';
import { lazy, Suspense, useLayoutEffect } from 'react';
import { create } from 'zustand';

// The ranking is drawn only after a reveal: its code is not part of every page's first download.
const loadRanking = () => import('./Ranking');
const Ranking = lazy(loadRanking);

/** Fetches the ranking's code ahead of the reveal (a phone on the room's Wi-Fi, while the vote is open). */
export function prefetchResults(): void {
  void loadRanking().catch(() => undefined);
}

/**
 * How many results are shown in a view's own flow (the phone's column): while one is, the bar above
 * the view leaves them out, so the results are on the screen once and scroll with the page.
 */
const useInFlow = create<{ count: number; change: (by: number) => void }>((set) => ({
  count: 0,
  change: (by) => set((s) => ({ count: s.count + by })),
}));

/**
 * Where the results sit: `bar` above the board (one line until opened on a laptop; in full and large
 * on the projector), or `flow` inside a view that scrolls (the phone), in full as part of the page.
 */
export type ResultsPlacement = 'bar' | 'flow';

/** The revealed vote: notes and areas ranked by dots (totals only, never who gave them), in one place. */
export function Results({
  results,
  board,
  placement = 'bar',
}: {
  results: VoteResults;
  board: WorkshopBoard;
  placement?: ResultsPlacement;
}) {
  const inFlow = useInFlow((s) => s.count > 0);
  const change = useInFlow((s) => s.change);
  // Before the first paint, so the bar's copy never flashes above the view's.
  useLayoutEffect(() => {
    if (placement !== 'flow') return;
    change(1);
    return () => change(-1);
  }, [placement, change]);
  if (placement === 'bar' && inFlow) return null;
  return (
    <Suspense fallback={null}>
      <Ranking results={results} board={board} placement={placement} />
    </Suspense>
  );
}
