import { INVITATION_FRAGMENT_KEY, SIGN_IN_PATH, SIGNED_IN_TOKEN } from '@samskapa/shared';
import { useEffect, useState } from 'react';
import { navigate } from '../common/router';
import { useT } from '../i18n/i18n';
import { chooseAccess } from '../session/identity';
import { acceptInvitation, type AccountState } from './accountApi';

// Kept in this tab while the person signs in: the secret never goes into a URL the server sees.
const PENDING_KEY = 'samskapa.pendingInvitation';

/** The invitation secret of `/#invite=…`, moved out of the address bar into this tab's storage. */
function takeInvitationFromUrl(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get(INVITATION_FRAGMENT_KEY);
  if (token) {
    sessionStorage.setItem(PENDING_KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(PENDING_KEY);
}

type Outcome =
  { kind: 'accepting' } | { kind: 'accepted'; workshopId: string; title: string } | { kind: 'failed' };

/** A co-facilitator invitation link opened here: asks to sign in, then takes it up. */
export function PendingInvitation({ account }: { account: AccountState }) {
  const t = useT();
  const [token] = useState(takeInvitationFromUrl);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const signedIn = account.user !== null;
  useEffect(() => {
    if (!token || !signedIn) return;
    sessionStorage.removeItem(PENDING_KEY);
    acceptInvitation(token)
      .then(({ workshopId, title }) => setOutcome({ kind: 'accepted', workshopId, title }))
      .catch(() => setOutcome({ kind: 'failed' }));
  }, [token, signedIn]);
  if (!token || !account.signInEnabled) return null;
  if (!signedIn) {
    return (
      <p className="card" data-testid="invitation-sign-in">
        {t('account.invitation.signIn')} <a href={SIGN_IN_PATH}>{t('account.signIn')}</a>
      </p>
    );
  }
  return (
    <div className="card" data-testid="invitation">
      {outcome === null && <p role="status">{t('account.invitation.accepting')}</p>}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="error">
          {t('account.invitation.failed')}
        </p>
      )}
      {outcome?.kind === 'accepted' && (
        <>
          <p role="status">{t('account.invitation.accepted', { title: outcome.title })}</p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              chooseAccess(
                outcome.workshopId,
                { role: 'facilitator', token: SIGNED_IN_TOKEN },
                { verified: true },
              );
              navigate(`/w/${outcome.workshopId}`);
            }}
          >
            {t('account.invitation.open', { title: outcome.title })}
          </button>
        </>
      )}
    </div>
  );
}
