import type { ControlState } from '@samskapa/shared';
import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * Calls `onSummon(areaCode)` when the facilitator brings everyone to an area. A summon made before
 * the view opened is not replayed: it would move someone who has just arrived.
 */
export function useSummon(control: ControlState | null, onSummon: (areaCode: string) => void): void {
  const seen = useRef<number | null | undefined>(undefined);
  const at = control?.summon?.at ?? null;
  const code = control?.summon?.areaCode;
  const loaded = control !== null;
  const summon = useEffectEvent(onSummon);
  useEffect(() => {
    if (!loaded) return;
    const before = seen.current;
    seen.current = at;
    if (before === undefined || at === null || at === before || !code) return;
    summon(code);
  }, [loaded, at, code]);
}
