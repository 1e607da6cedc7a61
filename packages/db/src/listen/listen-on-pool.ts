import type pg from "pg";
import { createListenerRegistry, type Listener } from "./listeners.ts";
import { assertChannelName, type Listen } from "./types.ts";

/**
 * LISTEN for the embedded database, which is ONE session shared by the pool's single
 * connection: a second connection is not possible, and PGlite's own `listen()` does not
 * see what arrives over its socket. The session delivers each notification on whichever
 * connection committed it, so every connection the pool opens is watched, and LISTEN,
 * sent once, holds for the whole session (it survives the pool replacing a connection).
 *
 * Must be created before the pool opens its first connection.
 */
export function listenOnPool(pool: pg.Pool): Listen {
  const registry = createListenerRegistry();
  pool.on("connect", (client) => {
    client.on("notification", (message) => registry.dispatch(message.channel, message.payload ?? ""));
  });

  return async (channel, onPayload, options = {}) => {
    assertChannelName(channel);
    const listener: Listener = { onPayload, ...options };
    if (registry.add(channel, listener)) {
      try {
        await pool.query(`LISTEN "${channel}"`);
      } catch (error) {
        registry.remove(channel, listener);
        throw error;
      }
    }
    let stopped = false;
    return async () => {
      if (stopped) return;
      stopped = true;
      if (registry.remove(channel, listener)) await pool.query(`UNLISTEN "${channel}"`).catch(() => undefined);
    };
  };
}
