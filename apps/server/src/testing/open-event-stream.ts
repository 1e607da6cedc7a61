import { type IncomingMessage, request } from "node:http";

export type EventStreamEvent = { event?: string; id?: string; data: string };

export type OpenEventStream = {
  status: number | undefined;
  /** The `x-worker` header: which server process holds this stream (WEB_CONCURRENCY > 1). */
  worker: string | undefined;
  events: EventStreamEvent[];
  /** Notifications (events with an id) as the client sees them after superjson. */
  notifications(): Record<string, unknown>[];
  close(): void;
};

/**
 * Opens a server-sent event stream (a tRPC subscription) on a connection of its own, never a
 * pooled one: with several server processes on one port, each new connection may reach another.
 */
export function openEventStream(url: string, headers: Record<string, string>): Promise<OpenEventStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { accept: "text/event-stream", ...headers } });
    req.on("error", reject);
    req.on("response", (response: IncomingMessage) => {
      const events: EventStreamEvent[] = [];
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          events.push(parseEvent(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      });
      // Closing the stream from this side ends the response with an error; that is the point.
      response.on("error", () => undefined);
      const worker = response.headers["x-worker"];
      resolve({
        status: response.statusCode,
        worker: typeof worker === "string" ? worker : undefined,
        events,
        notifications: () =>
          events
            .filter((event) => event.id)
            .map((event) => ({
              id: event.id,
              ...(JSON.parse(event.data) as { json: Record<string, unknown> }).json,
            })),
        close: () => req.destroy(),
      });
    });
    req.end();
  });
}

function parseEvent(block: string): EventStreamEvent {
  const event: EventStreamEvent = { data: "" };
  for (const line of block.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") event.data += value;
    else if (field === "id" || field === "event") event[field] = value;
  }
  return event;
}
