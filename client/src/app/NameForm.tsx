import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';

/** Asks for the display name (a pseudonym) shown to the others. */
export function NameForm({
  initialName,
  onSubmit,
}: {
  initialName: string;
  onSubmit: (name: string) => void;
}) {
  const t = useT();
  const [name, setName] = useState(initialName);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(name.trim());
  };
  return (
    <form onSubmit={submit} noValidate className="card name-form">
      <label htmlFor="display-name">{t('join.nameLabel')}</label>
      <input
        id="display-name"
        name="name"
        autoComplete="nickname"
        maxLength={60}
        aria-describedby="display-name-hint"
        aria-invalid={missing}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setMissing(false);
        }}
      />
      <p id="display-name-hint" className="hint">
        {t('join.nameHint')}
      </p>
      <button type="submit" className="primary">
        {t('join.submit')}
      </button>
      {missing && (
        <p role="alert" className="error">
          {t('join.nameRequired')}
        </p>
      )}
    </form>
  );
}
