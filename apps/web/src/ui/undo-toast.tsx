import { toast } from "sonner";
import { buttonClass } from "./button.ts";

/** How long Undo is offered after an action that can be taken back. */
export const UNDO_TOAST_MS = 6_000;

type UndoToastProps = {
  message: string;
  onUndo: () => void;
  onClose: () => void;
};

/**
 * A message with an Undo button. role=status so screen readers announce it without moving
 * focus; the button is a real, focusable button (Alt+T reaches the toasts, and the timer
 * pauses while they have focus or the pointer). Motion follows the reduced-motion rule in
 * styles.css and sonner's own.
 */
export function UndoToast({ message, onUndo, onClose }: UndoToastProps) {
  return (
    <div
      role="status"
      className="flex w-[min(24rem,calc(100vw-2rem))] items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-900 shadow-lg"
    >
      <span className="flex-1">{message}</span>
      <button
        type="button"
        className={buttonClass.secondary}
        onClick={() => {
          onUndo();
          onClose();
        }}
      >
        Undo
      </button>
      <button type="button" className={buttonClass.ghost} aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** Shows an UndoToast; `onUndo` runs at most once, only when the person presses Undo. */
export function showUndoToast({ message, onUndo }: { message: string; onUndo: () => void }) {
  return toast.custom((id) => <UndoToast message={message} onUndo={onUndo} onClose={() => toast.dismiss(id)} />, {
    duration: UNDO_TOAST_MS,
  });
}
