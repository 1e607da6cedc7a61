import type { RouteObject } from "react-router";
import { RequireSession } from "./auth/require-session.tsx";
import { SignInPage } from "./auth/sign-in-page.tsx";
import { SignUpPage } from "./auth/sign-up-page.tsx";
import { InboxPage } from "./features/inbox/inbox-page.tsx";
import { HomeRedirect } from "./features/today/home-redirect.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { NotFoundPage } from "./layout/not-found-page.tsx";
import { Loading } from "./ui/states.tsx";

/**
 * Every page of the app; main.tsx mounts them in the browser's history, tests in memory.
 * Pages other than the inbox load on first visit, so the calendar library and the rest
 * are not in the bundle every visitor downloads first.
 */
export const routes: RouteObject[] = [
  { path: "/sign-in", element: <SignInPage /> },
  { path: "/sign-up", element: <SignUpPage /> },
  {
    element: <RequireSession />,
    // Shown while the first page's code loads when the app is opened at a lazily loaded page.
    hydrateFallbackElement: <Loading label="Opening AgendaCraft…" />,
    children: [
      {
        element: <AppLayout />,
        children: [
          // Today once the person has planned, the Inbox before that.
          { index: true, element: <HomeRedirect /> },
          { path: "inbox", element: <InboxPage /> },
          {
            path: "today",
            lazy: async () => ({ Component: (await import("./features/today/today-page.tsx")).TodayPage }),
          },
          {
            path: "upcoming",
            lazy: async () => ({ Component: (await import("./features/upcoming/upcoming-page.tsx")).UpcomingPage }),
          },
          {
            path: "week",
            lazy: async () => ({ Component: (await import("./features/week/week-page.tsx")).WeekPage }),
          },
          {
            path: "projects",
            lazy: async () => ({ Component: (await import("./features/projects/projects-page.tsx")).ProjectsPage }),
          },
          {
            path: "projects/:projectId",
            lazy: async () => ({ Component: (await import("./features/projects/project-page.tsx")).ProjectPage }),
          },
          {
            path: "planners",
            lazy: async () => ({ Component: (await import("./features/planners/planners-page.tsx")).PlannersPage }),
          },
          {
            path: "settings",
            lazy: async () => ({ Component: (await import("./features/settings/settings-page.tsx")).SettingsPage }),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
