import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { saveName, type Identity } from '../session/identity';

/** The display name this browser uses, and a way to change it. */
export function YourName({
  identity,
  onRename,
}: {
  identity: Identity;
  onRename: (identity: Identity) => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(identity.name);
  if (!editing) {
    return (
      <span className="your-name">
        <span>{t('board.you', { name: identity.name })}</span>
        <button type="button" onClick={() => setEditing(true)}>
          {t('board.changeName')}
        </button>
      </span>
    );
  }
  return (
    <form
      className="your-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onRename(saveName(name));
        setEditing(false);
      }}
    >
      <label htmlFor="rename" className="visually-hidden">
        {t('join.nameLabel')}
      </label>
      <input id="rename" value={name} maxLength={60} autoFocus onChange={(e) => setName(e.target.value)} />
      <button type="submit">{t('board.changeName')}</button>
    </form>
  );
}
