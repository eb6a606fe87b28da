import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { ApiError, loadWorkshopSummary } from '../session/api';
import { chooseAccess, forgetDeletedWorkshop, isKnownDeleted } from '../session/identity';
import { navigate } from '../common/router';
import { useLocaleStore, useT } from '../i18n/i18n';
import { forgetMyWorkshop, useMyWorkshops, type MyWorkshop } from './myWorkshops';

/** What the server said about a listed workshop: still there, deleted, or the secret no longer works. */
type Standing = 'present' | 'deleted' | 'noAccess';

/**
 * "Mina workshoppar" on the start page: every workshop this browser created or opened as facilitator,
 * to open again or to remove from the list; one the server no longer has is shown as deleted. Beside a
 * signed-in facilitator's list from the server, it is headed as what this browser alone remembers.
 */
export function MyWorkshops({ heading: which = 'mine' }: { heading?: 'mine' | 'browser' }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const workshops = useMyWorkshops();
  const standings = useStandings(workshops);
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const forget = (workshop: MyWorkshop, deleted: boolean) => {
    forgetMyWorkshop(workshop.id);
    setStatus(
      t(deleted ? 'cockpit.mine.forgottenDeleted' : 'cockpit.mine.forgotten', { title: workshop.title }),
    );
    // The button that had the focus is gone with its row: the list's heading keeps the person's place.
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="my-workshops-heading" className="card my-workshops" data-testid="my-workshops">
      <h2 id="my-workshops-heading" ref={heading} tabIndex={-1}>
        {t(which === 'browser' ? 'account.browserList.heading' : 'cockpit.mine.heading')}
      </h2>
      <p className="hint">{t('cockpit.mine.intro')}</p>
      {workshops.length === 0 ? (
        <p>{t('cockpit.mine.empty')}</p>
      ) : (
        <ul className="my-workshops-list">
          {workshops.map((workshop) => {
            const standing = standings[workshop.id] ?? 'present';
            const gone = standing === 'deleted' || isKnownDeleted(workshop.id);
            return (
              <li key={workshop.id} data-testid="my-workshop" data-state={gone ? 'deleted' : standing}>
                <div className="my-workshop-title">
                  {gone || standing === 'noAccess' ? (
                    <span>{workshop.title}</span>
                  ) : (
                    <a href={`/w/${workshop.id}`} onClick={(event) => open(event, workshop)}>
                      {workshop.title}
                    </a>
                  )}
                  <span className="hint">
                    {t('cockpit.mine.added', { date: dateFormat.format(new Date(workshop.createdAt)) })}
                  </span>
                  {gone && <span className="my-workshop-badge">{t('cockpit.mine.deleted')}</span>}
                  {!gone && standing === 'noAccess' && (
                    <span className="my-workshop-badge">{t('cockpit.mine.noAccess')}</span>
                  )}
                </div>
                <button
                  type="button"
                  aria-label={t('cockpit.mine.forgetLabel', { title: workshop.title })}
                  onClick={() => forget(workshop, gone)}
                >
                  {t('cockpit.mine.forget')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </section>
  );
}

/**
 * Opens the board as facilitator in this tab (another capability chosen earlier in the tab must not
 * win); a link opened in a new tab uses the capability the browser remembers.
 */
function open(event: MouseEvent<HTMLAnchorElement>, workshop: MyWorkshop): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  chooseAccess(workshop.id, { role: 'facilitator', token: workshop.token }, { verified: true });
  navigate(`/w/${workshop.id}`);
}

/** Asks the server once per listed workshop whether it still exists and the secret still works. */
function useStandings(workshops: MyWorkshop[]): Record<string, Standing> {
  const [standings, setStandings] = useState<Record<string, Standing>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const workshop of workshops) {
      if (asked.current.has(workshop.id) || isKnownDeleted(workshop.id)) continue;
      asked.current.add(workshop.id);
      loadWorkshopSummary(workshop.id, workshop.token)
        .then(() => setStandings((s) => ({ ...s, [workshop.id]: 'present' })))
        .catch((error: unknown) => {
          if (!(error instanceof ApiError)) return; // offline: say nothing rather than something wrong
          if (error.status === 404) {
            // As when a board learns it: the capability for a deleted workshop is not kept.
            forgetDeletedWorkshop(workshop.id);
            setStandings((s) => ({ ...s, [workshop.id]: 'deleted' }));
          } else if (error.status === 401) {
            setStandings((s) => ({ ...s, [workshop.id]: 'noAccess' }));
          }
        });
    }
  }, [workshops]);
  return standings;
}
