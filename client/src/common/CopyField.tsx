import { useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { copyFieldText, type CopyOutcome } from './clipboard';

/** A read-only value with a copy button, e.g. a link to share; says (also to screen readers) what happened. */
export function CopyField({
  label,
  value,
  testId,
  description,
}: {
  label: string;
  value: string;
  testId?: string;
  /** Shown under the label and read with the field, e.g. a warning. */
  description?: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);

  const onCopy = async () => {
    if (!field.current) return;
    setOutcome(null); // so a second copy is announced again
    const result = await copyFieldText(field.current);
    setOutcome(result);
    // After a copy the person goes on from the button; a selection waits in the field for Ctrl+C.
    if (result === 'copied') button.current?.focus();
  };

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {description && (
        <p id={`${id}-description`} className="copy-field-description">
          {description}
        </p>
      )}
      <div className="copy-field-row">
        <input
          ref={field}
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          aria-describedby={description ? `${id}-description` : undefined}
          onFocus={(e) => e.target.select()}
        />
        <button ref={button} type="button" onClick={() => void onCopy()}>
          {outcome === 'copied' ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      <p role="status" className="copy-field-status">
        {outcome === 'copied' ? t('common.copiedStatus', { label }) : null}
        {outcome === 'selected' ? t('common.selectedForCopy') : null}
      </p>
    </div>
  );
}
