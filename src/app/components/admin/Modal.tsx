import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

let seq = 0;

/**
 * A modal <dialog>: focus moves inside, Escape and the backdrop-free close button end it, and the
 * page behind cannot be reached by keyboard while it is open.
 */
export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [titleId] = useState(() => `modal-title-${++seq}`);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const close = () => onClose.current();
    dialog.addEventListener('close', close);
    return () => {
      dialog.removeEventListener('close', close);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class={props.wide ? 'admin-modal wide' : 'admin-modal'}
      aria-labelledby={titleId}
      data-testid={props.testId}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
