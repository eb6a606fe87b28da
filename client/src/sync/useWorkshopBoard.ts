import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { boardRecords, readBoardDoc, type WorkshopBoard } from '@samskapa/shared';

/**
 * The areas and notes of a board doc, live. Changes are read once per animation frame at most, so a
 * burst of remote edits on a big board costs one re-read.
 */
export function useWorkshopBoard(doc: Y.Doc): WorkshopBoard {
  const [board, setBoard] = useState<WorkshopBoard>(() => readBoardDoc(doc));
  useEffect(() => {
    const records = boardRecords(doc);
    let frame: number | null = null;
    const reread = () => {
      frame = null;
      setBoard(readBoardDoc(doc));
    };
    const onChange = () => {
      if (frame === null) frame = requestAnimationFrame(reread);
    };
    reread();
    records.on('change', onChange);
    return () => {
      records.off('change', onChange);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return board;
}
