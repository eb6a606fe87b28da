import { useEffect, useId, useState, type FormEvent } from 'react';
import { loadWorkshopSummary, RetentionRefused, setRetention } from '../session/api';
import { useLocaleStore, useT, type MessageKey } from '../i18n/i18n';

/** `YYYY-MM-DD` of a moment in this browser's time zone (what a date input shows and gives). */
function localDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The start of a date input's day in this browser's time zone, as an ISO instant. */
function startOfLocalDay(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year!, month! - 1, day!).toISOString();
}

type Problem = { key: MessageKey; latest?: string } | null;

/**
 * "Radering": when the workshop and everything in it is deleted, and a date input to choose another
 * day (from tomorrow up to the server's maximum). Facilitators only.
 */
export function RetentionSection({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [retainUntil, setRetainUntil] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    let cancelled = false;
    loadWorkshopSummary(workshopId, token)
      .then((summary) => {
        if (cancelled) return;
        setRetainUntil(summary.retainUntil);
        setValue(localDate(new Date(summary.retainUntil)));
      })
      .catch(() => !cancelled && setLoadFailed(true));
    return () => {
      cancelled = true;
    };
  }, [workshopId, token]);

  const longDate = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      setProblem({ key: 'retention.required' });
      return;
    }
    setBusy(true);
    try {
      const stored = await setRetention(workshopId, token, startOfLocalDay(value));
      setRetainUntil(stored);
      setProblem(null);
      setSaved(true);
    } catch (err) {
      if (err instanceof RetentionRefused && err.status === 400) {
        setProblem(
          err.latest ? { key: 'retention.outOfRange', latest: err.latest } : { key: 'retention.tooEarly' },
        );
      } else setProblem({ key: 'retention.failed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="retention-heading" className="panel-section" data-testid="retention-section">
      <h2 id="retention-heading">{t('retention.heading')}</h2>
      {retainUntil ? (
        <>
          <p data-testid="retention-date" aria-live="polite">
            {saved
              ? t('retention.saved', { date: longDate(retainUntil) })
              : t('retention.current', { date: longDate(retainUntil) })}
          </p>
          <p className="retention-explain">{t('retention.explain')}</p>
          <form className="retention-form" onSubmit={(e) => void save(e)} noValidate>
            <label htmlFor={inputId}>{t('retention.dateLabel')}</label>
            <input
              id={inputId}
              type="date"
              value={value}
              min={localDate(tomorrow)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              data-testid="retention-input"
              onChange={(e) => {
                setValue(e.target.value);
                setProblem(null);
                setSaved(false);
              }}
            />
            <button type="submit" disabled={busy}>
              {busy ? t('retention.saving') : t('retention.save')}
            </button>
            {problem && (
              <p id={errorId} role="alert" className="error" data-testid="retention-error">
                {t(problem.key, { latest: problem.latest ? longDate(problem.latest) : '' })}
              </p>
            )}
          </form>
        </>
      ) : (
        <p role={loadFailed ? 'alert' : undefined}>
          {loadFailed ? t('retention.loadFailed') : t('retention.loading')}
        </p>
      )}
    </section>
  );
}
