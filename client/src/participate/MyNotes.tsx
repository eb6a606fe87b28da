import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  deleteNote,
  MAX_NOTE_TEXT,
  moveNote,
  setNoteText,
  type FocusArea,
  type Note,
  type WorkshopBoard,
} from '@samskapa/shared';
import { VoteTotal } from '../session/voting';
import { useT, type MessageKey } from '../i18n/i18n';
import { isSubmitKey } from './NoteForm';
import { ownNotesByArea } from './phoneNotes';
import { usePendingFocus } from './pendingFocus';
import { areaName, changeErrorKey, PHONE_ORIGIN } from './phoneText';
import { saying, type Said } from './said';

/** What the person is doing with one of their notes; one note at a time. */
type Action =
  | { noteId: string; kind: 'edit'; draft: string }
  | { noteId: string; kind: 'delete' }
  | { noteId: string; kind: 'move'; target: string };

/** Ids of a note's controls, so the focus can be put back on them after an action. */
const idOf = (noteId: string, part: 'text' | 'edit' | 'move' | 'delete' | 'field' | 'cancel' | 'target') =>
  `phone-note-${noteId}-${part}`;

const HEADING_ID = 'phone-mine-heading';
/** The value of "no area" in the move choice (an area id is never empty). */
const NO_AREA = '';

