import { useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { MAX_NOTE_TEXT } from '@samskapa/shared';
import { useT, type MessageKey } from '../i18n/i18n';
import { noteDraft, setNoteDraft, useNoteDraftText } from './noteDraft';
import { saying, type Said } from './said';

/** Whether a key press in a text field means "done" (Ctrl+Enter, or ⌘+Enter on a Mac); Enter alone is a new line. */
export function isSubmitKey(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** Where a new note goes: an area's id and code, or none. */
export type NoteTarget = { id: string; code: string } | undefined;

/**
 * Writing a new note into the chosen area: the field empties and a live region says where it went.
 * `onAdd` stores the note (on the board, or kept until the board can take it) and answers null, or the
 * message saying why it could not; the text then stays in the field, so nothing is lost. The text being
 * written outlives the form (see `noteDraft`), so the first small form hands over to the full one intact.
 */
export function NoteForm({
  workshopId,
  area,
  picker,
  onAdd,
}: {
  workshopId: string;
  area: NoteTarget;
  /** The area choice, shown above the text field. */
  picker: ReactNode;
  onAdd: (text: string, areaId: string | null) => MessageKey | null;
}) {
  const t = useT();
  const text = useNoteDraftText(workshopId);
  const [error, setError] = useState<MessageKey | null>(null);
  // What was added last, and to which area: the message goes when another area is chosen.
  const [said, setSaid] = useState<{ message: Said; areaId: string | null } | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  // The form that had the focus was replaced by this one: the person goes on typing where they were.
  useLayoutEffect(() => {
    const draft = noteDraft(workshopId);
    const element = field.current;
    if (!draft.focused || !element || document.activeElement === element) return;
    element.focus();
    if (draft.selection) element.setSelectionRange(...draft.selection);
  }, [workshopId]);

  const remember = () => {
    const element = field.current;
    if (element) setNoteDraft(workshopId, { selection: [element.selectionStart, element.selectionEnd] });
  };

  const shown = said && said.areaId === (area?.id ?? null) ? said.message : null;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('phone.empty');
      field.current?.focus();
      return;
    }
    const failed = onAdd(trimmed, area?.id ?? null);
    if (failed) {
      setError(failed);
      return;
    }
    setNoteDraft(workshopId, { text: '', selection: null });
    setError(null);
    setSaid({
      message: area ? saying('phone.added', { area: area.code }) : saying('phone.addedNone'),
      areaId: area?.id ?? null,
    });
  };

  return (
    <form className="phone-form" onSubmit={submit} noValidate>
      {picker}
      <div className="phone-field">
        <label htmlFor="phone-note">{t('phone.note.label')}</label>
        <textarea
          id="phone-note"
          ref={field}
          rows={4}
          value={text}
          maxLength={MAX_NOTE_TEXT}
          aria-describedby={error ? 'phone-note-hint phone-note-error' : 'phone-note-hint'}
          aria-invalid={error === 'phone.empty' || undefined}
          onChange={(e) => {
            setNoteDraft(workshopId, {
              text: e.target.value,
              selection: [e.target.selectionStart, e.target.selectionEnd],
            });
            setSaid(null);
            if (error === 'phone.empty') setError(null);
          }}
          onSelect={remember}
          onFocus={() => setNoteDraft(workshopId, { focused: true })}
          onBlur={(e) => {
            const element = e.currentTarget;
            // A field taken out of the page (the small form handing over) keeps its focus for the next one.
            requestAnimationFrame(() => {
              if (element.isConnected) setNoteDraft(workshopId, { focused: false });
            });
          }}
          onKeyDown={(e) => {
            if (!isSubmitKey(e)) return;
            e.preventDefault();
            submit();
          }}
        />
        <p id="phone-note-hint" className="phone-hint">
          {t('phone.note.hint')}
        </p>
        {error && (
          <p id="phone-note-error" className="error" role="alert">
            {t(error)}
          </p>
        )}
      </div>
      <button type="submit" className="primary phone-add">
        {t('phone.add')}
      </button>
      <p className="phone-said" role="status" data-testid="phone-added">
        {shown && <span key={shown.at}>{t(shown.key, shown.vars)}</span>}
      </p>
    </form>
  );
}
