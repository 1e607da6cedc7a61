import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { useMe } from "../auth/require-session.tsx";
import { useSignOut } from "../auth/use-sign-out.ts";
import { NotificationBell } from "../features/notifications/notification-bell.tsx";
import { buttonClass } from "../ui/button.ts";
import { Loading } from "../ui/states.tsx";
import { NetworkBanner } from "./network-banner.tsx";

const NAV = [
  { to: "/today", label: "Today" },
  { to: "/upcoming", label: "Upcoming" },
  { to: "/inbox", label: "Inbox" },
  { to: "/week", label: "Week" },
  { to: "/projects", label: "Projects" },
  { to: "/planners", label: "Planners" },
  { to: "/settings", label: "Settings" },
] as const;

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
          <nav aria-label="Main" className="order-last flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
            {NAV.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                className={({ isActive }) =>
                  `whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm sm:px-3 ${isActive ? "bg-indigo-50 font-medium text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`
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
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-3 py-4">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
