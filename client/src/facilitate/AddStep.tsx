import { STEP_KINDS, writeControlField, type AgendaStep, type StepKind } from '@samskapa/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { useT } from '../i18n/i18n';

/** A step added during the session ("Paus, 15 min"), at the end of the agenda. */
export function AddStep({ doc, agenda }: { doc: Y.Doc; agenda: readonly AgendaStep[] }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [kind, setKind] = useState<StepKind>('discuss');
  const [error, setError] = useState(false);
  const ids = { title: useId(), minutes: useId(), kind: useId(), error: useId() };
  return (
    <details className="add-step">
      <summary>{t('facilitate.agenda.add')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!title.trim()) {
            setError(true);
            return;
          }
          const n = Number.parseInt(minutes, 10);
          const used = new Set(agenda.map((s) => s.id));
          let i = agenda.length + 1;
          while (used.has(`step-${i}`)) i++;
          writeControlField(doc, 'agenda', [
            ...agenda,
            {
              id: `step-${i}`,
              title: title.trim().slice(0, 200),
              instruction: '',
              durationMinutes: Number.isFinite(n) && n >= 1 ? Math.min(n, 600) : null,
              kind,
              areas: [],
            },
          ]);
          setTitle('');
          setError(false);
        }}
      >
        <label htmlFor={ids.title}>{t('facilitate.agenda.newTitle')}</label>
        <input
          id={ids.title}
          value={title}
          maxLength={200}
          aria-invalid={error || undefined}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        {error && (
          <p id={ids.error} className="error" role="alert">
            {t('facilitate.agenda.titleMissing')}
          </p>
        )}
        <label htmlFor={ids.minutes}>{t('facilitate.agenda.newMinutes')}</label>
        <input
          id={ids.minutes}
          type="number"
          min={1}
          max={600}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <label htmlFor={ids.kind}>{t('facilitate.agenda.newKind')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
          {STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`facilitate.kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('facilitate.agenda.addSubmit')}</button>
      </form>
    </details>
  );
}
