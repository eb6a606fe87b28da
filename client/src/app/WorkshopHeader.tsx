import type { Ref } from 'react';
import type { Role } from '@samskapa/shared';
import { DeleteWorkshop } from '../cockpit/DeleteWorkshop';
import { PeoplePresent } from '../cockpit/PeoplePresent';
import { SharePanel } from '../cockpit/SharePanel';
import { useT } from '../i18n/i18n';
import type { Access, Identity } from '../session/identity';
import type { DocConnection } from '../sync/docConnection';
import { ConnectionBadge } from './ConnectionBadge';
import { FacilitatorLink } from './FacilitatorLink';
import { HeaderMenu } from './HeaderMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { SaveAsTemplate } from './SaveAsTemplate';
import type { ViewKind } from './viewChoice';
import { ViewSwitch } from './ViewSwitch';
import { YourName } from './YourName';
import type { MessageKey } from '../i18n/i18n';

/** The workshop page's header: title, role, connection, and the cockpit's controls. */
export function WorkshopHeader({
  workshopId,
  access,
  identity,
  title,
  heading,
  connection,
  person,
  view,
  views,
  narrow,
  onChooseView,
  onRename,
  notify,
}: {
  workshopId: string;
  access: Access;
  identity: Identity;
  title: string;
  heading: Ref<HTMLHeadingElement>;
  connection: DocConnection | null;
  person: { id: string; name: string; color: string };
  view: ViewKind;
  views: ViewKind[];
  narrow: boolean;
  onChooseView: (view: ViewKind) => void;
  onRename: (identity: Identity) => void;
  notify: (key: MessageKey) => void;
}) {
  const t = useT();
  return (
    <header className="board-header">
      <h1 className="board-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <span className="role-badge" data-testid="role">
        {t(`board.role.${access.role}` satisfies `board.role.${Role}`)}
      </span>
      {connection && <ConnectionBadge connection={connection} />}
      <span className="spacer" />
      <HeaderMenu
        view={view}
        narrow={narrow}
        primary={
          <>
            <SharePanel workshopId={workshopId} access={access} />
            {connection && <PeoplePresent connection={connection} person={person} role={access.role} />}
            {views.length > 1 && <ViewSwitch views={views} current={view} onChoose={onChooseView} />}
            <LanguageSwitch />
          </>
        }
        more={
          access.role === 'viewer' ? null : (
            <>
              <FacilitatorLink workshopId={workshopId} access={access} />
              {access.role === 'facilitator' && connection && (
                <SaveAsTemplate connection={connection} title={title} onSaved={notify} />
              )}
              <YourName identity={identity} onRename={onRename} />
              {connection && <DeleteWorkshop {...{ workshopId, access, connection }} title={title} />}
            </>
          )
        }
      />
    </header>
  );
}
