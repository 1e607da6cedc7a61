import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { useMe } from "../auth/require-session.tsx";
import { useSignOut } from "../auth/use-sign-out.ts";
import { NotificationBell } from "../features/notifications/notification-bell.tsx";
import { buttonClass } from "../ui/button.ts";
import { Loading } from "../ui/states.tsx";
import { NetworkBanner } from "./network-banner.tsx";
import { KeyboardShortcuts } from "./shortcuts/keyboard-shortcuts.tsx";

const NAV = [
  { to: "/today", label: "Today" },
  { to: "/upcoming", label: "Upcoming" },
  { to: "/inbox", label: "Inbox" },
  { to: "/week", label: "Week" },
  { to: "/projects", label: "Projects" },
  { to: "/planners", label: "Planners" },
  { to: "/settings", label: "Settings" },
] as const;

const NAV_CLASS =
  "fixed inset-x-0 bottom-0 z-40 grid auto-cols-fr grid-flow-col border-t border-slate-200 bg-white px-1 pt-1 pb-[max(0.25rem,env(safe-area-inset-bottom))] sm:static sm:flex sm:w-auto sm:gap-1 sm:border-0 sm:p-0";
const NAV_LINK_CLASS =
  "flex min-h-11 min-w-0 items-center justify-center rounded-md text-center text-[0.6875rem] leading-tight tracking-tight sm:min-h-0 sm:tracking-normal sm:whitespace-nowrap sm:px-3 sm:py-1.5 sm:text-sm";

/** The signed-in frame: header with navigation, bell and sign out, then the current page. */
export function AppLayout() {
  const me = useMe();
  const { signOut, busy } = useSignOut();
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <NetworkBanner />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2">
          <span className="font-semibold text-indigo-700">AgendaCraft</span>
          {/* On a phone, a tab bar along the bottom with every page in reach; from sm up, in the header. */}
          <nav aria-label="Main" className={NAV_CLASS}>
            {NAV.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                className={({ isActive }) =>
                  `${NAV_LINK_CLASS} ${isActive ? "bg-indigo-50 font-medium text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <NotificationBell />
            <span className="hidden text-sm text-slate-600 md:inline">{me.name}</span>
            <button type="button" className={buttonClass.ghost} onClick={() => void signOut()} disabled={busy}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      {/* Focusable so focus has a sensible place to return to when a dialog's trigger is gone (ui/modal.tsx). */}
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-3 pt-4 pb-24 focus:outline-none sm:pb-4"
      >
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <KeyboardShortcuts />
    </div>
  );
}
