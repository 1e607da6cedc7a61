import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type Route = { status: number; contentType: string; body: string };

export type TestCalendarServer = {
  /** `http://127.0.0.1:<port><path>` */
  url(path: string): string;
  /** Serves `text` at `path` as Google does (200, text/calendar). */
  serveCalendar(path: string, text: string): void;
  /** Answers `path` with any status and body. */
  serve(path: string, route: Partial<Route> & { status: number }): void;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
};

/**
 * A real HTTP server on a free local port that serves calendars the way Google serves a
 * secret iCal address. Unknown paths answer 404.
 */
export async function startTestCalendarServer(): Promise<TestCalendarServer> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push(path);
    const route = routes.get(path) ?? {
      status: 404,
      contentType: "text/html; charset=UTF-8",
      body: "<h1>Not Found</h1>",
    };
    res.writeHead(route.status, { "content-type": route.contentType, "cache-control": "no-cache, no-store" });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serveCalendar(path, text) {
      routes.set(path, { status: 200, contentType: "text/calendar; charset=UTF-8", body: text });
    },
    serve(path, route) {
      routes.set(path, { contentType: "text/plain; charset=UTF-8", body: "", ...route });
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
