/**
 * A modal built on the native <dialog>: the browser traps focus, makes the rest of the page inert,
 * closes on Escape and gives focus back to where it was.
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Extra controls in the header (e.g. a close button). */
  headerEnd?: ReactNode;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
}

export function Dialog({ title, onClose, children, className, headerEnd, role, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  // A layout effect, so close() runs while the <dialog> is still in the document: closing then gives
  // focus back to the control that opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event): void => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its content box) closes.
        if (event.target === ref.current) onCloseRef.current();
      }}
    >
      <div className="dialog-frame">
        {/* Not <header>: a dialog opened from the sidebar or status bar would hold a second banner landmark. */}
        <div className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {headerEnd}
        </div>
        {children}
      </div>
    </dialog>
  );
}

/** The × in a dialog's header (Escape closes too); `label` is its accessible name ("Tutup"). */
export function DialogCloseButton({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <button type="button" className="icon-btn" aria-label={label} onClick={onClose}>
      <Icon name="close" />
    </button>
  );
}
