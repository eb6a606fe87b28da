import { SIGNED_IN_TOKEN, type AccountWorkshop } from '@samskapa/shared';
import { useEffect, useState, type MouseEvent } from 'react';
import { navigate } from '../common/router';
import { useLocaleStore, useT } from '../i18n/i18n';
import { chooseAccess } from '../session/identity';
import { loadAccountWorkshops } from './accountApi';

/**
 * "Mina workshoppar" of a signed-in facilitator: from the server, so the same on every device, with
 * each workshop's date, participants' notes and deletion date. Asked again when `refresh` changes (a
 * workshop was just created).
 */
export function AccountWorkshops({ refresh }: { refresh?: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [workshops, setWorkshops] = useState<AccountWorkshop[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadAccountWorkshops()
      .then(setWorkshops)
      .catch(() => setFailed(true));
  }, [refresh]);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  return (
    <section
      aria-labelledby="account-workshops-heading"
      className="card my-workshops"
      data-testid="account-workshops"
    >
      <h2 id="account-workshops-heading">{t('account.workshops.heading')}</h2>
      <p className="hint">{t('account.workshops.intro')}</p>
      {failed && (
        <p role="alert" className="error">
          {t('account.workshops.failed')}
        </p>
      )}
      {!failed && workshops === null && <p role="status">{t('account.workshops.loading')}</p>}
      {workshops?.length === 0 && <p>{t('account.workshops.empty')}</p>}
      {workshops && workshops.length > 0 && (
        <ul className="my-workshops-list">
          {workshops.map((workshop) => (
            <li key={workshop.id} data-testid="account-workshop">
              <div className="my-workshop-title">
                <a href={`/w/${workshop.id}`} onClick={(event) => open(event, workshop.id)}>
                  {workshop.title}
                </a>
                <span className="hint">
                  {t('account.workshops.created', { date: dateFormat.format(new Date(workshop.createdAt)) })}
                  {' · '}
                  <span data-testid="account-workshop-notes">
                    {workshop.notes === 1
                      ? t('account.workshops.notes.one')
                      : t('account.workshops.notes.other', { count: workshop.notes })}
                  </span>
                  {' · '}
                  {t('account.workshops.deletedOn', {
                    date: dateFormat.format(new Date(workshop.retainUntil)),
                  })}
                </span>
                {workshop.role === 'coFacilitator' && (
                  <span className="my-workshop-badge">{t('account.workshops.coFacilitator')}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Opens the board as facilitator by being signed in (the cookie decides), in this tab or a new one. */
function open(event: MouseEvent<HTMLAnchorElement>, workshopId: string): void {
  chooseAccess(workshopId, { role: 'facilitator', token: SIGNED_IN_TOKEN }, { verified: true });
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(`/w/${workshopId}`);
}
