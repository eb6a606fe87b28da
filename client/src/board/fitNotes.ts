import type { Editor, TLNoteShape, TLRecord, TLShapeId } from 'tldraw';
import { plainFromRichText } from '@samskapa/shared';

/** Notes measured in one go; the rest wait for the next turn, so a large board stays responsive. */
const BATCH = 100;

function isNote(record: TLRecord | undefined): record is TLNoteShape {
  return record?.typeName === 'shape' && record.type === 'note';
}

/**
 * Notes written outside the canvas (the list board, the phone, templates, imports, revealed drafts)
 * carry tldraw's default size: a long text is not yet shrunk or grown to fit its note as tldraw's note
 * tool does while typing. The facilitator's canvas measures such notes as tldraw would and stores the
 * result, so every canvas (the projector too) draws them as if typed on the canvas. Only one role does
 * it, so a room of canvases does not write the same sizes thirty times. Returns a function that stops.
 */
export function fitNotes(editor: Editor): () => void {
  const util = editor.getShapeUtil<TLNoteShape>('note');
  const waiting = new Set<TLShapeId>();
  let scheduled: number | null = null;

  const fitWaiting = (): void => {
    scheduled = null;
    const updates: TLNoteShape[] = [];
    for (const id of [...waiting].slice(0, BATCH)) {
      waiting.delete(id);
      const note = editor.getShape<TLNoteShape>(id);
      // A copy: tldraw caches a note's measurement per record object, and the first render may have
      // measured this one before its font had loaded.
      const fitted = note && util.onBeforeCreate?.({ ...note });
      if (fitted) updates.push(fitted);
    }
    if (waiting.size > 0) schedule([]);
    if (updates.length === 0 || editor.getIsReadonly()) return;
    editor.run(
      () =>
        editor.updateShapes(
          updates.map(({ id, type, props: { growY, fontSizeAdjustment } }) => ({
            id,
            type,
            props: { growY, fontSizeAdjustment },
          })),
        ),
      { history: 'ignore', ignoreShapeLock: true },
    );
  };
  function schedule(ids: Iterable<TLShapeId>): void {
    for (const id of ids) waiting.add(id);
    if (waiting.size === 0 || scheduled !== null) return;
    // After the fonts have loaded: a measurement in a fallback font would be wrong for everyone.
    // tldraw loads a font when a shape first needs it: ask for them, else the first measurement is made in
    // a fallback font and the note comes out too short.
    const fontsLoaded = () =>
      Promise.all([editor.fonts.loadRequiredFontsForCurrentPage(), document.fonts.ready]).catch(
        () => undefined,
      );
    scheduled = window.setTimeout(() => void fontsLoaded().then(fitWaiting), 0);
  }

  // At load: every note with text (one that was measured is measured again, and left as it is).
  schedule(
    editor
      .getCurrentPageShapes()
      .filter(isNote)
      .filter((note) => plainFromRichText(note.props.richText) !== '')
      .map((note) => note.id),
  );
  // From then on: every note that arrives or whose text changes elsewhere.
  const stop = editor.store.listen(
    ({ changes }) => {
      const ids: TLShapeId[] = [];
      for (const record of Object.values(changes.added)) if (isNote(record)) ids.push(record.id);
      for (const [before, after] of Object.values(changes.updated))
        if (
          isNote(before) &&
          isNote(after) &&
          plainFromRichText(before.props.richText) !== plainFromRichText(after.props.richText)
        )
          ids.push(after.id);
      schedule(ids);
    },
    { source: 'remote', scope: 'document' },
  );
  return () => {
    stop();
    if (scheduled !== null) window.clearTimeout(scheduled);
  };
}
