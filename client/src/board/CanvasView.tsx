import { useCallback, useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import { useLocaleStore, useT } from '../i18n/i18n';
import type { ViewProps } from '../session/viewProps';
import { Board } from './Board';
import { CanvasVote } from './CanvasVote';
import { ImageExport } from './ImageExport';
import { addNoteAtViewportCentre, isNewNoteShortcut, NEW_NOTE_SHORTCUT } from './newNote';
import { makeReadOnly, readOnlyWhenRejected } from './readOnlyWhenRejected';
import { useFollowAndSummon } from './followAndSummon';

declare global {
  interface Window {
    /** The live editor, for end-to-end tests and debugging from the console. */
    samskapaEditor?: Editor;
  }
}

/** The tldraw canvas with its own controls ("Ny lapp", Alt+N). Loaded only where the canvas may be mounted. */
export default function CanvasView({
  workshopId,
  access,
  connection,
  person,
  licenseKey,
  mayWrite,
  control,
  outdated,
  announce,
  notify,
  onOutdated,
}: ViewProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    if (outdated && editor) makeReadOnly(editor);
  }, [outdated, editor]);

  // The board lock (and anything else that takes writing away) comes and goes while the canvas is open.
  useEffect(() => {
    if (!editor || connection.readOnly || outdated) return;
    if (!mayWrite) makeReadOnly(editor);
    else if (connection.getState().kind !== 'rejected') editor.updateInstanceState({ isReadonly: false });
  }, [editor, mayWrite, connection, outdated]);

  useFollowAndSummon(editor, control, person.id, notify);

  // Whoever opens the canvas sees the board's content, never an empty corner. By the time the editor is
  // known here, the board's records are in its store (the binding runs as the canvas mounts).
  useEffect(() => {
    if (editor && editor.getCurrentPageShapeIds().size > 0) editor.zoomToFit();
  }, [editor]);

  const addNote = useCallback(() => {
    if (!editor || !mayWrite) return;
    if (addNoteAtViewportCentre(editor)) announce('board.newNote.added');
  }, [editor, mayWrite, announce]);

  useEffect(() => {
    if (!editor || !mayWrite) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isNewNoteShortcut(event) || event.repeat) return;
      // Before tldraw sees it: Alt+N means "new note" wherever the focus is on this page.
      event.preventDefault();
      event.stopPropagation();
      addNote();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [editor, mayWrite, addNote]);

  return (
    <>
      {mayWrite && (
        <div className="canvas-actions">
          <button
            type="button"
            className="primary new-note"
            disabled={!editor}
            aria-keyshortcuts={NEW_NOTE_SHORTCUT}
            onClick={addNote}
          >
            {t('board.newNote')} <kbd>{NEW_NOTE_SHORTCUT}</kbd>
          </button>
        </div>
      )}
      {editor && <CanvasVote editor={editor} />}
      {editor && access.role !== 'viewer' && (
        <ImageExport editor={editor} workshopId={workshopId} token={access.token} />
      )}
      <Board
        key={connection.doc.guid}
        connection={connection}
        role={access.role}
        person={person}
        locale={locale}
        licenseKey={licenseKey}
        onNotice={notify}
        onOutdated={onOutdated}
        onEditor={(mounted) => {
          window.samskapaEditor = mounted;
          setEditor(mounted);
          readOnlyWhenRejected(mounted, connection);
        }}
      />
    </>
  );
}
