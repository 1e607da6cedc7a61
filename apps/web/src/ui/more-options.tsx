import { type ReactNode, useId, useState } from "react";

type MoreOptionsProps = {
  children: ReactNode;
  /** Open whatever the toggle says, e.g. while a field inside has an error to show. */
  forceOpen?: boolean;
  /** Layout classes of the options' container when shown (it is a grid). */
  className?: string;
};

/**
 * Optional fields behind a "More options" toggle on a phone, so the one field that matters
 * fills the first screen; from the sm breakpoint up there is room and they are always shown
 * (the toggle is hidden there).
 */
export function MoreOptions({ children, forceOpen = false, className = "" }: MoreOptionsProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = open || forceOpen;
  return (
    <>
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="self-start text-sm font-medium text-indigo-700 hover:underline sm:hidden"
      >
        {shown ? "Fewer options" : "More options"}
      </button>
      <div id={id} className={`${shown ? "grid" : "hidden"} sm:grid ${className}`}>
        {children}
      </div>
    </>
  );
}
