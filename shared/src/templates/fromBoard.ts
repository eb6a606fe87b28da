import { AREA_COLUMNS } from '../records/layout';
import { notesIn, type WorkshopBoard } from '../workshop/board';
import type { TemplateFile } from './template';

/**
 * A board as a template file: its areas in reading order, each with its reference content; notes
 * written by participants are the workshop's result, not part of a template.
 */
export function templateFromBoard(
  board: WorkshopBoard,
  title: string,
  agenda: TemplateFile['agenda'] = [],
): TemplateFile {
  const firstRowY = board.areas[0]?.y;
  const inFirstRow = board.areas.filter((a) => a.y === firstRowY).length;
  const columns = inFirstRow > 0 ? Math.min(12, inFirstRow) : AREA_COLUMNS;
  return {
    format: 'samskapa-template',
    version: 1,
    title,
    columns,
    areas: board.areas.map((area) => ({
      code: area.code,
      title: area.title,
      description: area.description,
      color: area.color,
      kind: area.kind,
      reference: notesIn(board, area.id)
        .filter((note) => note.reference && note.text.trim())
        .map((note) => note.text),
    })),
    agenda: agenda.filter((step) => step.areas.every((code) => board.areas.some((a) => a.code === code))),
  };
}
