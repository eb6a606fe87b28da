import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { mayMountCanvas } from '../board/licence';
import { useT } from '../i18n/i18n';
import { useDocumentTitle } from '../common/documentTitle';
import { useFocusOnArrival } from '../common/focusOnArrival';
import {
  isKnownDeleted,
  loadIdentity,
  saveName,
  takeAccessFromLocation,
  type Identity,
} from '../session/identity';
import { PageLayout } from './Layout';
import { NameForm } from './NameForm';
import { hasBoardCopy } from '../participate/boardCopy';
import { QuickPhonePage } from '../participate/QuickPhone';
import { expectedView, landsOnPhone } from './viewChoice';
import { WorkshopGonePage } from './WorkshopGonePage';

// The board page and everything it needs (Yjs, the sync, the views) is code of its own: a participant's
// phone shows its note form from the first, small script while this loads.
// It starts to load as soon as the link is opened, during the name step; once it is here, the page goes
// straight to it and the first form is never shown for a moment only to be replaced.
let workshopPageLoaded = false;
const loadWorkshopPage = () =>
  import('./WorkshopPage').then((m) => {
    workshopPageLoaded = true;
    return { default: m.WorkshopPage };
  });
const WorkshopPage = lazy(loadWorkshopPage);

/**
 * `/w/<id>`: takes the capability from the link, asks for a name once, then shows the board. A viewer
 * (the projector) is asked nothing: it is nobody the others need to know by name.
 */
export function BoardPage({ workshopId }: { workshopId: string }) {
  const t = useT();
  // Read (and remove from the address bar) the secret on the very first render.
  const [access] = useState(() => takeAccessFromLocation(workshopId));
  const [identity, setIdentity] = useState<Identity>(loadIdentity);

  // The canvas's code (tldraw, the largest part of the app) starts to download now: during the name step
  // and beside the board page's own code, not after them. Where the canvas needs a licence key, the board
  // page asks once it knows the key.
  const role = access?.role;
  useEffect(() => {
    if (role) void loadWorkshopPage();
  }, [role]);
  useEffect(() => {
    if (role && expectedView(workshopId, role, mayMountCanvas(window.location, null)) === 'canvas') {
      void import('../board/CanvasView');
    }
  }, [workshopId, role]);

  if (!access && isKnownDeleted(workshopId)) return <WorkshopGonePage />;
  if (!access) {
    return (
      <JoinStep>
        <p role="alert" className="error">
          {t('join.noAccess')}
        </p>
        <a href="/">{t('common.backToStart')}</a>
      </JoinStep>
    );
  }
  if (!identity.name && access.role !== 'viewer') {
    return (
      <JoinStep>
        <NameForm initialName="" onSubmit={(name) => setIdentity(saveName(name))} />
      </JoinStep>
    );
  }
  // A viewer without a name is shown as what it is; nothing is saved, so a later join still asks.
  const shown = identity.name ? identity : { ...identity, name: t('cockpit.viewerName') };
  const waiting =
    access.role === 'participant' &&
    !workshopPageLoaded &&
    landsOnPhone(workshopId, access.role) &&
    !hasBoardCopy(workshopId) ? (
      <QuickPhonePage workshopId={workshopId} token={access.token} />
    ) : (
      <p role="status" className="board-loading">
        {t('board.loading')}
      </p>
    );
  return (
    <Suspense fallback={waiting}>
      <WorkshopPage workshopId={workshopId} access={access} identity={shown} onRename={setIdentity} />
    </Suspense>
  );
}

/** The page before the board: its own title, and the heading takes the focus the last page dropped. */
function JoinStep({ children }: { children: ReactNode }) {
  const t = useT();
  useDocumentTitle(t('join.heading'));
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <PageLayout>
      <h1 ref={heading} tabIndex={-1}>
        {t('join.heading')}
      </h1>
      {children}
    </PageLayout>
  );
}
