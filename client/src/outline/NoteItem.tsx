import { memo, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { MAX_NOTE_TEXT, type Note } from '@samskapa/shared';
import { useT } from '../i18n/i18n';
import { domId, focusSoon, sameDestinations, sameNote, type ColumnKey, type Destination } from './columns';
import { useDrafts } from './drafts';
import { VoteControl } from '../session/voting';
import { MoveMenu } from './MoveMenu';

/** The MIME type a dragged note carries (its id), so drops of anything else are ignored. */
export const NOTE_DRAG_TYPE = 'application/x-samskapa-note';

/** What a note's controls do; one stable object for the whole list board. */
export interface NoteHandlers {
  save(noteId: string, text: string): boolean;
  /** Adds the text of a note deleted while it was being edited as a new note in `columnKey`. */
  saveAsNew(noteId: string, columnKey: ColumnKey, text: string): boolean;
  remove(noteId: string, columnKey: ColumnKey): void;
  /** `from` null: moved by dragging, the focus stays where the mouse left it. */
  move(noteId: string, from: ColumnKey | null, to: ColumnKey): void;
  reportEmpty(): void;
}

interface NoteItemProps {
  workshopId: string;
  note: Note;
  columnKey: ColumnKey;
  /** The note was deleted by someone while this person was editing it: only the draft is left. */
  gone: boolean;
  mayWrite: boolean;
  destinations: readonly Destination[];
  handlers: NoteHandlers;
}

function NoteItemView({
  workshopId,
  note,
  columnKey,
  gone,
  mayWrite,
  destinations,
  handlers,
}: NoteItemProps) {
  const t = useT();
  const draft = useDrafts((s) => s.edits[note.id]);
  const startEdit = useDrafts((s) => s.startEdit);
  const setEditText = useDrafts((s) => s.setEditText);
  const endEdit = useDrafts((s) => s.endEdit);
  const [confirming, setConfirming] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // The question takes the focus as it appears (before the next key press): the "Ta bort" button that had
  // it is gone, and Escape pressed at once must reach the question to cancel it.
  useLayoutEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const editing = mayWrite && !note.reference && draft !== undefined;
  const textId = domId.noteText(note.id);
  const hintId = `${domId.note(note.id)}-hint`;
  const goneId = `${domId.note(note.id)}-gone`;

  // As the text box appears (the "Redigera" that had the focus is gone), it takes the focus with the caret
  // at the end, before the next key press: typed at once, the first letters must not land at the start.
  // Also when it opened in another column (moved by someone) or lost its note (deleted by someone).
  useLayoutEffect(() => {
    const box = textarea.current;
    if (!editing || !box || (document.activeElement !== document.body && document.activeElement !== null)) {
      return;
    }
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }, [editing, gone]);

  const finish = () => {
    endEdit(note.id);
    focusSoon(domId.noteEdit(note.id));
  };
  const save = () => {
    if (!draft) return;
    const text = draft.text;
    if (!text.trim()) {
      handlers.reportEmpty();
      textarea.current?.focus();
      return;
    }
    if (gone) {
      if (handlers.saveAsNew(note.id, columnKey, text)) endEdit(note.id);
      return;
    }
    if (text === note.text || handlers.save(note.id, text)) finish();
  };
  const onEditKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (gone) endEdit(note.id);
      else finish();
    }
  };

  const draggable = mayWrite && !note.reference && !editing && !gone;
  const onDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(NOTE_DRAG_TYPE, note.id);
    event.dataTransfer.setData('text/plain', note.text);
    event.dataTransfer.effectAllowed = 'move';
  };

  const classes = ['outline-note'];
  if (note.reference) classes.push('outline-note-reference');
  if (editing) classes.push('outline-note-editing');

  return (
    <li
      className={classes.join(' ')}
      data-note-id={note.id}
      data-testid="outline-note"
      draggable={draggable || undefined}
      onDragStart={draggable ? onDragStart : undefined}
    >
      {editing ? (
        <form
          className="outline-note-form"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          {gone && (
            <p id={goneId} className="outline-note-gone" role="alert">
              {t('outline.note.gone')}
            </p>
          )}
          <label htmlFor={`${domId.note(note.id)}-input`}>{t('outline.note.editLabel')}</label>
          <textarea
            id={`${domId.note(note.id)}-input`}
            ref={textarea}
            value={draft.text}
            rows={Math.min(8, Math.max(3, draft.text.split('\n').length + 1))}
            maxLength={MAX_NOTE_TEXT}
            aria-describedby={gone ? `${goneId} ${hintId}` : hintId}
            onChange={(event) => setEditText(note.id, event.target.value)}
            onKeyDown={onEditKeyDown}
          />
          <p id={hintId} className="outline-hint">
            {t('outline.note.editHint')}
          </p>
          <div className="outline-actions">
            <button type="submit" className="primary">
              {gone ? t('outline.note.saveAsNew') : t('outline.save')}
            </button>
            <button type="button" onClick={() => (gone ? endEdit(note.id) : finish())}>
              {t('outline.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {/* The focus lands here when a neighbouring note leaves the column. */}
          <p className="outline-note-text" id={domId.note(note.id)} tabIndex={-1}>
            <span id={textId}>{note.text}</span>
          </p>
          {note.reference ? (
            <p className="outline-note-meta">
              <span className="outline-badge">{t('outline.reference')}</span>
            </p>
          ) : (
            note.author && (
              <p className="outline-note-meta">{t('outline.note.author', { name: note.author })}</p>
            )
          )}
          {!note.reference && <VoteControl noteId={note.id} text={note.text} />}
          {mayWrite && !note.reference && !confirming && (
            <div className="outline-actions">
              <button
                type="button"
                id={domId.noteEdit(note.id)}
                aria-describedby={textId}
                onClick={() => startEdit(note.id, { workshopId, text: note.text, columnKey })}
              >
                {t('outline.note.edit')}
              </button>
              <MoveMenu
                noteId={note.id}
                current={columnKey}
                destinations={destinations}
                describedBy={textId}
                onMove={(to) => handlers.move(note.id, columnKey, to)}
              />
              <button type="button" aria-describedby={textId} onClick={() => setConfirming(true)}>
                {t('outline.note.delete')}
              </button>
            </div>
          )}
          {mayWrite && !note.reference && confirming && (
            <div
              className="outline-confirm"
              role="group"
              aria-labelledby={`${domId.note(note.id)}-question`}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                event.preventDefault();
                setConfirming(false);
                focusSoon(domId.noteEdit(note.id));
              }}
            >
              <p id={`${domId.note(note.id)}-question`}>{t('outline.note.confirmDelete')}</p>
              <div className="outline-actions">
                <button type="button" className="danger" onClick={() => handlers.remove(note.id, columnKey)}>
                  {t('outline.note.confirmDeleteYes')}
                </button>
                <button
                  ref={keep}
                  type="button"
                  id={`${domId.note(note.id)}-keep`}
                  onClick={() => {
                    setConfirming(false);
                    focusSoon(domId.noteEdit(note.id));
                  }}
                >
                  {t('outline.cancel')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </li>
  );
}

/** One note of a column: its text, its author or "Underlag", and (for writers) edit, move and delete. */
export const NoteItem = memo(
  NoteItemView,
  (a, b) =>
    sameNote(a.note, b.note) &&
    a.workshopId === b.workshopId &&
    a.columnKey === b.columnKey &&
    a.gone === b.gone &&
    a.mayWrite === b.mayWrite &&
    a.handlers === b.handlers &&
    sameDestinations(a.destinations, b.destinations),
);
