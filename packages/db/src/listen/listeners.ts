import type { ListenOptions } from "./types.ts";

export type Listener = { onPayload: (payload: string) => void } & ListenOptions;

/** The callbacks registered per channel; shared by both ways of listening. */
export function createListenerRegistry() {
  const byChannel = new Map<string, Set<Listener>>();
  return {
    channels: () => [...byChannel.keys()],
    /** Adds a listener; true when it is the channel's first (so LISTEN must be sent). */
    add(channel: string, listener: Listener): boolean {
      const listeners = byChannel.get(channel);
      if (listeners) {
        listeners.add(listener);
        return false;
      }
      byChannel.set(channel, new Set([listener]));
      return true;
    },
    /** Removes a listener; true when it was the channel's last (so UNLISTEN may be sent). */
    remove(channel: string, listener: Listener): boolean {
      const listeners = byChannel.get(channel);
      if (!listeners?.delete(listener)) return false;
      if (listeners.size > 0) return false;
      byChannel.delete(channel);
      return true;
    },
    dispatch(channel: string, payload: string) {
      for (const listener of byChannel.get(channel) ?? []) {
        // One failing listener must not keep the others from hearing about it.
        try {
          listener.onPayload(payload);
        } catch {
          // the listener's own problem; it reports it itself
        }
      }
    },
    reconnected() {
      for (const listeners of byChannel.values()) {
        for (const listener of listeners) {
          try {
            listener.onReconnect?.();
          } catch {
            // as above
          }
        }
      }
    },
  };
}
