import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/i18n';
import { domId, type ColumnKey, type Destination } from './columns';

/**
 * "Flytta till…": a button that opens the list of the other areas (and "Ej placerad") as buttons. A
 * disclosure rather than an ARIA menu: Tab and the arrow keys both work, and screen readers need no mode.
 */
export function MoveMenu({
  noteId,
  current,
  destinations,
  describedBy,
  onMove,
}: {
  noteId: string;
  current: ColumnKey;
  destinations: readonly Destination[];
  describedBy: string;
  onMove: (to: ColumnKey) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const triggerId = domId.noteMove(noteId);
  const others = destinations.filter((d) => d.key !== current);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) document.getElementById(triggerId)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown'
        ? (at + 1) % buttons.length
        : event.key === 'ArrowUp'
          ? (at - 1 + buttons.length) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (next === null || at < 0) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div
      className="outline-move"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Closes when the focus leaves the button and its list (a click elsewhere, Tab past the end).
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        id={triggerId}
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={describedBy}
        onClick={() => {
          if (open) return close(false);
          setOpen(true);
          requestAnimationFrame(() => list.current?.querySelector('button')?.focus());
        }}
      >
        {t('outline.note.move')}
      </button>
      <ul
        id={listId}
        ref={list}
        className="outline-move-list"
        hidden={!open}
        aria-label={t('outline.note.moveLabel')}
      >
        {/* Built only when open: a board of a thousand notes would otherwise hold tens of thousands of hidden buttons. */}
        {open &&
          others.map((destination) => (
            <li key={destination.key}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  onMove(destination.key);
                }}
              >
                {destination.code === null ? (
                  t('outline.unplaced.target')
                ) : (
                  <>
                    <span className="outline-code">{destination.code}</span> {destination.title}
                  </>
                )}
              </button>
            </li>
          ))}
      </ul>
    </div>
  );
}
