import { useCallback, useState } from 'react';

const storageKey = (workshopId: string) => `samskapa.phone.area.${workshopId}`;
/** What is stored for "no area" (an area id is never empty). */
const NO_AREA = '';

function storedChoice(workshopId: string): string | null {
  try {
    const value = sessionStorage.getItem(storageKey(workshopId));
    return value === null || value === NO_AREA ? null : value;
  } catch {
    return null;
  }
}

/**
 * The area the next note goes to, remembered in this tab (so a reload keeps it, another tab may differ);
 * null is "no area". The caller checks that the area is still on the board.
 */
export function useAreaChoice(workshopId: string): [string | null, (areaId: string | null) => void] {
  const [chosen, setChosen] = useState<string | null>(() => storedChoice(workshopId));
  const choose = useCallback(
    (areaId: string | null) => {
      try {
        sessionStorage.setItem(storageKey(workshopId), areaId ?? NO_AREA);
      } catch {
        // not remembered, still applied
      }
      setChosen(areaId);
    },
    [workshopId],
  );
  return [chosen, choose];
}
