import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "../../trpc.ts";
import { NotificationPanel } from "./notification-panel.tsx";
import { useLiveNotifications } from "./use-live-notifications.ts";

/** Without a live stream the count is polled this often. */
const POLL_WITHOUT_STREAM_MS = 30_000;

/** The header's bell: the unread count, kept live, and the panel of recent notifications. */
export function NotificationBell() {
  const trpc = useTRPC();
  const { live } = useLiveNotifications();
  // Fallback when the stream is not connected (it errored, e.g. `notifier.live_unavailable`,
  // or is reconnecting): poll, so the badge is at most half a minute behind.
  const unread = useQuery({
    ...trpc.notifier.notifications.unreadCount.queryOptions(),
    refetchInterval: live ? false : POLL_WITHOUT_STREAM_MS,
  });
  const count = unread.data?.count ?? 0;

  const [open, setOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = ({ returnFocus }: { returnFocus: boolean }) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  // A click or tap anywhere else closes the panel; focus stays where the person clicked.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && wrapperRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div ref={wrapperRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
        aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close({ returnFocus: false }) : setOpen(true))}
      >
        <BellIcon />
        {count > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <NotificationPanel id={panelId} unreadCount={count} onClose={() => close({ returnFocus: true })} />
      ) : null}
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
      <path
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M15 17h5l-1.4-1.4A2 2 0 0 1 18 14.2V11a6 6 0 1 0-12 0v3.2a2 2 0 0 1-.6 1.4L4 17h5"
      />
      <path strokeLinecap="round" strokeLinejoin="round" d="M9 17a3 3 0 0 0 6 0" />
    </svg>
  );
}
