import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Editor } from 'tldraw';
import type { Role } from '@samskapa/shared';
import { Board } from '../board/Board';
import { mayMountCanvas } from '../board/licence';
import { addNoteAtViewportCentre, isNewNoteShortcut, NEW_NOTE_SHORTCUT } from '../board/newNote';
import { isMessageKey, useLocaleStore, useT, type MessageKey } from '../i18n/i18n';
import { makeReadOnly, readOnlyWhenRejected } from '../board/readOnlyWhenRejected';
import { DocConnection } from '../sync/docConnection';
import type { ClientConfig } from '@samskapa/shared';
import { loadClientConfig, loadWorkshopSummary } from './api';
import { useDocumentTitle } from './documentTitle';
import { FacilitatorLink } from './FacilitatorLink';
import { useFocusOnArrival } from './focusOnArrival';
import {
  colourFor,
  isKnownDeleted,
  loadIdentity,
  saveName,
  takeAccessFromLocation,
  type Access,
  type Identity,
} from './identity';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLayout } from './Layout';
import { NameForm } from './NameForm';
import { useAccessVerdict } from './useAccessVerdict';
import { WorkshopGonePage } from './WorkshopGonePage';

declare global {
  interface Window {
    /** The live editor, for end-to-end tests and debugging from the console. */
    samskapaEditor?: Editor;
  }
}

/** `/w/<id>`: takes the capability from the link, asks for a name once, then shows the board. */
export function BoardPage({ workshopId }: { workshopId: string }) {
  const t = useT();
  // Read (and remove from the address bar) the secret on the very first render.
  const [access] = useState(() => takeAccessFromLocation(workshopId));
  const [identity, setIdentity] = useState<Identity>(loadIdentity);

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
  if (!identity.name) {
    return (
      <JoinStep>
        <NameForm initialName="" onSubmit={(name) => setIdentity(saveName(name))} />
      </JoinStep>
    );
  }
  return <BoardView workshopId={workshopId} access={access} identity={identity} onRename={setIdentity} />;
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

/** A message for a live region; `at` tells a repeat of the same message apart, so it is read again. */
type Announcement = { key: MessageKey; at: number };

type ConfigState = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; config: ClientConfig };

function BoardView({
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
  const locale = useLocaleStore((s) => s.locale);
  const [config, setConfig] = useState<ConfigState>({ status: 'loading' });
  // Set once the board can be shown (synced, cached or timed out); destroyed when the page goes.
  const [connection, setConnection] = useState<DocConnection | null>(null);
  const [notice, setNotice] = useState<Announcement | null>(null);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
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

  useEffect(() => {
    if (!canvasAllowed) return;
    const next = new DocConnection(workshopId, 'board', access.role, access.token);
    let cancelled = false;
    void next.whenReady().then(() => !cancelled && setConnection(next));
    return () => {
      cancelled = true;
      setConnection(null);
      setEditor(null);
      next.destroy();
    };
  }, [canvasAllowed, workshopId, access.role, access.token]);

  const deleted = useAccessVerdict(workshopId, access, connection);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    if (outdated && editor) makeReadOnly(editor);
  }, [outdated, editor]);

  const mayAddNotes = access.role !== 'viewer' && connection !== null && !connection.readOnly && !outdated;
  const addNote = useCallback(() => {
    if (!editor || !mayAddNotes) return;
    if (addNoteAtViewportCentre(editor)) setAnnouncement({ key: 'board.newNote.added', at: Date.now() });
  }, [editor, mayAddNotes]);

  useEffect(() => {
    if (!editor || !mayAddNotes) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isNewNoteShortcut(event) || event.repeat) return;
      // Before tldraw sees it: Alt+N means "new note" wherever the focus is on this page.
      event.preventDefault();
      event.stopPropagation();
      addNote();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [editor, mayAddNotes, addNote]);

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
  if (config.status === 'loaded' && !canvasAllowed) {
    return (
      <PageLayout>
        <h1>{t('licence.heading')}</h1>
        <p>{t('licence.body')}</p>
      </PageLayout>
    );
  }

  const person = { id: identity.id, name: identity.name, color: colourFor(identity.id) };
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
        {mayAddNotes && (
          <button
            type="button"
            className="primary new-note"
            disabled={!editor}
            aria-keyshortcuts={NEW_NOTE_SHORTCUT}
            onClick={addNote}
          >
            {t('board.newNote')} <kbd>{NEW_NOTE_SHORTCUT}</kbd>
          </button>
        )}
        <span className="spacer" />
        <FacilitatorLink workshopId={workshopId} access={access} />
        <YourName identity={identity} onRename={onRename} />
        <LanguageSwitch />
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
      <main className="board-main" aria-label={t('board.canvasLabel')}>
        {connection && config.status === 'loaded' ? (
          <Board
            key={connection.doc.guid}
            connection={connection}
            person={person}
            locale={locale}
            licenseKey={config.config.tldrawLicenseKey ?? undefined}
            onNotice={(key) => setNotice({ key, at: Date.now() })}
            onOutdated={() => setOutdated(true)}
            onEditor={(mounted) => {
              window.samskapaEditor = mounted;
              setEditor(mounted);
              readOnlyWhenRejected(mounted, connection);
            }}
          />
        ) : (
          <p role="status" className="board-loading">
            {t('board.loading')}
          </p>
        )}
      </main>
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
      {text}
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
