import type { CreateWorkshopResponse, SnapshotSummary } from '@samskapa/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { exportSnapshot, listSnapshots, restoreSnapshot, takeSnapshot } from '../session/api';
import { CopyField } from '../common/CopyField';
import { adoptCreatedWorkshop } from '../cockpit/myWorkshops';
import { useLocaleStore, useT } from '../i18n/i18n';

/** How often the open drawer looks for snapshots the server took at a step change. */
const REFRESH_MS = 15_000;

/** A new workshop's facilitator link on this page's origin (a proxy may have answered with another). */
function onThisOrigin(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${window.location.origin}${parsed.pathname}${parsed.hash}`;
}

/**
 * Snapshots for the facilitator: the list (newest first), taking one by name, exporting one, and
 * restoring one here (after a confirmation: everyone connected sees the board change) or as a new
 * workshop.
 */
export function SnapshotSection({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState<SnapshotSummary | null>(null);
  const [created, setCreated] = useState<CreateWorkshopResponse | null>(null);
  const nameId = useId();
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const format = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

  // Bumped after a change made here, so the list is read again at once.
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);

  useEffect(() => {
    let cancelled = false;
    const poll = () =>
      listSnapshots(workshopId, token)
        .then((list) => {
          if (cancelled) return;
          setSnapshots(list);
          setFailed(false);
        })
        .catch(() => !cancelled && setFailed(true));
    void poll();
    const interval = setInterval(() => void poll(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(interval);
    };
  }, [workshopId, token, version]);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  /** Runs a request; a failure says so and leaves everything as it was. */
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailed(false);
    try {
      await work();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const onTake = (event: FormEvent) => {
    event.preventDefault();
    const chosen = name.trim() || t('snapshots.defaultName', { time: format(new Date().toISOString()) });
    void run(async () => {
      const taken = await takeSnapshot(workshopId, token, chosen);
      setName('');
      setStatus(t('snapshots.taken', { name: taken.name }));
      refresh();
    });
  };

  const onExport = (snapshot: SnapshotSummary) =>
    void run(async () => {
      const blob = await exportSnapshot(workshopId, token, snapshot.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${snapshot.name.replace(/[^\p{L}\p{N}_-]+/gu, '-')}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  const closeConfirm = () => {
    setConfirming(null);
    returnFocus.current?.focus();
  };

  const onRestoreHere = (snapshot: SnapshotSummary) =>
    void run(async () => {
      await restoreSnapshot(workshopId, token, snapshot.id, 'inPlace');
      setConfirming(null);
      setStatus(t('snapshots.restored', { name: snapshot.name }));
    });

  const onRestoreNew = (snapshot: SnapshotSummary) =>
    void run(async () => {
      const workshop = await restoreSnapshot(workshopId, token, snapshot.id, 'new');
      if (!workshop) return;
      adoptCreatedWorkshop(workshop);
      setCreated(workshop);
      setStatus(t('snapshots.restoredNew', { name: snapshot.name }));
    });

  return (
    <section aria-labelledby="snapshots-heading" className="panel-section" data-testid="snapshot-section">
      <h2 id="snapshots-heading">{t('snapshots.heading')}</h2>
      <p className="hint">{t('snapshots.intro')}</p>
      <form onSubmit={onTake}>
        <label htmlFor={nameId}>{t('snapshots.nameLabel')}</label>
        <input id={nameId} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <div className="button-row">
          <button type="submit" disabled={busy} data-testid="take-snapshot">
            {t('snapshots.take')}
          </button>
        </div>
      </form>
      <p role="status" data-testid="snapshot-status">
        {status}
      </p>
      {failed && (
        <p role="alert" className="error">
          {t('snapshots.failed')}
        </p>
      )}
      {confirming && (
        <div
          className="snapshot-confirm"
          role="group"
          aria-labelledby="snapshot-confirm-heading"
          data-testid="snapshot-confirm"
        >
          <h3 id="snapshot-confirm-heading" ref={confirmHeading} tabIndex={-1}>
            {t('snapshots.confirmHeading', { name: confirming.name })}
          </h3>
          <p>{t('snapshots.confirmText', { time: format(confirming.createdAt) })}</p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={busy}
              data-testid="confirm-restore"
              onClick={() => onRestoreHere(confirming)}
            >
              {t('snapshots.confirm')}
            </button>
            <button type="button" onClick={closeConfirm}>
              {t('snapshots.cancel')}
            </button>
          </div>
        </div>
      )}
      {created && (
        <div className="snapshot-created" data-testid="snapshot-created">
          <CopyField
            label={t('snapshots.newFacilitatorLink')}
            value={onThisOrigin(created.facilitatorUrl)}
            testId="snapshot-new-facilitator-link"
          />
          <a href={`/w/${created.id}`}>{t('snapshots.openNew')}</a>
        </div>
      )}
      {snapshots === null ? (
        !failed && <p>{t('snapshots.loading')}</p>
      ) : snapshots.length === 0 ? (
        <p>{t('snapshots.none')}</p>
      ) : (
        <ul className="snapshot-list" aria-label={t('snapshots.listLabel')} data-testid="snapshot-list">
          {snapshots.map((snapshot) => (
            <li key={snapshot.id} data-testid="snapshot-item">
              <p id={`snapshot-${snapshot.id}`}>
                {t('snapshots.item', {
                  time: format(snapshot.createdAt),
                  name: snapshot.name,
                  notes: snapshot.notes,
                })}
              </p>
              <div className="button-row">
                <button
                  type="button"
                  disabled={busy}
                  aria-describedby={`snapshot-${snapshot.id}`}
                  data-testid="restore-here"
                  onClick={(e) => {
                    returnFocus.current = e.currentTarget;
                    setConfirming(snapshot);
                  }}
                >
                  {t('snapshots.restoreHere')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-describedby={`snapshot-${snapshot.id}`}
                  data-testid="restore-new"
                  onClick={() => onRestoreNew(snapshot)}
                >
                  {t('snapshots.restoreNew')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-describedby={`snapshot-${snapshot.id}`}
                  onClick={() => onExport(snapshot)}
                >
                  {t('snapshots.export')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
