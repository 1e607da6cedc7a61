import { Navigate, type RouteObject } from "react-router";
import { RequireSession } from "./auth/require-session.tsx";
import { SignInPage } from "./auth/sign-in-page.tsx";
import { SignUpPage } from "./auth/sign-up-page.tsx";
import { InboxPage } from "./features/inbox/inbox-page.tsx";
import { PlannersPage } from "./features/planners/planners-page.tsx";
import { ProjectPage } from "./features/projects/project-page.tsx";
import { ProjectsPage } from "./features/projects/projects-page.tsx";
import { SettingsPage } from "./features/settings/settings-page.tsx";
import { WeekPage } from "./features/week/week-page.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { NotFoundPage } from "./layout/not-found-page.tsx";

/** Every page of the app; main.tsx mounts them in the browser's history, tests in memory. */
export const routes: RouteObject[] = [
  { path: "/sign-in", element: <SignInPage /> },
  { path: "/sign-up", element: <SignUpPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/inbox" replace /> },
          { path: "inbox", element: <InboxPage /> },
          { path: "week", element: <WeekPage /> },
          { path: "projects", element: <ProjectsPage /> },
          { path: "projects/:projectId", element: <ProjectPage /> },
          { path: "planners", element: <PlannersPage /> },
          { path: "settings", element: <SettingsPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
