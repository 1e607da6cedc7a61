import pg from "pg";
import { createListenerRegistry, type Listener } from "./listeners.ts";
import { assertChannelName, type Listen } from "./types.ts";

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

export type ServerListener = {
  listen: Listen;
  /** Ends the dedicated connection and stops reconnecting. */
  close(): Promise<void>;
};

/**
 * LISTEN on a PostgreSQL server through one dedicated connection (a pooled one would
 * lose its LISTEN when returned), opened at the first `listen` and reopened with backoff
 * whenever it drops; each reopening re-LISTENs and tells listeners via `onReconnect`.
 */
export function listenOnServer({
  url,
  onConnectionError,
}: {
  url: string;
  onConnectionError?: (error: Error) => void;
}): ServerListener {
  const registry = createListenerRegistry();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = FIRST_RETRY_MS;
  let closed = false;

  async function open(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    // A dropped connection reports an error and then ends; reconnect once, on end.
    next.on("error", (error) => onConnectionError?.(error));
    next.on("notification", (message) => registry.dispatch(message.channel, message.payload ?? ""));
    try {
      await next.connect();
      for (const channel of registry.channels()) await next.query(`LISTEN "${channel}"`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    next.on("end", () => {
      if (client !== next) return;
      client = undefined;
      if (!closed) scheduleReconnect();
    });
    return next;
  }

  function connect(): Promise<pg.Client> {
    connecting ??= open().then(
      (opened) => {
        connecting = undefined;
        if (closed) {
          void opened.end().catch(() => undefined);
          throw new Error("the listener was closed");
        }
        client = opened;
        retryMs = FIRST_RETRY_MS;
        return opened;
      },
      (error: unknown) => {
        connecting = undefined;
        throw error;
      },
    );
    return connecting;
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().then(
        () => registry.reconnected(),
        (error: Error) => {
          onConnectionError?.(error);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          scheduleReconnect();
        },
      );
    }, retryMs);
    retryTimer.unref();
  }

  return {
    async listen(channel, onPayload, options = {}) {
      assertChannelName(channel);
      if (closed) throw new Error("the listener was closed");
      const listener: Listener = { onPayload, ...options };
      const first = registry.add(channel, listener);
      try {
        const current = client ?? (await connect());
        // Sent even when a fresh connection just listened to every channel: LISTEN twice is harmless.
        if (first) await current.query(`LISTEN "${channel}"`);
      } catch (error) {
        registry.remove(channel, listener);
        throw error;
      }
      let stopped = false;
      return async () => {
        if (stopped) return;
        stopped = true;
        if (registry.remove(channel, listener)) await client?.query(`UNLISTEN "${channel}"`).catch(() => undefined);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const current = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
