import { type ReactNode, useEffect, useId, useRef, useState } from "react";

type ModalProps = {
  title: string;
  children: ReactNode;
  /** Escape and the close controls call this; ignored while `busy`. */
  onClose: () => void;
  busy?: boolean;
  /** Tailwind width classes; defaults to a narrow dialog. */
  widthClass?: string;
};

/**
 * A modal built on the native <dialog>: the browser gives focus trapping, Escape and the
 * backdrop, so no dialog library is needed. Mounted means open. Unmounting is closing, and
 * the browser only restores focus on close(), so the modal does it: back to what had focus
 * when it opened (its trigger), or to the main region when that is gone (a block the
 * calendar drew again, a row that was completed), never to the page's top.
 */
export function Modal({
  title,
  children,
  onClose,
  busy,
  widthClass = "w-[min(28rem,calc(100vw-1.5rem))]",
}: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Read while rendering the first time: by the time effects run, focus may be inside already.
  const [trigger] = useState(() => (typeof document === "undefined" ? null : document.activeElement));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === "function") dialog.showModal();
    return () => returnFocus(trigger);
  }, [trigger]);
  return (
    <dialog
      ref={ref}
      // jsdom has no showModal; there the dialog is simply open.
      open={supportsModal() ? undefined : true}
      aria-labelledby={titleId}
      className={`m-auto rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40 ${widthClass}`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="flex max-h-[85vh] flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

/** Where focus goes when a modal closes; see Modal. */
export const FOCUS_FALLBACK_ID = "main";

function returnFocus(trigger: Element | null) {
  // Deferred: a dialog that replaces this one (details to edit) takes focus first and wins.
  queueMicrotask(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    if (trigger instanceof HTMLElement && trigger.isConnected && trigger !== document.body) {
      trigger.focus();
      return;
    }
    document.getElementById(FOCUS_FALLBACK_ID)?.focus();
  });
}

function supportsModal(): boolean {
  return typeof HTMLDialogElement !== "undefined" && "showModal" in HTMLDialogElement.prototype;
}
