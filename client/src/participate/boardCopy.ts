/**
 * Whether this browser has had a workshop's board from the server (then its offline copy opens at once,
 * and the full phone view comes as fast as the small first form would). Only a phone that has never had
 * it, opening the link on a slow network, is shown the first form while the rest loads.
 */
const key = (workshopId: string) => `samskapa.boardCopy.${workshopId}`;

/** Whether the board was synced here before. */
export function hasBoardCopy(workshopId: string): boolean {
  try {
    return localStorage.getItem(key(workshopId)) === '1';
  } catch {
    return false;
  }
}

/** Notes that the board has been synced here. */
export function markBoardCopy(workshopId: string): void {
  try {
    localStorage.setItem(key(workshopId), '1');
  } catch {
    // not remembered: the next visit shows the first form again, which works the same
  }
}

/** Forgets it (the workshop was deleted, or its copy thrown away). */
export function forgetBoardCopy(workshopId: string): void {
  try {
    localStorage.removeItem(key(workshopId));
  } catch {
    // nothing was kept
  }
}
