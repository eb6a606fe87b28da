import type { InvitationLinkResponse, MemberList } from '@samskapa/shared';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CopyField } from '../common/CopyField';
import { useLocaleStore, useT } from '../i18n/i18n';
import type { Access } from '../session/identity';
import {
  claimOwnership,
  createInvitationLink,
  inviteByEmail,
  loadMembers,
  removeFromWorkshop,
} from './accountApi';
import { useAccount } from './useAccount';

/**
 * "Medfacilitatorer" in the share panel of a signed-in facilitator: the owner and co-facilitators, and
 * for the owner the forms to invite by e-mail or with a one-time link, and to remove (for a workshop
 * created without signing in, the button to become its owner). Nothing shows
 * where sign-in is off or the facilitator is not signed in.
 */
export function CoFacilitators({ workshopId, access }: { workshopId: string; access: Access }) {
  const account = useAccount();
  if (access.role !== 'facilitator' || !account?.user) return null;
  return <MemberPanel workshopId={workshopId} token={access.token} />;
}

function MemberPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const headingId = useId();
  const emailId = useId();
  const [list, setList] = useState<MemberList | null>(null);
  const [email, setEmail] = useState('');
  const [emailInvalid, setEmailInvalid] = useState(false);
  const [link, setLink] = useState<InvitationLinkResponse | null>(null);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  const reload = useCallback(() => {
    loadMembers(workshopId, token)
      .then(setList)
      .catch(() => setList(null));
  }, [workshopId, token]);
  useEffect(reload, [reload]);

  /** Runs a change; on failure says so; the list is read again either way. */
  const act = async (change: () => Promise<string>) => {
    setFailed(false);
    try {
      setStatus(await change());
    } catch {
      setFailed(true);
    }
    reload();
  };

  if (!list) return null;
  const onInvite = (event: FormEvent) => {
    event.preventDefault();
    const typed = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(typed)) {
      setEmailInvalid(true);
      return;
    }
    void act(async () => {
      await inviteByEmail(workshopId, token, typed);
      setEmail('');
      return t('account.members.invited', { email: typed });
    });
  };

  return (
    <section aria-labelledby={headingId} className="co-facilitators" data-testid="co-facilitators">
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('account.members.heading')}
      </h3>
      <p className="hint">{t('account.members.intro')}</p>
      {list.members.length === 0 && (
        <>
          <p>{t('account.members.noOwner')}</p>
          <button
            type="button"
            data-testid="claim-ownership"
            onClick={() => {
              void act(async () => {
                await claimOwnership(workshopId, token);
                heading.current?.focus();
                return t('account.members.claimed');
              });
            }}
          >
            {t('account.members.claim')}
          </button>
        </>
      )}
      <ul className="my-workshops-list">
        {list.members.map((member) => (
          <li key={member.userId} data-testid="member">
            <div className="my-workshop-title">
              <span>{member.name}</span>
              <span className="hint">
                {member.email} ·{' '}
                {member.role === 'owner' ? t('account.members.owner') : t('account.members.coFacilitator')}
              </span>
            </div>
            {list.youOwn && member.role === 'coFacilitator' && (
              <button
                type="button"
                aria-label={t('account.members.removeLabel', { name: member.name })}
                onClick={() => {
                  void act(async () => {
                    await removeFromWorkshop(workshopId, token, { userId: member.userId });
                    heading.current?.focus();
                    return t('account.members.removed', { name: member.name });
                  });
                }}
              >
                {t('account.members.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {list.youOwn && list.invitations.length > 0 && (
        <>
          <h4>{t('account.members.pending')}</h4>
          <ul className="my-workshops-list">
            {list.invitations.map((invitation) => {
              const what = invitation.email ?? t('account.members.pendingLink');
              return (
                <li key={invitation.id} data-testid="invitation-pending">
                  <span>{what}</span>
                  <button
                    type="button"
                    aria-label={t('account.members.withdrawLabel', { what })}
                    onClick={() => {
                      void act(async () => {
                        await removeFromWorkshop(workshopId, token, { invitationId: invitation.id });
                        heading.current?.focus();
                        return t('account.members.withdrawn');
                      });
                    }}
                  >
                    {t('account.members.withdraw')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {list.youOwn && (
        <>
          <form onSubmit={onInvite} noValidate>
            <label htmlFor={emailId}>{t('account.members.emailLabel')}</label>
            <input
              id={emailId}
              type="email"
              autoComplete="off"
              aria-describedby={`${emailId}-hint`}
              aria-invalid={emailInvalid}
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setEmailInvalid(false);
              }}
            />
            <p id={`${emailId}-hint`} className="hint">
              {t('account.members.emailHint')}
            </p>
            {emailInvalid && (
              <p role="alert" className="error">
                {t('account.members.invalidEmail')}
              </p>
            )}
            <button type="submit">{t('account.members.invite')}</button>
          </form>
          <button
            type="button"
            data-testid="create-invitation-link"
            onClick={() => {
              void act(async () => {
                setLink(await createInvitationLink(workshopId, token));
                return '';
              });
            }}
          >
            {t('account.members.createLink')}
          </button>
          {link && (
            <CopyField
              label={t('account.members.link', { date: dateFormat.format(new Date(link.expiresAt)) })}
              value={link.url}
              testId="invitation-link"
            />
          )}
        </>
      )}
      {failed && (
        <p role="alert" className="error">
          {t('account.members.failed')}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </section>
  );
}
