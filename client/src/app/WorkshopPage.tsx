import '../i18n/laterMessages';
import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { BOARD_PAGE_ID, storedRecord, type ClientConfig } from '@samskapa/shared';
import { mayMountCanvas } from '../board/licence';
import { useDocumentTitle } from '../common/documentTitle';
import { useFocusOnArrival } from '../common/focusOnArrival';
import { Facilitation } from '../facilitate/Facilitation';
import { usePublishParticipant } from '../facilitate/participants';
import { useControlConnection, useControlState } from '../facilitate/useControl';
import { usePublishDrafts } from '../facilitate/usePublishDrafts';
import { useResyncOnUnlock } from '../facilitate/useResyncOnUnlock';
import { useT, type MessageKey } from '../i18n/i18n';
import { loadClientConfig, loadWorkshopSummary } from '../session/api';
import { useParticipantCredential } from '../session/credential';
import { groupAreaCode } from '../session/groupArea';
import { colourFor, personIdIn, type Access, type Identity } from '../session/identity';
import type { ViewProps } from '../session/viewProps';
import { useVotingState, VotingProvider } from '../session/voting';
import { writePolicy } from '../session/writePolicy';
import { DocConnection } from '../sync/docConnection';
import { watchServerClock } from '../sync/serverClock';
import { hasBoardCopy } from '../participate/boardCopy';
import { QuickNoteSection } from '../participate/QuickPhone';
import { useAccessVerdict } from './useAccessVerdict';
import { availableViews, defaultView, useNarrowScreen, useViewChoice, type ViewKind } from './viewChoice';
import { WorkshopGonePage } from './WorkshopGonePage';
import { WorkshopHeader } from './WorkshopHeader';

// tldraw is loaded only when the canvas is shown: the list board and the phone view never download it.
const loadCanvasView = () => import('../board/CanvasView');
const CanvasView = lazy(loadCanvasView);
const loadListBoard = () => import('../outline/ListBoard');
const ListBoard = lazy(loadListBoard);
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
  // Where the facilitator's drawer opens: beside the board, below the header and the step bar.
  const [drawerSlot, setDrawerSlot] = useState<HTMLDivElement | null>(null);
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  // A phone that never had this board shows the small note form until it is here (see boardCopy).
  const [coldPhone] = useState(() => !hasBoardCopy(workshopId));
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

  // Without the configuration (offline, the server unreachable) the board still opens from its offline
  // copy, with the canvas only where it needs no licence key.
  const canvasAllowed =
    config.status === 'loaded'
      ? mayMountCanvas(window.location, config.config.tldrawLicenseKey)
      : config.status === 'failed' && mayMountCanvas(window.location, null);
  const canvasMissing = config.status === 'failed' && !canvasAllowed;

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

  // A view's code is fetched (and parsed) while the board connects, not after it has synced: on venue
  // Wi-Fi a round trip less, and the canvas's large chunk no longer waits for the sync.
  useEffect(() => {
    if (view === 'phone') void loadPhoneView();
    else if (view === 'canvas') void loadCanvasView();
    else if (view === 'list') void loadListBoard();
  }, [view]);

  const notify = useCallback((key: MessageKey) => setNotice({ key, at: Date.now() }), []);
  // A new copy of the board after the server refused a change of this browser's.
  const [boardGeneration, setBoardGeneration] = useState(0);
  useEffect(() => {
    const next = new DocConnection(workshopId, 'board', access.role, access.token);
    let cancelled = false;
    void next.whenReady().then(() => !cancelled && setConnection(next));
    const stopRefused = next.onRefused(() => {
      void next.clearCache().finally(() => {
        if (cancelled) return;
        notify('board.changeRefused');
        setBoardGeneration((generation) => generation + 1);
      });
    });
    return () => {
      cancelled = true;
      stopRefused();
      setConnection(null);
      next.destroy();
    };
  }, [workshopId, access.role, access.token, boardGeneration, notify]);

  const controlConnection = useControlConnection(workshopId, access);
  const control = useControlState(controlConnection);
  useEffect(() => watchServerClock(), []);
  useResyncOnUnlock(connection, control, access.role);
  // Asked for once the board's socket is open: the credential is bound to its session.
  const credential = useParticipantCredential(workshopId, access.role, access.token, connection);
  const voting = useVotingState(workshopId, access.role, credential?.secret ?? null, control, notify);
  // Who this person is in this workshop: an id of its own, so workshops cannot be linked by it.
  const [personId] = useState(() => personIdIn(workshopId));
  const draftCount = usePublishDrafts(workshopId, connection, control, { id: personId, name: identity.name });
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

  const person = { id: personId, name: identity.name, color: colourFor(personId) };
  // Only the canvas needs the configuration (its licence): a view that cannot turn out to be the canvas
  // does not wait for it.
  const viewKnown =
    config.status !== 'loading' ||
    (chosenView !== 'canvas' && defaultView(access.role, true, narrowOnArrival) !== 'canvas');
  const viewProps: ViewProps | null =
    connection && viewKnown
      ? {
          workshopId,
          access,
          connection,
          person,
          licenseKey: (config.status === 'loaded' && config.config.tldrawLicenseKey) || undefined,
          ...writePolicy(access, connection, outdated, control),
          control,
          groupAreaCode: groupAreaCode(control, credential?.participantId ?? null),
          outdated,
          announce,
          notify,
          onOutdated,
        }
      : null;
  // A participant's phone takes notes before the board is here (first sync on a slow network): the same
  // form, the areas from the outline request, the notes kept until the board can take them.
  const boardHere =
    connection !== null &&
    (connection.getState().kind === 'connected' || storedRecord(connection.doc, BOARD_PAGE_ID) !== undefined);
  const quickPhone =
    coldPhone && view === 'phone' && access.role === 'participant' && (!viewProps || !boardHere);
  const loading = (
    <p role="status" className="board-loading">
      {t('board.loading')}
    </p>
  );
  return (
    <div className="board-page">
      <WorkshopHeader
        {...{
          workshopId,
          access,
          identity,
          heading,
          connection,
          person,
          view,
          views,
          narrow,
          onRename,
          notify,
        }}
        title={workshopTitle ?? t('board.heading')}
        onChooseView={chooseView}
      />
      {canvasMissing && (
        <p role="alert" className="error" data-testid="config-failed">
          {t('licence.loadFailed')}
        </p>
      )}
      {outdated && (
        <div className="outdated" role="alert" data-testid="outdated">
          <p>{t('board.outdated')}</p>
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t('board.reload')}
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status" data-testid="announcement">
        {announcement && <span key={announcement.at}>{t(announcement.key)}</span>}
      </p>
      {/* The board and, beside it, the facilitator's drawer: it pushes the board aside, never covers the
          header, the step bar or the countdown. */}
      <div className="board-body">
        <div className="board-column">
          {/* Live regions stay in the page and only their text changes, so screen readers read each message. */}
          <p className="notice" role="status" data-testid="notice">
            {notice && <span key={notice.at}>{t(notice.key)}</span>}
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
                drawerSlot={drawerSlot}
                announce={announce}
                notify={notify}
              />
            </VotingProvider>
          )}
          <main
            className={`board-main board-main-${view}`}
            aria-label={t(`view.${view}.label`)}
            data-view={view}
          >
            {quickPhone ? (
              <QuickNoteSection workshopId={workshopId} token={access.token} />
            ) : viewProps ? (
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
        <div className="drawer-slot" ref={setDrawerSlot} />
      </div>
    </div>
  );
}
