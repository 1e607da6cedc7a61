import { type ReactNode, useEffect, useId, useRef } from "react";

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
 * backdrop, so no dialog library is needed. Mounted means open.
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
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === "function") dialog.showModal();
  }, []);
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

function supportsModal(): boolean {
  return typeof HTMLDialogElement !== "undefined" && "showModal" in HTMLDialogElement.prototype;
}
