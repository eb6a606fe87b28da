import { type FocusArea } from '@samskapa/shared';
import { useId, useState } from 'react';
import { useT } from '../i18n/i18n';
import { useDraftStore, useDrafts } from './draftStore';

/**
 * Silent brainstorming for a participant: notes written here stay in this browser (not sent) until
 * the facilitator reveals them all; then they go on the board at once.
 */
export function DraftsPanel({
  workshopId,
  round,
  areas,
  defaultAreaId,
}: {
  workshopId: string;
  round: number;
  areas: readonly FocusArea[];
  defaultAreaId: string | null;
}) {
  const t = useT();
  const drafts = useDrafts(workshopId);
  const { add, remove } = useDraftStore();
  const [text, setText] = useState('');
  const [areaId, setAreaId] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const textId = useId();
  const areaSelectId = useId();
  const chosenArea = areaId ?? defaultAreaId ?? '';
  const mine = drafts.filter((d) => d.round === round);

  const submit = () => {
    if (!text.trim()) {
      setError(true);
      return;
    }
    add(workshopId, { text: text.trim(), areaId: chosenArea || null, round, createdAt: Date.now() });
    setText('');
    setError(false);
  };

  return (
    <section className="drafts" aria-labelledby="drafts-heading" data-testid="drafts">
      <h2 id="drafts-heading">{t('drafts.heading', { count: mine.length })}</h2>
      <p className="drafts-hint">{t('drafts.hint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={textId}>{t('drafts.textLabel')}</label>
        <textarea
          id={textId}
          value={text}
          rows={2}
          maxLength={2000}
          aria-invalid={error || undefined}
          aria-describedby={error ? `${textId}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
        {error && (
          <p id={`${textId}-error`} className="error" role="alert">
            {t('drafts.empty')}
          </p>
        )}
        {areas.length > 0 && (
          <>
            <label htmlFor={areaSelectId}>{t('drafts.areaLabel')}</label>
            <select id={areaSelectId} value={chosenArea} onChange={(event) => setAreaId(event.target.value)}>
              <option value="">{t('drafts.noArea')}</option>
              {areas.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.code} {area.title}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className="primary">
          {t('drafts.save')}
        </button>
      </form>
      {mine.length > 0 && (
        <ul className="drafts-list">
          {mine.map((draft) => (
            <li key={draft.id} data-testid="draft">
              <span>{draft.text}</span>
              <button
                type="button"
                aria-label={t('drafts.removeLabel', { text: draft.text.slice(0, 60) })}
                onClick={() => remove(workshopId, [draft.id])}
              >
                {t('drafts.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
