import { useState } from 'react';
import { MAX_NOTE_TEXT } from '@samskapa/shared';
import { useT } from '../i18n/i18n';
import { domId, type ColumnKey } from './columns';
import { additionKey, useDrafts } from './drafts';

/** The small form at the bottom of a column: a text box and "Lägg till" (or Ctrl+Enter). */
export function AddNoteForm({
  workshopId,
  columnKey,
  label,
  onAdd,
}: {
  workshopId: string;
  columnKey: ColumnKey;
  label: string;
  onAdd: (columnKey: ColumnKey, text: string) => string | null;
}) {
  const t = useT();
  const key = additionKey(workshopId, columnKey);
  const text = useDrafts((s) => s.additions[key] ?? '');
  const setAddition = useDrafts((s) => s.setAddition);
  const [empty, setEmpty] = useState(false);
  const inputId = domId.add(columnKey);
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;

  const submit = () => {
    if (!text.trim()) {
      setEmpty(true);
      document.getElementById(inputId)?.focus();
      return;
    }
    // Kept on failure: the live region says why, and the text is still there to try again.
    if (onAdd(columnKey, text) !== null) setAddition(key, '');
  };

  return (
    <form
      className="outline-add"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={inputId}>{label}</label>
      <textarea
        id={inputId}
        rows={2}
        value={text}
        maxLength={MAX_NOTE_TEXT}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => {
          setEmpty(false);
          setAddition(key, event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
      />
      {empty && (
        <p id={errorId} className="outline-field-error">
          {t('outline.add.empty')}
        </p>
      )}
      <div className="outline-add-row">
        <p id={hintId} className="outline-hint">
          {t('outline.add.hint')}
        </p>
        <button type="submit" className="primary">
          {t('outline.add.submit')}
        </button>
      </div>
    </form>
  );
}