/** The participant's own notes, by area: each can be edited, moved to another area and deleted. */
export function MyNotes({
  doc,
  board,
  personId,
  areas,
  mayWrite,
}: {
  doc: Y.Doc;
  board: WorkshopBoard;
  personId: string;
  /** The areas a note may be moved to. */
  areas: FocusArea[];
  mayWrite: boolean;
}) {
  const t = useT();
  const [action, setAction] = useState<Action | null>(null);
  const [error, setError] = useState<{ noteId: string; key: MessageKey } | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const focusLater = usePendingFocus();
  const groups = ownNotesByArea(board, personId);
  const count = groups.reduce((sum, group) => sum + group.notes.length, 0);
  const areaById = new Map(board.areas.map((area) => [area.id, area]));
  // Someone deleted the note while this person was editing it: their text is shown, not lost.
  const lostDraft =
    action?.kind === 'edit' && !board.notes.some((note) => note.id === action.noteId) ? action.draft : null;

  const start = (next: Action, focusId: string) => {
    setAction(next);
    setError(null);
    focusLater(focusId);
  };
  const stop = (focusId: string) => {
    setAction(null);
    setError(null);
    focusLater(focusId);
  };
  /** Runs a change; a refused one keeps the action open (and its draft) and says why. */
  const change = (noteId: string, write: () => void): boolean => {
    try {
      write();
      return true;
    } catch (failure) {
      setError({ noteId, key: changeErrorKey(failure) });
      return false;
    }
  };

  const save = (event: FormEvent, note: Note, draft: string) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) {
      setError({ noteId: note.id, key: 'phone.empty' });
      return;
    }
    if (!change(note.id, () => setNoteText(doc, note.id, text, PHONE_ORIGIN))) return;
    setSaid(saying('phone.mine.saved'));
    stop(idOf(note.id, 'edit'));
  };

  const remove = (note: Note) => {
    if (!change(note.id, () => deleteNote(doc, note.id, PHONE_ORIGIN))) return;
    setSaid(saying('phone.mine.deleted'));
    stop(HEADING_ID);
  };

  const move = (event: FormEvent, note: Note, target: string) => {
    event.preventDefault();
    const areaId = target === NO_AREA ? null : target;
    if (!change(note.id, () => moveNote(doc, note.id, areaId, PHONE_ORIGIN))) return;
    const area = areaId === null ? undefined : areaById.get(areaId);
    setSaid(area ? saying('phone.mine.moved', { area: area.code }) : saying('phone.mine.movedNone'));
    setAction(null);
    setError(null);
    // The note shows up under its new area once the board is read again; the focus follows it there.
    focusLater(
      idOf(note.id, 'move'),
      (element) => element.closest('[data-area]')?.getAttribute('data-area') === target,
    );
  };

  const renderNote = (note: Note) => {
    const current = action?.noteId === note.id ? action : null;
    const noteError = error?.noteId === note.id ? error.key : null;
    const errorId = `phone-note-${note.id}-error`;
    const errorLine = noteError && (
      <p id={errorId} className="error" role="alert">
        {t(noteError)}
      </p>
    );

    if (current?.kind === 'edit') {
      return (
        <form className="phone-note-edit" onSubmit={(e) => save(e, note, current.draft)} noValidate>
          <label htmlFor={idOf(note.id, 'field')}>{t('phone.mine.editLabel')}</label>
          <textarea
            id={idOf(note.id, 'field')}
            rows={4}
            value={current.draft}
            maxLength={MAX_NOTE_TEXT}
            aria-describedby={noteError ? errorId : undefined}
            aria-invalid={noteError === 'phone.empty' || undefined}
            onChange={(e) => setAction({ ...current, draft: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                stop(idOf(note.id, 'edit'));
              } else if (isSubmitKey(e)) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          {errorLine}
          <div className="phone-actions">
            <button type="submit" className="primary">
              {t('phone.mine.save')}
            </button>
            <button type="button" onClick={() => stop(idOf(note.id, 'edit'))}>
              {t('phone.mine.cancel')}
            </button>
          </div>
        </form>
      );
    }

    const text = (
      <p id={idOf(note.id, 'text')} className="phone-note-text">
        {note.text || t('phone.note.blank')}
      </p>
    );
    if (current?.kind === 'delete') {
      const questionId = `phone-note-${note.id}-question`;
      return (
        <>
          {text}
          <div className="phone-confirm" role="group" aria-labelledby={questionId}>
            <p id={questionId}>{t('phone.mine.deleteQuestion')}</p>
            {errorLine}
            <div className="phone-actions">
              <button type="button" className="danger" onClick={() => remove(note)}>
                {t('phone.mine.deleteConfirm')}
              </button>
              <button
                type="button"
                id={idOf(note.id, 'cancel')}
                onClick={() => stop(idOf(note.id, 'delete'))}
              >
                {t('phone.mine.cancel')}
              </button>
            </div>
          </div>
        </>
      );
    }
    if (current?.kind === 'move') {
      return (
        <>
          {text}
          <form className="phone-move" onSubmit={(e) => move(e, note, current.target)}>
            <label htmlFor={idOf(note.id, 'target')}>{t('phone.mine.moveLabel')}</label>
            <select
              id={idOf(note.id, 'target')}
              value={current.target}
              onChange={(e) => setAction({ ...current, target: e.target.value })}
            >
              {areas
                .filter((area) => area.id !== note.areaId)
                .map((area) => (
                  <option key={area.id} value={area.id}>
                    {areaName(t, area)}
                  </option>
                ))}
              {note.areaId !== null && <option value={NO_AREA}>{t('phone.area.none')}</option>}
            </select>
            {errorLine}
            <div className="phone-actions">
              <button type="submit" className="primary">
                {t('phone.mine.moveConfirm')}
              </button>
              <button type="button" onClick={() => stop(idOf(note.id, 'move'))}>
                {t('phone.mine.cancel')}
              </button>
            </div>
          </form>
        </>
      );
    }

    const describedBy = idOf(note.id, 'text');
    const targets = areas.filter((area) => area.id !== note.areaId).map((area) => area.id);
    if (note.areaId !== null) targets.push(NO_AREA);
    return (
      <>
        {text}
        {errorLine}
        <VoteTotal noteId={note.id} />
        {mayWrite && (
          <div className="phone-actions">
            <button
              type="button"
              id={idOf(note.id, 'edit')}
              aria-describedby={describedBy}
              onClick={() =>
                start({ noteId: note.id, kind: 'edit', draft: note.text }, idOf(note.id, 'field'))
              }
            >
              {t('phone.mine.edit')}
            </button>
            {targets.length > 0 && (
              <button
                type="button"
                id={idOf(note.id, 'move')}
                aria-describedby={describedBy}
                onClick={() =>
                  start({ noteId: note.id, kind: 'move', target: targets[0]! }, idOf(note.id, 'target'))
                }
              >
                {t('phone.mine.move')}
              </button>
            )}
            <button
              type="button"
              id={idOf(note.id, 'delete')}
              aria-describedby={describedBy}
              onClick={() => start({ noteId: note.id, kind: 'delete' }, idOf(note.id, 'cancel'))}
            >
              {t('phone.mine.delete')}
            </button>
          </div>
        )}
      </>
    );
  };

  return (
    <section className="phone-section" aria-labelledby={HEADING_ID} data-testid="phone-mine">
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t('phone.mine.heading')} <span className="phone-count">({count})</span>
      </h2>
      <p className="visually-hidden" role="status">
        {said && <span key={said.at}>{t(said.key, said.vars)}</span>}
      </p>
      {lostDraft !== null && (
        <div className="phone-lost" role="alert">
          <p>{t('phone.mine.gone', { text: lostDraft })}</p>
          <button type="button" onClick={() => stop(HEADING_ID)}>
            {t('phone.mine.dismiss')}
          </button>
        </div>
      )}
      {count === 0 && <p className="phone-empty">{t('phone.mine.none')}</p>}
      {groups.map((group) => {
        const area = group.areaId === null ? undefined : areaById.get(group.areaId);
        const groupHeading = `phone-mine-${group.areaId ?? 'none'}`;
        return (
          <div key={group.areaId ?? ''} className="phone-group" data-area={group.areaId ?? NO_AREA}>
            <h3 id={groupHeading}>{areaName(t, area)}</h3>
            <ul className="phone-notes" aria-labelledby={groupHeading}>
              {group.notes.map((note) => (
                <li key={note.id} className="phone-note" data-testid="phone-own-note" data-note-id={note.id}>
                  {renderNote(note)}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
