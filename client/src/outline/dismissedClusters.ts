/** Cluster suggestions a facilitator dismissed (or gathered) in this tab, kept across reloads of the tab. */

const storageKey = (workshopId: string) => `samskapa.outline.dismissedClusters.${workshopId}`;

export function loadDismissed(workshopId: string): ReadonlySet<string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(storageKey(workshopId)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveDismissed(workshopId: string, ids: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(storageKey(workshopId), JSON.stringify([...ids]));
  } catch {
    // not remembered after a reload, still hidden now
  }
}
