import { createShapeId, startEditingShapeWithRichText, type Editor, type TLShapeId } from 'tldraw';

/** tldraw's note is a 200 × 200 square at scale 1. */
const NOTE_SIDE = 200;
/** How far each further note at the same spot is moved, so a new note never hides the last one. */
const CASCADE_STEP = 24;

/** The keyboard shortcut of "New note" (tldraw uses N alone for its note tool, but no Alt+N). */
export const NEW_NOTE_SHORTCUT = 'Alt+N';

/** Whether a key press is the "New note" shortcut; by key position, so every keyboard layout works. */
export function isNewNoteShortcut(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): boolean {
  return event.code === 'KeyN' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}

/**
 * Top-left corner for a new note centred on `centre`, moved down and right past notes already
 * sitting at that spot (top-left corners given in `taken`).
 */
export function newNotePosition(
  centre: { x: number; y: number },
  taken: readonly { x: number; y: number }[],
): { x: number; y: number } {
  let x = centre.x - NOTE_SIDE / 2;
  let y = centre.y - NOTE_SIDE / 2;
  const near = (p: { x: number; y: number }) =>
    Math.abs(p.x - x) < CASCADE_STEP / 2 && Math.abs(p.y - y) < CASCADE_STEP / 2;
  for (let i = 0; i < 50 && taken.some(near); i++) {
    x += CASCADE_STEP;
    y += CASCADE_STEP;
  }
  return { x, y };
}

/**
 * Adds an empty note at the centre of the viewport and starts editing it, so typing goes straight
 * into the note and Escape ends editing. Returns the new note's id, or null on a read-only board.
 */
export function addNoteAtViewportCentre(editor: Editor): TLShapeId | null {
  if (editor.getIsReadonly()) return null;
  const taken = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.type === 'note')
    .map((shape) => editor.getShapePageBounds(shape)?.point ?? { x: shape.x, y: shape.y });
  const { x, y } = newNotePosition(editor.getViewportPageBounds().center, taken);
  const id = createShapeId();
  editor.markHistoryStoppingPoint('new note');
  editor.setCurrentTool('select');
  editor.createShape({ id, type: 'note', x, y });
  editor.select(id);
  editor.focus();
  startEditingShapeWithRichText(editor, id);
  return id;
}
