import { memo, type CSSProperties, type DragEvent } from 'react';
import type { Note } from '@samskapa/shared';
import { areaCountText } from '../i18n/areaCount';
import { useT } from '../i18n/i18n';
import { AddNoteForm } from './AddNoteForm';
import {
  AREA_STRIPE,
  domId,
  sameColumn,
  sameDestinations,
  sameNotes,
  type Column,
  type ColumnKey,
  type Destination,
} from './columns';
import { NOTE_DRAG_TYPE, NoteItem, type NoteHandlers } from './NoteItem';
import { RenameArea } from './RenameArea';
import type { RenameProblem } from './useBoardActions';

export interface ColumnHandlers extends NoteHandlers {
  add(columnKey: ColumnKey, text: string): string | null;
  rename(areaId: string, code: string, title: string): RenameProblem | boolean;
  /** A note dragged over this column (null: it left). */
  dragOver(columnKey: ColumnKey | null): void;
}

interface AreaColumnProps {
  workshopId: string;
  column: Column;
  /** Notes deleted by someone while this person edited them, kept as drafts in this column. */
  ghosts: readonly Note[];
  destinations: readonly Destination[];
  mayWrite: boolean;
  mayRename: boolean;
  /** Whether the template's reference content is listed (a projector may hide it to show the notes). */
  referenceShown: boolean;
  dropActive: boolean;
  handlers: ColumnHandlers;
}

function AreaColumnView({
  workshopId,
  column,
  ghosts,
  destinations,
  mayWrite,
  mayRename,
  referenceShown,
  dropActive,
  handlers,
}: AreaColumnProps) {
  const t = useT();
  const { key, area, count } = column;
  const notes = referenceShown ? column.notes : column.notes.filter((note) => !note.reference);
  const headingId = domId.heading(key);

  const acceptsDrag = (event: DragEvent) => mayWrite && event.dataTransfer.types.includes(NOTE_DRAG_TYPE);
  const style = area ? ({ '--area-stripe': AREA_STRIPE[area.color] } as CSSProperties) : undefined;
  const classes = ['outline-column'];
  if (!area) classes.push('outline-column-unplaced');
  if (area?.kind === 'reference') classes.push('outline-column-reference');
  if (dropActive) classes.push('outline-column-drop');

  return (
    <section
      className={classes.join(' ')}
      id={domId.column(key)}
      aria-labelledby={headingId}
      data-testid="outline-column"
      data-area-code={area?.code ?? ''}
      style={style}
      onDragOver={(event) => {
        if (!acceptsDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!dropActive) handlers.dragOver(key);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) handlers.dragOver(null);
      }}
      onDrop={(event) => {
        if (!acceptsDrag(event)) return;
        event.preventDefault();
        handlers.dragOver(null);
        const noteId = event.dataTransfer.getData(NOTE_DRAG_TYPE);
        const from = document
          .querySelector<HTMLElement>(`li[data-note-id="${CSS.escape(noteId)}"]`)
          ?.closest('section')?.id;
        if (noteId && from !== domId.column(key)) handlers.move(noteId, null, key);
      }}
    >
      <header className="outline-column-header">
        <h2 id={headingId} tabIndex={-1}>
          {area ? (
            <>
              <span className="outline-code">{area.code}</span> <span>{area.title}</span>
            </>
          ) : (
            t('outline.unplaced.title')
          )}
        </h2>
        <p className="outline-count" data-testid="outline-count">
          {areaCountText(t, count)}
        </p>
        <p className="outline-description">{area ? area.description : t('outline.unplaced.description')}</p>
        {area && mayRename && <RenameArea area={area} headingId={headingId} onRename={handlers.rename} />}
      </header>
      {notes.length + ghosts.length > 0 ? (
        <ul className="outline-notes">
          {[
            ...notes.map((note) => ({ note, gone: false })),
            ...ghosts.map((note) => ({ note, gone: true })),
          ].map(({ note, gone }) => (
            <NoteItem
              key={note.id}
              workshopId={workshopId}
              note={note}
              columnKey={key}
              gone={gone}
              mayWrite={mayWrite}
              destinations={destinations}
              handlers={handlers}
            />
          ))}
        </ul>
      ) : (
        <p className="outline-empty">{t('outline.empty')}</p>
      )}
      {mayWrite && (
        <AddNoteForm
          workshopId={workshopId}
          columnKey={key}
          label={area ? t('outline.add.label', { area: area.code }) : t('outline.add.labelUnplaced')}
          onAdd={handlers.add}
        />
      )}
    </section>
  );
}

/** One area (or the unplaced notes) as a column: heading, count, description, notes, and a form to add one. */
export const AreaColumn = memo(
  AreaColumnView,
  (a, b) =>
    sameColumn(a.column, b.column) &&
    sameNotes(a.ghosts, b.ghosts) &&
    a.workshopId === b.workshopId &&
    a.mayWrite === b.mayWrite &&
    a.mayRename === b.mayRename &&
    a.referenceShown === b.referenceShown &&
    a.dropActive === b.dropActive &&
    a.handlers === b.handlers &&
    sameDestinations(a.destinations, b.destinations),
);
