import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { ViewKind } from './viewChoice';

/** The header's further controls: in the row on a wide screen, behind one "Meny" button on a phone. */
export function HeaderMenu({
  view,
  narrow,
  children,
}: {
  view: ViewKind;
  narrow: boolean;
  children: ReactNode;
}) {
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
