import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { ApiError, deleteWorkshop } from '../session/api';
import { forgetDeletedWorkshop, type Access } from '../session/identity';
import type { DocConnection } from '../sync/docConnection';
import { CockpitDialog } from './CockpitDialog';
import { forgetMyWorkshop } from './myWorkshops';

type Outcome = 'failed' | 'forbidden' | null;

/**
 * "Radera workshopen …" for the facilitator: a confirmation in the page that names the workshop, then
 * the server deletes it for everyone. The server closes every board with 4404, which shows this page
 * (and every participant's) the "no longer exists" page.
 */
export function DeleteWorkshop({
  workshopId,
  access,
  connection,
  title,
}: {
  workshopId: string;
  access: Access;
  connection: DocConnection;
  title: string;
}) {
  const t = useT();
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const button = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  if (access.role !== 'facilitator') return null;

  const onConfirm = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await deleteWorkshop(workshopId, access.token);
    } catch (error) {
      if (mounted.current) {
        setBusy(false);
        setOutcome(error instanceof ApiError && error.status === 403 ? 'forbidden' : 'failed');
      }
      return;
    }
    forgetMyWorkshop(workshopId);
    forgetDeletedWorkshop(workshopId);
    await connection.clearCache().catch(() => undefined);
    // Normally the server's 4404 has already replaced this page by the "no longer exists" page. If this
    // browser missed it (the socket was down), opening the board again shows that page from what was
    // just remembered.
    if (mounted.current) window.location.reload();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="danger-quiet"
        aria-haspopup="dialog"
        data-testid="delete-open"
        onClick={() => {
          setOutcome(null);
          setOpen(true);
        }}
      >
        {t('cockpit.delete.open')}
      </button>
      <CockpitDialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        labelledBy={headingId}
        initialFocus={cancel}
        returnFocus={button}
        className="delete-dialog"
        testId="delete-dialog"
      >
        <h2 id={headingId}>{t('cockpit.delete.heading', { title })}</h2>
        <p id={bodyId}>{t('cockpit.delete.body')}</p>
        <div className="cockpit-dialog-actions">
          <button ref={cancel} type="button" disabled={busy} onClick={() => setOpen(false)}>
            {t('cockpit.delete.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            aria-describedby={bodyId}
            data-testid="delete-confirm"
            onClick={() => void onConfirm()}
          >
            {busy ? t('cockpit.delete.busy') : t('cockpit.delete.confirm')}
          </button>
        </div>
        <p role="alert" className="error">
          {outcome === 'failed' && t('cockpit.delete.failed')}
          {outcome === 'forbidden' && t('cockpit.delete.forbidden')}
        </p>
      </CockpitDialog>
    </>
  );
}
