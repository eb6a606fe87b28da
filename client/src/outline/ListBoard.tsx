import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Note } from '@samskapa/shared';
import type { ViewProps } from '../session/viewProps';
import { useSummon } from '../session/useSummon';
import { useT } from '../i18n/i18n';
import { useWorkshopBoard } from '../sync/useWorkshopBoard';
import { AreaColumn, type ColumnHandlers } from './AreaColumn';
import { CLUSTER_PANEL_HEADING_ID, ClusterPanel } from './ClusterPanel';
import {
  areaName,
  boardColumns,
  domId,
  focusAfterLeaving,
  focusSoon,
  UNPLACED,
  type ColumnKey,
  type Destination,
} from './columns';
import { useDrafts, type AreaFilter } from './drafts';
import type { StatusMessage } from './status';
import { useBoardActions } from './useBoardActions';
import './outline.css';

/** How long a message that something worked stays; a message that something failed stays until the next one. */
const INFO_MESSAGE_MS = 8000;

/**
 * The list board: every area as a column of notes (and a last column of the unplaced ones), with every
 * note workflow by keyboard and screen reader. It is the board wherever the canvas may not be mounted,
 * so it never loads tldraw.
 */
export default function ListBoard({
  workshopId,
  access,
  connection,
  person,
  mayWrite,
  control,
  notify,
}: ViewProps) {
  const t = useT();
  const board = useWorkshopBoard(connection.doc);
  // Brought to an area by the facilitator: its column comes into view and its heading takes the focus.
  useSummon(control, (code) => {
    const heading = document.querySelector<HTMLElement>(
      `[data-testid="outline-column"][data-area-code="${CSS.escape(code)}"] h2`,
    );
    if (!heading) return;
    heading.scrollIntoView({ block: 'nearest', inline: 'center' });
    heading.focus({ preventScroll: true });
    notify('facilitate.summoned');
  });
  const [status, setStatus] = useState<(StatusMessage & { at: number }) | null>(null);
  const report = useCallback((message: StatusMessage) => setStatus({ ...message, at: Date.now() }), []);
  const actions = useBoardActions({
    doc: connection.doc,
    personId: person.id,
    personName: person.name,
    report,
    t,
  });
  const mayRename = mayWrite && access.role === 'facilitator';

  useEffect(() => {
    if (status?.tone !== 'info') return;
    const timer = setTimeout(() => setStatus((now) => (now === status ? null : now)), INFO_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const columns = useMemo(() => boardColumns(board), [board]);
  const destinations = useMemo<Destination[]>(
    () => columns.map((c) => ({ key: c.key, code: c.area?.code ?? null, title: c.area?.title ?? '' })),
    [columns],
  );

  const storedFilter = useDrafts((s) => s.filters[workshopId]) ?? 'all';
  const setFilter = useDrafts((s) => s.setFilter);
  // A filter on an area someone deleted shows everything again.
  const filter: AreaFilter = columns.some((c) => c.key === storedFilter) ? storedFilter : 'all';
  const shown = filter === 'all' ? columns : columns.filter((c) => c.key === filter);
  const referenceShown = useDrafts((s) => s.referenceShown[workshopId]) ?? true;
  const showReference = useDrafts((s) => s.showReference);
  const hasReference = useMemo(() => board.notes.some((note) => note.reference), [board]);

  // Notes deleted by someone while this person was editing them: their drafts stay, as ghosts in the column.
  const draftSignature = useDrafts((s) =>
    Object.entries(s.edits)
      .filter(([, draft]) => draft.workshopId === workshopId)
      .map(([id, draft]) => `${id}\u0000${draft.columnKey}`)
      .join('\u0001'),
  );
  const ghosts = useMemo(() => {
    const present = new Set(board.notes.map((n) => n.id));
    const keys = new Set(columns.map((c) => c.key));
    const byColumn = new Map<ColumnKey, Note[]>();
    for (const entry of draftSignature ? draftSignature.split('\u0001') : []) {
      const [id = '', columnKey = UNPLACED] = entry.split('\u0000');
      if (present.has(id)) continue;
      const key = keys.has(columnKey) ? columnKey : UNPLACED;
      const ghost: Note = {
        id,
        text: '',
        authorId: person.id,
        author: person.name,
        createdAt: null,
        areaId: key === UNPLACED ? null : key,
        reference: false,
        parentId: '',
        x: 0,
        y: 0,
        index: '',
      };
      byColumn.set(key, [...(byColumn.get(key) ?? []), ghost]);
    }
    return byColumn;
  }, [board, columns, draftSignature, person.id, person.name]);

  const [dropKey, setDropKey] = useState<ColumnKey | null>(null);
  const [clustersOpen, setClustersOpen] = useState(false);

  const handlers = useMemo<ColumnHandlers>(
    () => ({
      add: actions.add,
      rename: actions.rename,
      save: actions.save,
      saveAsNew: (_noteId, columnKey, text) => {
        const id = actions.add(columnKey, text);
        if (id !== null) focusSoon(domId.note(id));
        return id !== null;
      },
      remove: (noteId, columnKey) => {
        const next = focusAfterLeaving(noteId, columnKey);
        if (actions.remove(noteId)) focusSoon(next);
      },
      move: (noteId, from, to) => {
        const next = from === null ? null : focusAfterLeaving(noteId, from);
        if (actions.move(noteId, to) && next) focusSoon(next);
      },
      reportEmpty: () => report({ key: 'outline.add.empty', tone: 'error' }),
      dragOver: setDropKey,
    }),
    [actions, report],
  );

  const noGhosts = useMemo<Note[]>(() => [], []);
  return (
    <div className="outline" data-testid="list-board" onDragEnd={() => setDropKey(null)}>
      <div className="outline-toolbar" role="group" aria-label={t('outline.toolbar')}>
        <label className="outline-filter">
          <span>{t('outline.filter.label')}</span>
          <select
            value={filter}
            data-testid="outline-filter"
            onChange={(event) => setFilter(workshopId, event.target.value)}
          >
            <option value="all">{t('outline.filter.all')}</option>
            {columns.map((c) => (
              <option key={c.key} value={c.key}>
                {c.area ? areaName(c.area) : t('outline.unplaced.title')}
              </option>
            ))}
          </select>
        </label>
        {hasReference && (
          <label className="outline-toggle">
            <input
              type="checkbox"
              checked={referenceShown}
              onChange={(event) => showReference(workshopId, event.target.checked)}
            />
            <span>{t('outline.showReference')}</span>
          </label>
        )}
        {mayRename && (
          <button
            type="button"
            id="outline-clusters-open"
            aria-expanded={clustersOpen}
            onClick={() => {
              setClustersOpen((open) => !open);
              if (!clustersOpen) focusSoon(CLUSTER_PANEL_HEADING_ID);
            }}
          >
            {t('outline.clusters.open')}
          </button>
        )}
        <div className="outline-status-row">
          <p
            className={`outline-status outline-status-${status?.tone ?? 'info'}`}
            role="status"
            data-testid="outline-status"
          >
            {status && <span key={status.at}>{t(status.key, status.vars)}</span>}
          </p>
          {status?.tone === 'error' && (
            <button type="button" className="outline-status-close" onClick={() => setStatus(null)}>
              {t('outline.status.close')}
            </button>
          )}
        </div>
      </div>
      {clustersOpen && mayRename && (
        <ClusterPanel
          workshopId={workshopId}
          notes={board.notes}
          areas={board.areas}
          onGather={actions.gather}
          onDismiss={() => report({ key: 'outline.status.dismissed', tone: 'info' })}
          onClose={() => {
            setClustersOpen(false);
            focusSoon('outline-clusters-open');
          }}
        />
      )}
      <div className="outline-columns">
        {shown.map((column) => (
          <AreaColumn
            key={column.key}
            workshopId={workshopId}
            column={column}
            ghosts={mayWrite ? (ghosts.get(column.key) ?? noGhosts) : noGhosts}
            destinations={destinations}
            mayWrite={mayWrite}
            mayRename={mayRename}
            referenceShown={referenceShown}
            dropActive={dropKey === column.key}
            handlers={handlers}
          />
        ))}
      </div>
    </div>
  );
}
