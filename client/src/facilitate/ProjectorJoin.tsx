import { lazy, Suspense } from 'react';
import { capabilityLink, type Access } from '../session/identity';
import { useWorkshopSummary } from '../cockpit/useWorkshopSummary';
import { useT } from '../i18n/i18n';

const QrCode = lazy(() => import('../common/QrCode'));

/** On the projector, always in view: how to join (the code in large type and the QR code). */
export function ProjectorJoin({ workshopId, access }: { workshopId: string; access: Access }) {
  const t = useT();
  const summary = useWorkshopSummary(workshopId, access);
  if (summary.status !== 'loaded' || !summary.summary.participantToken) return null;
  const url = capabilityLink(window.location.origin, workshopId, {
    role: 'participant',
    token: summary.summary.participantToken,
  });
  return (
    <section className="projector-join" aria-labelledby="projector-join-heading" data-testid="projector-join">
      <div>
        <h2 id="projector-join-heading">{t('projector.join', { site: window.location.host })}</h2>
        <p className="projector-code" data-testid="projector-code">
          {summary.summary.joinCode}
        </p>
      </div>
      <Suspense fallback={null}>
        <QrCode text={url} label={t('cockpit.share.qr')} size={120} />
      </Suspense>
    </section>
  );
}
