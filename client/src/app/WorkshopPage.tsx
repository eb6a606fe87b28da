import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  BOARD_PAGE_ID,
  storedRecord,
  type ClientConfig,
  type ControlState,
  type Role,
} from '@samskapa/shared';
import { mayMountCanvas } from '../board/licence';
import { DeleteWorkshop } from '../cockpit/DeleteWorkshop';
import { PeoplePresent } from '../cockpit/PeoplePresent';
import { SharePanel } from '../cockpit/SharePanel';
import { isMessageKey, useT, type MessageKey } from '../i18n/i18n';
import { DocConnection } from '../sync/docConnection';
import { watchServerClock } from '../sync/serverClock';
import { Facilitation } from '../facilitate/Facilitation';
import { useControlConnection, useControlState } from '../facilitate/useControl';
import { useResyncOnUnlock } from '../facilitate/useResyncOnUnlock';
import { useParticipantCredential } from '../facilitate/credential';
import { usePublishParticipant } from '../facilitate/participants';
import { usePublishDrafts } from '../facilitate/usePublishDrafts';
import { useVotingState, VotingProvider } from '../facilitate/voting';
import { loadClientConfig, loadWorkshopSummary } from './api';
import { useDocumentTitle } from './documentTitle';
import { FacilitatorLink } from './FacilitatorLink';
import { useFocusOnArrival } from './focusOnArrival';
import { colourFor, saveName, type Access, type Identity } from './identity';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLayout } from './Layout';
import { SaveAsTemplate } from './SaveAsTemplate';
import { useAccessVerdict } from './useAccessVerdict';
import { availableViews, defaultView, useNarrowScreen, useViewChoice, type ViewKind } from './viewChoice';
import type { ViewProps } from './viewProps';
import { WorkshopGonePage } from './WorkshopGonePage';

// tldraw is loaded only when the canvas is shown: the list board and the phone view never download it.
const CanvasView = lazy(() => import('../board/CanvasView'));
const ListBoard = lazy(() => import('../outline/ListBoard'));
const loadPhoneView = () => import('../participate/PhoneView');
const PhoneView = lazy(loadPhoneView);

const noSubscription = () => () => {};

/** A message for a live region; `at` tells a repeat of the same message apart, so it is read again. */
type Announcement = { key: MessageKey; at: number };

type ConfigState = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; config: ClientConfig };

