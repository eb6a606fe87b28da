import '../i18n/laterMessages';
import { useEffect, useState } from 'react';
import { normalizeJoinCode } from '@samskapa/shared';
import { useT, type MessageKey } from '../i18n/i18n';
import { ApiError, lookUpJoinCode } from '../session/api';
import { useDocumentTitle } from '../common/documentTitle';
import { chooseAccess } from '../session/identity';
import { PageLayout } from './Layout';
import { navigate } from '../common/router';

/** `/j/<code>`: looks the code up, keeps the participant capability and goes on to the board. */
export function JoinCodePage({ code }: { code: string }) {
  const t = useT();
  const normalized = normalizeJoinCode(code);
  const [error, setError] = useState<MessageKey | null>(null);
  useDocumentTitle(t('join.heading'));

  useEffect(() => {
    let cancelled = false;
    lookUpJoinCode(normalized)
      .then(({ workshopId, participantToken }) => {
        if (cancelled) return;
        // Typing the code is a choice for this tab, like opening a link; the server just vouched for it.
        chooseAccess(workshopId, { role: 'participant', token: participantToken }, { verified: true });
        navigate(`/w/${workshopId}`, { replace: true });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setError('join.codeNotFound');
        else if (e instanceof ApiError && e.status === 429) setError('join.rateLimited');
        else setError('join.failed');
      });
    return () => {
      cancelled = true;
    };
  }, [normalized]);

  return (
    <PageLayout>
      <h1>{t('join.heading')}</h1>
      {error ? (
        <>
          <p role="alert" className="error">
            {t(error, { code: normalized })}
          </p>
          <a href="/">{t('common.backToStart')}</a>
        </>
      ) : (
        <p role="status">{t('join.lookingUp')}</p>
      )}
    </PageLayout>
  );
}
