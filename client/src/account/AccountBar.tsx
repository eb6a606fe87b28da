import { SIGN_IN_PATH, SIGN_IN_RESULT_PARAM } from '@samskapa/shared';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { signOut } from './accountApi';
import type { AccountState } from './accountApi';

/** The start page's link to sign in, or who is signed in and the button to sign out. */
export function AccountBar({ account }: { account: AccountState }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // The server sends the browser back here with `?signIn=failed|expired` when signing in did not work.
  const [result] = useState(() => new URLSearchParams(window.location.search).get(SIGN_IN_RESULT_PARAM));
  if (!account.signInEnabled) return null;

  const onSignOut = async () => {
    setBusy(true);
    setFailed(false);
    try {
      // The provider's sign-out page (RP-initiated logout), or the start page.
      window.location.assign(await signOut());
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <section className="account-bar" aria-label={t('account.bar')} data-testid="account-bar">
      {account.user ? (
        <>
          <p data-testid="signed-in-as">{t('account.signedInAs', { name: account.user.name })}</p>
          <button type="button" onClick={() => void onSignOut()} disabled={busy}>
            {busy ? t('account.signingOut') : t('account.signOut')}
          </button>
          {failed && (
            <p role="alert" className="error">
              {t('account.signOutFailed')}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="hint">{t('account.signInHint')}</p>
          <a className="button primary" href={SIGN_IN_PATH} data-testid="sign-in">
            {t('account.signIn')}
          </a>
          {result && (
            <p role="alert" className="error" data-testid="sign-in-failed">
              {t(result === 'expired' ? 'account.signInExpired' : 'account.signInFailed')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