/** The workshop once the person has access and a name: the header, then one of the board's views. */
export function WorkshopPage({
  workshopId,
  access,
  identity,
  onRename,
}: {
  workshopId: string;
  access: Access;
  identity: Identity;
  onRename: (identity: Identity) => void;
}) {
  const t = useT();
  const [config, setConfig] = useState<ConfigState>({ status: 'loading' });
  // Set once the board can be shown (synced, cached or timed out); destroyed when the page goes.
  const [connection, setConnection] = useState<DocConnection | null>(null);
  const [notice, setNotice] = useState<Announcement | null>(null);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [workshopTitle, setWorkshopTitle] = useState<string | null>(null);
  // The board was written by a newer Samskapa (the server was upgraded while this page was open).
  const [outdated, setOutdated] = useState(false);
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  useDocumentTitle(workshopTitle ?? t('board.heading'));

  useEffect(() => {
    let cancelled = false;
    loadClientConfig()
      .then((loaded) => !cancelled && setConfig({ status: 'loaded', config: loaded }))
      .catch(() => !cancelled && setConfig({ status: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    // The title only names the page; without it the board works the same, so a failure is not shown.
    loadWorkshopSummary(workshopId, access.token)
      .then((summary) => !cancelled && setWorkshopTitle(summary.title))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [workshopId, access.token]);

  const canvasAllowed =
    config.status === 'loaded' && mayMountCanvas(window.location, config.config.tldrawLicenseKey);

  const narrow = useNarrowScreen();
  const [chosenView, chooseView] = useViewChoice(workshopId);
  // The first view follows the screen the person arrived with: turning a phone sideways must not swap
  // the note being written for the canvas.
  const [narrowOnArrival] = useState(narrow);
  const views = availableViews(access.role, canvasAllowed);
  const view: ViewKind =
    chosenView && views.includes(chosenView)
      ? chosenView
      : defaultView(access.role, canvasAllowed, narrowOnArrival);

  // The phone view's code is fetched while the board connects, not after: a round trip less on venue Wi-Fi.
  useEffect(() => {
    if (view === 'phone') void loadPhoneView();
  }, [view]);

  useEffect(() => {
    const next = new DocConnection(workshopId, 'board', access.role, access.token);
    let cancelled = false;
    void next.whenReady().then(() => !cancelled && setConnection(next));
    return () => {
      cancelled = true;
      setConnection(null);
      next.destroy();
    };
  }, [workshopId, access.role, access.token]);

  const notify = useCallback((key: MessageKey) => setNotice({ key, at: Date.now() }), []);
  const controlConnection = useControlConnection(workshopId, access);
  const control = useControlState(controlConnection);
  useEffect(() => watchServerClock(), []);
  useResyncOnUnlock(connection, control, access.role);
  const credential = useParticipantCredential(workshopId, access.role, access.token);
  const voting = useVotingState(workshopId, access.role, credential?.secret ?? null, control, notify);
  const draftCount = usePublishDrafts(workshopId, connection, control, identity);
  usePublishParticipant(
    connection?.provider.awareness ?? null,
    credential?.participantId ?? null,
    draftCount,
  );

  const deleted = useAccessVerdict(workshopId, access, connection);
  // Whether the views may write follows the connection (refused, synced): re-render when it changes.
  useSyncExternalStore(connection?.subscribe ?? noSubscription, () => connection?.getState() ?? null);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const announce = useCallback((key: MessageKey) => setAnnouncement({ key, at: Date.now() }), []);
  const onOutdated = useCallback(() => setOutdated(true), []);

  if (deleted) return <WorkshopGonePage />;
  if (config.status === 'failed') {
    return (
      <PageLayout>
        <p role="alert" className="error">
          {t('licence.loadFailed')}
        </p>
      </PageLayout>
    );
  }

  const person = { id: identity.id, name: identity.name, color: colourFor(identity.id) };
  const viewProps: ViewProps | null =
    connection && config.status === 'loaded'
      ? {
          workshopId,
          access,
          connection,
          person,
          licenseKey: config.config.tldrawLicenseKey ?? undefined,
          mayWrite: mayWrite(access, connection, outdated, control),
          control,
          groupAreaCode: groupAreaCode(control, credential?.participantId ?? null),
          outdated,
          announce,
          notify,
          onOutdated,
        }
      : null;
  const loading = (
    <p role="status" className="board-loading">
      {t('board.loading')}
    </p>
  );
  return (
    <div className="board-page">
      <header className="board-header">
        <h1 className="board-title" ref={heading} tabIndex={-1}>
          {workshopTitle ?? t('board.heading')}
        </h1>
        <span className="role-badge" data-testid="role">
          {t(`board.role.${access.role}` satisfies `board.role.${Role}`)}
        </span>
        {connection && <ConnectionBadge connection={connection} />}
        <span className="spacer" />
        <HeaderMenu view={view} narrow={narrow}>
          <SharePanel workshopId={workshopId} access={access} />
          {connection && <PeoplePresent connection={connection} person={person} role={access.role} />}
          {views.length > 1 && <ViewSwitch views={views} current={view} onChoose={chooseView} />}
          <FacilitatorLink workshopId={workshopId} access={access} />
          {access.role === 'facilitator' && connection && (
            <SaveAsTemplate
              connection={connection}
              title={workshopTitle ?? t('board.heading')}
              onSaved={notify}
            />
          )}
          {access.role !== 'viewer' && <YourName identity={identity} onRename={onRename} />}
          <LanguageSwitch />
          {connection && (
            <DeleteWorkshop
              {...{ workshopId, access, connection }}
              title={workshopTitle ?? t('board.heading')}
            />
          )}
        </HeaderMenu>
      </header>
      {outdated && (
        <div className="outdated" role="alert" data-testid="outdated">
          <p>{t('board.outdated')}</p>
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t('board.reload')}
          </button>
        </div>
      )}
      {/* Live regions stay in the page and only their text changes, so screen readers read each message. */}
      <p className="notice" role="status" data-testid="notice">
        {notice && <span key={notice.at}>{t(notice.key)}</span>}
      </p>
      <p className="visually-hidden" role="status" data-testid="announcement">
        {announcement && <span key={announcement.at}>{t(announcement.key)}</span>}
      </p>
      {connection && controlConnection && control && (
        <VotingProvider value={voting}>
          <Facilitation
            workshopId={workshopId}
            access={access}
            board={connection}
            controlConnection={controlConnection}
            control={control}
            presenceId={person.id}
            credential={credential}
            announce={announce}
            notify={notify}
          />
        </VotingProvider>
      )}
      <main className={`board-main board-main-${view}`} aria-label={t(`view.${view}.label`)} data-view={view}>
        {viewProps ? (
          <VotingProvider value={voting}>
            <Suspense fallback={loading}>
              {view === 'canvas' && <CanvasView {...viewProps} />}
              {view === 'list' && <ListBoard {...viewProps} />}
              {view === 'phone' && <PhoneView {...viewProps} />}
            </Suspense>
          </VotingProvider>
        ) : (
          loading
        )}
      </main>
    </div>
  );
}

/**
 * Whether this person may change the board now: not a viewer, not a participant while the board is
 * locked, not refused by the server (a change
 * could never be sent), not a board written by a newer version, and not before the board has arrived
 * from the server or the browser's copy (a note placed then would not know where the areas are).
 */
function mayWrite(
  access: Access,
  connection: DocConnection,
  outdated: boolean,
  control: ControlState | null,
): boolean {
  return (
    access.role !== 'viewer' &&
    // Participants write drafts in silent brainstorming, and nothing while the board is locked.
    !(access.role === 'participant' && (control?.locked || control?.brainstorm.phase === 'silent')) &&
    !connection.readOnly &&
    !outdated &&
    connection.getState().kind !== 'rejected' &&
    storedRecord(connection.doc, BOARD_PAGE_ID) !== undefined
  );
}

/** The area of a participant's group, if they are in a group that has one. */
function groupAreaCode(control: ControlState | null, participantId: string | null): string | null {
  if (!control || !participantId) return null;
  const groupId = control.members[participantId];
  return control.groups.find((g) => g.id === groupId)?.areaCode ?? null;
}

/** The header's further controls: in the row on a wide screen, behind one "Meny" button on a phone. */
function HeaderMenu({ view, narrow, children }: { view: ViewKind; narrow: boolean; children: ReactNode }) {
  const t = useT();
  // Open for the view it was opened in: choosing another view closes it, and the focus stays put.
  const [openFor, setOpenFor] = useState<ViewKind | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = openFor === view;
  if (!narrow) return <>{children}</>;
  return (
    <div
      className="header-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpenFor(null);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="header-menu-panel"
        onClick={() => setOpenFor(open ? null : view)}
      >
        {t('view.menu')}
      </button>
      <div id="header-menu-panel" className="header-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

/** Choosing between the canvas, the list board and the phone view. */
function ViewSwitch({
  views,
  current,
  onChoose,
}: {
  views: ViewKind[];
  current: ViewKind;
  onChoose: (view: ViewKind) => void;
}) {
  const t = useT();
  return (
    <div className="view-switch" role="group" aria-label={t('view.switchLabel')}>
      {views.map((view) => (
        <button
          key={view}
          type="button"
          aria-pressed={view === current}
          data-testid={`view-${view}`}
          onClick={() => onChoose(view)}
        >
          {t(`view.${view}.name`)}
        </button>
      ))}
    </div>
  );
}

function ConnectionBadge({ connection }: { connection: DocConnection }) {
  const t = useT();
  const state = useSyncExternalStore(connection.subscribe, () => connection.getState());
  const text =
    state.kind === 'rejected'
      ? t('connection.rejected', {
          reason: t(isMessageKey(state.reasonKey) ? state.reasonKey : 'connection.closed.other'),
        })
      : t(`connection.${state.kind}`);
  return (
    <span
      className={`connection connection-${state.kind}`}
      role="status"
      data-testid="connection"
      data-state={state.kind}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className="connection-text">{text}</span>
    </span>
  );
}

function YourName({ identity, onRename }: { identity: Identity; onRename: (identity: Identity) => void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(identity.name);
  if (!editing) {
    return (
      <span className="your-name">
        <span>{t('board.you', { name: identity.name })}</span>
        <button type="button" onClick={() => setEditing(true)}>
          {t('board.changeName')}
        </button>
      </span>
    );
  }
  return (
    <form
      className="your-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onRename(saveName(name));
        setEditing(false);
      }}
    >
      <label htmlFor="rename" className="visually-hidden">
        {t('join.nameLabel')}
      </label>
      <input id="rename" value={name} maxLength={60} autoFocus onChange={(e) => setName(e.target.value)} />
      <button type="submit">{t('board.changeName')}</button>
    </form>
  );
}
