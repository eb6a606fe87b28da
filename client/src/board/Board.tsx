import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import {
  atom,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  Tldraw,
  UserRecordType,
  useTldrawCurrentUser,
  type Editor,
  type TldrawOptions,
  type TLUiOverrides,
  type TLUser,
  type TLUserPreferences,
} from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import 'tldraw/tldraw.css';
import './board.css';
import { AWARENESS_FIELDS, judgeRecordChange, type Locale, type Role } from '@samskapa/shared';
import type { DocConnection } from '../sync/docConnection';
import { bindRecords } from '../sync/recordBinding';
import { bindPresence } from '../sync/presence';
import { boardShapeUtils, editorShapeUtils } from './shapeUtils';
import { AreaBadges } from './AreaBadges';
import { stampNewNotes, syncAreaNames } from './areaFrames';
import { fitNotes } from './fitNotes';
import { installExternalContentPolicy } from './externalContent';
import { serverAssetStore } from './assetStore';
import { translate, type MessageKey } from '../i18n/i18n';

// Every font, icon and translation is emitted by Vite and served by our own server.
const assetUrls = getAssetUrlsByImport();

/** tldraw's own words, where ours differ: its Swedish calls the note tool "Anmärkning" (an objection). */
const overrides: TLUiOverrides = {
  translations: {
    sv: { 'tool.note': translate('sv', 'board.tool.note') },
    en: { 'tool.note': translate('en', 'board.tool.note') },
  },
};

/** A board has one page: no page menu. Focus areas show their note counts on the canvas. */
const components = { PageMenu: null, OnTheCanvas: AreaBadges };
/** The projector shows the room's things only: no tools, menus or style panel, only the zoom. */
const projectorComponents = {
  ...components,
  Toolbar: null,
  StylePanel: null,
  MainMenu: null,
  ActionsMenu: null,
  QuickActions: null,
  HelpMenu: null,
  MenuPanel: null,
};

/**
 * The text editor of a note puts the caret at the end when it gets ready, not at the start (tldraw's
 * default): it gets ready a moment after editing starts, and on a slow phone or under a fast typist
 * the first letters are already typed by then; a caret moved to the start would put the rest before them.
 */
const options: Partial<TldrawOptions> = { text: { tipTapConfig: { autofocus: 'end' } } };

export interface BoardProps {
  connection: DocConnection;
  role: Role;
  person: { id: string; name: string; color: string };
  locale: Locale;
  licenseKey: string | undefined;
  onNotice: (key: MessageKey) => void;
  onEditor?: (editor: Editor) => void;
  /** The board was written by a newer Samskapa than this page: it no longer writes, and should be reloaded. */
  onOutdated?: () => void;
}

/** The tldraw canvas bound to the board doc, with presence over awareness. */
export function Board({
  connection,
  role,
  person,
  locale,
  licenseKey,
  onNotice,
  onEditor,
  onOutdated,
}: BoardProps) {
  const reportOutdated = useEffectEvent(() => onOutdated?.());
  const [$user] = useState(() => atom<TLUser | null>('samskapa user', null));
  const [$status] = useState(() => atom<'online' | 'offline'>('samskapa status', 'online'));
  const [$mode] = useState(() =>
    atom<'readonly' | 'readwrite'>('samskapa mode', connection.readOnly ? 'readonly' : 'readwrite'),
  );

  useEffect(() => {
    $user.set(UserRecordType.create({ id: createUserId(person.id), name: person.name, color: person.color }));
  }, [$user, person.id, person.name, person.color]);

  useEffect(() => {
    const apply = () => $status.set(connection.getState().kind === 'connected' ? 'online' : 'offline');
    apply();
    return connection.subscribe(apply);
  }, [connection, $status]);

  const store = useMemo(
    () =>
      createTLStore({
        shapeUtils: boardShapeUtils,
        bindingUtils: defaultBindingUtils,
        assets: serverAssetStore(connection.workshopId, connection.token),
        users: { currentUser: $user },
        collaboration: { status: $status, mode: $mode },
      }),
    [connection, $user, $status, $mode],
  );

  // The page is named once, in the language of whoever opens a new board first; the name never shows.
  const [pageName] = useState(() => translate(locale, 'board.pageName'));

  useEffect(() => {
    const unbindRecords = bindRecords({
      store,
      doc: connection.doc,
      readOnly: connection.readOnly,
      pageName,
      onNewerSchema: reportOutdated,
      mayRewrite: (before, after) =>
        connection.role !== 'participant' || judgeRecordChange('participant', before, after).ok,
    });
    const unbindPresence = bindPresence({ store, awareness: connection.provider.awareness, user: $user });
    connection.provider.awareness.setLocalStateField(AWARENESS_FIELDS.user, {
      id: person.id,
      name: person.name,
      color: person.color,
    });
    return () => {
      unbindPresence();
      unbindRecords();
    };
  }, [store, connection, $user, person.id, person.name, person.color, pageName]);

  const preferences = useMemo<TLUserPreferences>(
    () => ({ id: person.id, name: person.name, color: person.color, locale, colorScheme: 'light' }),
    [person.id, person.name, person.color, locale],
  );
  const user = useTldrawCurrentUser({ userPreferences: preferences });

  return (
    <Tldraw
      store={store}
      user={user}
      locale={locale}
      licenseKey={licenseKey}
      assetUrls={assetUrls}
      shapeUtils={editorShapeUtils}
      overrides={overrides}
      options={options}
      components={role === 'viewer' ? projectorComponents : components}
      onMount={(editor) => {
        installExternalContentPolicy(editor, onNotice, connection.readOnly);
        if (connection.readOnly) editor.updateInstanceState({ isReadonly: true });
        syncAreaNames(editor, role, () => onNotice('canvas.areaRenameRefused'));
        stampNewNotes(editor, person);
        if (role === 'facilitator' && !connection.readOnly) fitNotes(editor);
        onEditor?.(editor);
      }}
    />
  );
}
