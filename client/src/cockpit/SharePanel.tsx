import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { CopyField } from '../common/CopyField';
import { capabilityLink, type Access } from '../session/identity';
import { CoFacilitators } from '../account/CoFacilitators';
import { CockpitDialog } from './CockpitDialog';
import { useWorkshopSummary } from './useWorkshopSummary';

// The QR encoder is fetched when the panel first opens, not with the board.
const QrCode = lazy(() => import('../common/QrCode'));

/**
 * "Dela": the join code in large type, the QR code and the participant link, for the facilitator and
 * for the projector (viewers). Participants have no such button.
 */
export function SharePanel({ workshopId, access }: { workshopId: string; access: Access }) {
  if (access.role === 'participant') return null;
  return <ShareButton workshopId={workshopId} access={access} />;
}

function ShareButton({ workshopId, access }: { workshopId: string; access: Access }) {
  const t = useT();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const summary = useWorkshopSummary(workshopId, access);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        data-testid="share-open"
        onClick={() => setOpen(true)}
      >
        {t('cockpit.share.open')}
      </button>
      <CockpitDialog
        open={open}
        onClose={() => setOpen(false)}
        labelledBy={headingId}
        returnFocus={button}
        className="share-panel"
        testId="share-panel"
      >
        <div className="cockpit-dialog-header">
          <h2 id={headingId}>{t('cockpit.share.heading')}</h2>
          <button type="button" onClick={() => setOpen(false)}>
            {t('cockpit.close')}
          </button>
        </div>
        {summary.status === 'loading' && <p role="status">{t('cockpit.share.loading')}</p>}
        {summary.status === 'failed' && (
          <div role="alert">
            <p className="error">{t('cockpit.share.failed')}</p>
            <button type="button" onClick={summary.retry}>
              {t('common.tryAgain')}
            </button>
          </div>
        )}
        {summary.status === 'loaded' && summary.summary.participantToken && (
          <ShareContent
            workshopId={workshopId}
            joinCode={summary.summary.joinCode}
            participantToken={summary.summary.participantToken}
          />
        )}
        <CoFacilitators workshopId={workshopId} access={access} />
      </CockpitDialog>
    </>
  );
}

function ShareContent({
  workshopId,
  joinCode,
  participantToken,
}: {
  workshopId: string;
  joinCode: string;
  participantToken: string;
}) {
  const t = useT();
  const participantUrl = capabilityLink(window.location.origin, workshopId, {
    role: 'participant',
    token: participantToken,
  });
  return (
    <div className="share-content">
      <p className="share-intro">{t('cockpit.share.intro')}</p>
      <div className="share-code-and-qr">
        <div>
          <p className="join-code-label">{t('cockpit.share.joinCode', { site: window.location.host })}</p>
          <p className="join-code share-join-code" data-testid="share-join-code">
            {joinCode}
          </p>
        </div>
        <Suspense fallback={<p className="hint">{t('common.loading')}</p>}>
          <QrCode text={participantUrl} label={t('cockpit.share.qr')} size={240} />
        </Suspense>
      </div>
      <CopyField label={t('cockpit.share.link')} value={participantUrl} testId="share-participant-link" />
    </div>
  );
}
