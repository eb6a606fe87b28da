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
    let timer: ReturnType<typeof setTimeout> | null = null;
    const reread = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = timer = null;
      setBoard(readBoardDoc(doc));
    };
    // The next frame, or a moment later where frames do not come (a page the browser is not painting).
    const onChange = () => {
      if (frame !== null || timer !== null) return;
      frame = requestAnimationFrame(reread);
      timer = setTimeout(reread, 200);
    };
    reread();
    const stop = records.observe(onChange);
    return () => {
      stop();
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc]);
  return board;
}
