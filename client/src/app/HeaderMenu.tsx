import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { ViewKind } from './viewChoice';

/**
 * The header's controls in one row. On a wide screen `primary` stands in the row and `more` (what is
 * used once a session, if at all) sits behind one "Mer" button; on a phone all of it is behind "Meny".
 */
export function HeaderMenu({
  view,
  narrow,
  primary,
  more,
}: {
  view: ViewKind;
  narrow: boolean;
  primary: ReactNode;
  /** Null when this person has nothing more (the projector): then there is no button. */
  more: ReactNode | null;
}) {
  if (!narrow) {
    return (
      <>
        {primary}
        {more && (
          <Menu view={view} label="view.more">
            {more}
          </Menu>
        )}
      </>
    );
  }
  return (
    <Menu view={view} label="view.menu">
      {primary}
      {more}
    </Menu>
  );
}

function Menu({
  view,
  label,
  children,
}: {
  view: ViewKind;
  label: 'view.menu' | 'view.more';
  children: ReactNode;
}) {
  const t = useT();
  // Open for the view it was opened in: choosing another view closes it, and the focus stays put.
  const [openFor, setOpenFor] = useState<ViewKind | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = openFor === view;
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
        data-testid="header-menu"
        onClick={() => setOpenFor(open ? null : view)}
      >
        {t(label)}
      </button>
      <div id="header-menu-panel" className="header-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
