import type { LoadRequest } from "./run-load.ts";

/**
 * The calls as the app and the floor take them. The app's are tRPC over HTTP with
 * superjson, one procedure per request (the typed client's httpLink form).
 */
export const requests = {
  appList: (appUrl: string, token: string): LoadRequest => ({
    method: "GET",
    url: `${appUrl}/trpc/scheduler.tasks.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 50 } }))}`,
    token,
  }),
  appCreate: (appUrl: string, token: string, projectId: string | null = null): LoadRequest => ({
    method: "POST",
    url: `${appUrl}/trpc/scheduler.tasks.create`,
    token,
    body: JSON.stringify({ json: { summary: "Benchmark task", ...(projectId ? { projectId } : {}) } }),
  }),
  floorList: (floorUrl: string, token: string): LoadRequest => ({ method: "GET", url: `${floorUrl}/tasks`, token }),
  floorCreate: (floorUrl: string, token: string, projectId: string | null = null): LoadRequest => ({
    method: "POST",
    url: `${floorUrl}/tasks`,
    token,
    body: JSON.stringify({ summary: "Benchmark task", projectId }),
  }),
};
