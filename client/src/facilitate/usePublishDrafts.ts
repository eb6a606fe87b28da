import {
  BOARD_PAGE_ID,
  BOARD_PAGE_NAMES,
  draftsDue,
  publishDrafts,
  storedRecord,
  type ControlState,
} from '@samskapa/shared';
import { useEffect } from 'react';
import { useLocaleStore } from '../i18n/i18n';
import type { DocConnection } from '../sync/docConnection';
import { useDraftStore, useDrafts } from './draftStore';

/**
 * At the reveal, this browser's drafts go on the board as the participant's notes. The board doc is
 * kept in the browser (IndexedDB) and synced when the connection allows, so a participant offline at
 * the reveal publishes now and the notes reach everyone when they are back.
 */
export function usePublishDrafts(
  workshopId: string,
  board: DocConnection | null,
  control: ControlState | null,
  person: { id: string; name: string },
): number {
  const drafts = useDrafts(workshopId);
  const locale = useLocaleStore((s) => s.locale);
  const brainstorm = control?.brainstorm;
  const locked = control?.locked ?? false;
  const { id, name } = person;
  useEffect(() => {
    if (!board || !brainstorm || locked) return;
    const due = draftsDue(drafts, brainstorm);
    // Before the board has arrived, a note would not know where its area is.
    if (due.length === 0 || !storedRecord(board.doc, BOARD_PAGE_ID)) return;
    const published = publishDrafts(board.doc, due, { id, name }, BOARD_PAGE_NAMES[locale]);
    useDraftStore.getState().remove(workshopId, published);
  }, [workshopId, board, brainstorm, locked, drafts, id, name, locale]);
  return brainstorm ? drafts.filter((d) => d.round === brainstorm.round).length : drafts.length;
}
