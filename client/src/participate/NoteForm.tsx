import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { addNote, MAX_NOTE_TEXT, type FocusArea } from '@samskapa/shared';
import { translate, useLocaleStore, useT, type MessageKey } from '../i18n/i18n';
import { changeErrorKey, PHONE_ORIGIN, saying, type Said } from './phoneText';

/** Whether a key press in a text field means "done" (Ctrl+Enter, or ⌘+Enter on a Mac); Enter alone is a new line. */
export function isSubmitKey(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** Writing a new note into the chosen area: the field empties and a live region says where it went. */
export function NoteForm({
  doc,
  area,
  person,
  picker,
}: {
  doc: Y.Doc;
  area: FocusArea | undefined;
  person: { id: string; name: string };
  /** The area choice, shown above the text field. */
  picker: ReactNode;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [text, setText] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  // What was added last, and to which area: the message goes when another area is chosen.
  const [said, setSaid] = useState<{ message: Said; areaId: string | null } | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const shown = said && said.areaId === (area?.id ?? null) ? said.message : null;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('phone.empty');
      field.current?.focus();
      return;
    }
    try {
      addNote(
        doc,
        {
          text: trimmed,
          areaId: area?.id ?? null,
          authorId: person.id,
          author: person.name,
          now: Date.now(),
          pageName: translate(locale, 'board.pageName'),
        },
        PHONE_ORIGIN,
      );
    } catch (failure) {
      // The text stays in the field, so nothing is lost.
      setError(changeErrorKey(failure));
      return;
    }
    setText('');
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
            setText(e.target.value);
            setSaid(null);
            if (error === 'phone.empty') setError(null);
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
