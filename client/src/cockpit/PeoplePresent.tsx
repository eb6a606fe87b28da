import { useId, useRef, useState } from 'react';
import type { Role } from '@samskapa/shared';
import { useLocaleStore, useT } from '../i18n/i18n';
import type { DocConnection } from '../sync/docConnection';
import { usePeoplePresent, usePublishUser } from './presentPeople';

/**
 * Says who this person is to the others in the room (every role: a viewer says it is one, so it is
 * never counted), and shows the facilitator how many participants are here and who.
 */
export function PeoplePresent({
  connection,
  person,
  role,
}: {
  connection: DocConnection;
  person: { id: string; name: string; color: string };
  role: Role;
}) {
  const awareness = connection.provider.awareness;
  usePublishUser(awareness, { ...person, role });
  if (role !== 'facilitator') return null;
  return <WhoIsHere connection={connection} />;
}

/** "12 deltagare": a button that opens the list of their names. */
function WhoIsHere({ connection }: { connection: DocConnection }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const people = usePeoplePresent(connection.provider.awareness, locale);
  const panelId = useId();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const count = people.participants.length;
  const others = people.facilitators - 1;
  return (
    <div
      className="people-present"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        // One Escape closes one thing: the list, not the phone's "Meny" around it as well.
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="people-open"
        data-count={count}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {count === 1
          ? t('cockpit.people.count.one')
          : t('cockpit.people.count.other', { count: String(count) })}
      </button>
      <div id={panelId} className="people-present-panel" hidden={!open} data-testid="people-panel">
        {open && (
          <>
            <h2 id={headingId} className="people-present-heading">
              {t('cockpit.people.heading')}
            </h2>
            {count === 0 ? (
              <p>{t('cockpit.people.none')}</p>
            ) : (
              <ul aria-labelledby={headingId} className="people-present-list" data-testid="people-list">
                {people.participants.map((p) => (
                  <li key={p.id}>{p.name || t('cockpit.people.unnamed')}</li>
                ))}
              </ul>
            )}
            {others > 0 && (
              <p className="hint">
                {others === 1
                  ? t('cockpit.people.facilitators.one')
                  : t('cockpit.people.facilitators.other', { count: String(others) })}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
