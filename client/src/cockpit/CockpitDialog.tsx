import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

/**
 * A modal dialog (the browser's own `<dialog>`: focus kept inside, Escape closes) that returns the
 * focus to the button that opened it. It lives at the end of the page, not inside the header's menu, so
 * a phone's closed "Meny" cannot hide it, and Escape closes only the dialog, not the menu around it.
 */
export function CockpitDialog({
  open,
  onClose,
  labelledBy,
  initialFocus,
  returnFocus,
  className,
  testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** The id of the dialog's heading. */
  labelledBy: string;
  /** What takes the focus when it opens; else the browser's choice (the first control). */
  initialFocus?: RefObject<HTMLElement | null>;
  returnFocus: RefObject<HTMLElement | null>;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      initialFocus?.current?.focus();
    } else if (!open && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [open, initialFocus, returnFocus]);

  return createPortal(
    <dialog
      ref={dialog}
      className={`cockpit-dialog ${className ?? ''}`}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(event) => {
        // Closed through React state, so the page and the dialog never disagree about it.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.stopPropagation();
      }}
      onClick={(event) => {
        // A click on the backdrop (outside the content box) closes, as people expect of a dialog.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && <div className="cockpit-dialog-body">{children}</div>}
    </dialog>,
    document.body,
  );
}
