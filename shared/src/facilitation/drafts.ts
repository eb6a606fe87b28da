import type * as Y from 'yjs';
import type { BrainstormState } from '../doc/controlDoc';
import { readBoardDoc } from '../workshop/board';
import { addNote } from '../workshop/operations';

/** A note written in silent brainstorming, kept in the participant's browser until the reveal. */
export interface Draft {
  id: string;
  text: string;
  /** The area it is meant for (its frame id), or null. */
  areaId: string | null;
  /** The brainstorming round it was written in. */
  round: number;
  createdAt: number;
}

/**
 * The drafts that may be published now: all but those of a round still silent. A round the
 * facilitator ended without a reveal publishes too, so that nothing written is lost.
 */
export function draftsDue(drafts: readonly Draft[], brainstorm: BrainstormState): Draft[] {
  return drafts.filter((d) => !(brainstorm.phase === 'silent' && d.round >= brainstorm.round));
}

/**
 * Put drafts on the board as the participant's notes, each in its area (or in none if the area has
 * gone meanwhile), in one transaction; returns the ids of the drafts published.
 */
export function publishDrafts(
  doc: Y.Doc,
  drafts: readonly Draft[],
  author: { id: string; name: string },
  pageName: string,
): string[] {
  if (drafts.length === 0) return [];
  const areas = new Set(readBoardDoc(doc).areas.map((a) => a.id));
  doc.transact(() => {
    for (const draft of drafts) {
      addNote(doc, {
        text: draft.text,
        areaId: draft.areaId && areas.has(draft.areaId) ? draft.areaId : null,
        authorId: author.id,
        author: author.name,
        now: draft.createdAt,
        pageName,
      });
    }
  });
  return drafts.map((d) => d.id);
}
